using System.Diagnostics.Metrics;
using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Grains.Feed;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// The claim feed kept to a retention on the embedded store: what is pruned and when, that positions go on after a prune,
/// and that a catching-up watcher older than what is kept is told so instead of getting a feed with a hole in it.
/// </summary>
public sealed class FeedRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string directory = TestSupport.TestDirectories.Create("claimtracker-retention-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private SqliteStore NewStore() => new(Options.Create(new StorageOptions { DataDirectory = directory }));

    private static FeedRetention Retention(SqliteStore store, ManualTime time, TimeSpan retention) =>
        new(store, store, Options.Create(new StorageOptions { FeedRetention = retention }), time, NullLogger<FeedRetention>.Instance);

    private static async Task AppendAsync(SqliteStore store, string claimId, int version, int entries)
    {
        var feed = Enumerable.Range(0, entries).Select(i => Encoding.UTF8.GetBytes($"{claimId}/{version}/{i}")).ToArray();
        var row = new ClaimRow(claimId, "text", CorroborationStatus.Uncorroborated, DateTimeOffset.UtcNow, [], [1]);
        Assert.True(await store.AppendClaimAsync(claimId, version, [new JournalAppend($"s-{version}", [1])], feed, row));
    }

    [Fact]
    public async Task Store_prunes_the_oldest_entries_up_to_a_position_but_never_the_newest_and_positions_go_on()
    {
        await using var store = NewStore();
        long counted = 0;
        using var metrics = new MeterListener();
        metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName && instrument.Name == "claimtracker.storage.feed.pruned")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        metrics.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        metrics.Start();
        Assert.Equal(0, await store.ReadFeedFloorAsync());
        await AppendAsync(store, "c-1", 0, entries: 5);

        Assert.Equal(2, await store.PruneFeedAsync(throughPosition: 2, maxEntries: 10));
        Assert.Equal(2, await store.ReadFeedFloorAsync());
        Assert.Equal([3L, 4, 5], (await store.ReadFeedAsync(0, 10)).Select(r => r.Position));

        // A batch limit, then everything up to the head except the head itself.
        Assert.Equal(1, await store.PruneFeedAsync(throughPosition: 100, maxEntries: 1));
        Assert.Equal(1, await store.PruneFeedAsync(throughPosition: 100, maxEntries: 10));
        Assert.Equal(0, await store.PruneFeedAsync(throughPosition: 100, maxEntries: 10));
        Assert.Equal(5, Assert.Single(await store.ReadFeedAsync(0, 10)).Position);
        Assert.Equal(4, await store.ReadFeedFloorAsync());
        Assert.Equal(5, await store.ReadFeedHeadAsync());

        await AppendAsync(store, "c-1", 1, entries: 2);
        Assert.Equal([5L, 6, 7], (await store.ReadFeedAsync(0, 10)).Select(r => r.Position));
        Assert.True(Interlocked.Read(ref counted) >= 4, $"{counted} pruned entries counted"); // on /metrics, as a total
    }

    [Fact]
    public async Task Marks_answer_the_newest_at_or_before_a_time_and_older_ones_can_be_forgotten()
    {
        await using var store = NewStore();
        await store.MarkFeedAsync(Start, 10);
        await store.MarkFeedAsync(Start.AddMinutes(1), 25);
        await store.MarkFeedAsync(Start.AddMinutes(1), 99); // the same moment again: the first note stands

        Assert.Null(await store.ReadFeedMarkAsync(Start.AddSeconds(-1)));
        Assert.Equal(new FeedMark(Start, 10), await store.ReadFeedMarkAsync(Start.AddSeconds(59)));
        Assert.Equal(new FeedMark(Start.AddMinutes(1), 25), await store.ReadFeedMarkAsync(Start.AddHours(1)));

        await store.ForgetFeedMarksAsync(Start.AddMinutes(1));
        Assert.Null(await store.ReadFeedMarkAsync(Start.AddSeconds(59)));
        Assert.Equal(25, (await store.ReadFeedMarkAsync(Start.AddHours(1)))!.Position);
    }

    [Fact]
    public async Task Entries_are_pruned_once_older_than_the_retention_and_not_before()
    {
        await using var store = NewStore();
        var time = new ManualTime(Start);
        var retention = Retention(store, time, TimeSpan.FromHours(1));

        await AppendAsync(store, "c-1", 0, entries: 3);   // positions 1–3, written before the first round
        Assert.Equal(0, await retention.RunOnceAsync()); // notes head 3 at Start
        time.Now = Start.AddMinutes(30);
        await AppendAsync(store, "c-2", 0, entries: 2);   // positions 4–5
        Assert.Equal(0, await retention.RunOnceAsync()); // notes head 5; nothing is an hour old yet

        time.Now = Start.AddMinutes(61);
        Assert.Equal(3, await retention.RunOnceAsync()); // the note of Start is an hour old: 1–3 go
        Assert.Equal(3, await store.ReadFeedFloorAsync());

        time.Now = Start.AddMinutes(95);
        Assert.Equal(1, await retention.RunOnceAsync()); // the note of 0:30 (head 5): 4 goes, 5 is the newest and stays
        Assert.Equal(5, Assert.Single(await store.ReadFeedAsync(0, 10)).Position);
    }

    [Fact]
    public async Task Without_a_retention_nothing_is_noted_or_pruned()
    {
        await using var store = NewStore();
        var time = new ManualTime(Start);
        var retention = Retention(store, time, TimeSpan.Zero);
        await AppendAsync(store, "c-1", 0, entries: 3);

        Assert.Equal(0, await retention.RunOnceAsync());
        time.Now = Start.AddDays(400);
        Assert.Equal(0, await retention.RunOnceAsync());
        Assert.Null(await store.ReadFeedMarkAsync(time.Now));
        Assert.Equal(3, (await store.ReadFeedAsync(0, 10)).Count);
    }

    [Theory]
    [InlineData(-1, 60)]
    [InlineData(60, 0)]
    public void A_negative_retention_or_a_zero_interval_is_refused_with_the_setting_named(int retentionSeconds, int intervalSeconds)
    {
        var options = new StorageOptions
        {
            DataDirectory = directory,
            FeedRetention = TimeSpan.FromSeconds(retentionSeconds),
            FeedRetentionInterval = TimeSpan.FromSeconds(intervalSeconds),
        };
        var store = new SqliteStore(Options.Create(options));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedRetention(
            store, store, Options.Create(options), TimeProvider.System, NullLogger<FeedRetention>.Instance));
        Assert.Contains("Storage:FeedRetention", error.Message, StringComparison.Ordinal);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
