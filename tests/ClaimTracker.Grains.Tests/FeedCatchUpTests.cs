using ClaimTracker.Grains.Feed;
using ClaimTracker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// Catch-up reads the newest entries from the silo's memory (held while someone watches) and older ones from the
/// store: either way every entry exactly once, in feed order, also for a watcher whose buffer overflowed.
/// </summary>
public sealed class FeedCatchUpTests
{
    private const int CacheEntries = 8;

    [Fact]
    public async Task Catch_up_spanning_the_store_and_the_memory_of_recent_entries_returns_each_entry_once_in_order()
    {
        await using var cluster = await StartAsync();
        var (feed, store) = FeedOf(cluster);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        // The feed starts empty: every entry of this test passes through this silo's dispatcher, to a watcher.
        using var watching = await feed.SubscribeAsync(_ => true, 1_000, timeout.Token);
        for (var i = 0; i < 30; i++)
        {
            var claimId = $"c-catch-up-{i % 6}";
            await cluster.Grains.GetGrain<IClaimGrain>(claimId).AddStatement(Statements.Make(claimId, $"s{i}", $"Origin {i % 4}"));
        }

        var head = await DispatchedHeadAsync(feed, store, timeout.Token);

        var stored = await store.ReadFeedAsync(0, 1000, timeout.Token);
        Assert.True(stored.Count > CacheEntries * 2);
        foreach (var after in new[] { 0, stored[^(CacheEntries + 5)].Position, stored[^CacheEntries].Position, stored[^3].Position })
        {
            var read = await ReadAsync(feed, after, head, timeout.Token);
            Assert.Equal(stored.Where(r => r.Position > after).Select(r => r.Position), read.Select(e => e.Position));
            Assert.Equal(stored.Where(r => r.Position > after).Select(r => r.ClaimId), read.Select(e => e.Change.Claim.ClaimId));
        }

        // The newest entries come from memory (the same instances every time), older ones from the store.
        var first = await ReadAsync(feed, 0, head, timeout.Token);
        var second = await ReadAsync(feed, 0, head, timeout.Token);
        Assert.All(first.Zip(second).TakeLast(CacheEntries), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(first.Zip(second).SkipLast(CacheEntries), pair => Assert.NotSame(pair.First, pair.Second));
    }

    [Fact]
    public async Task With_nobody_watching_the_head_moves_and_entries_are_read_from_the_store_only_when_asked()
    {
        await using var cluster = await StartAsync();
        var (feed, store) = FeedOf(cluster);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 12; i++)
        {
            var claimId = $"c-unwatched-{i % 3}";
            await cluster.Grains.GetGrain<IClaimGrain>(claimId).AddStatement(Statements.Make(claimId, $"s{i}", $"Origin {i % 4}"));
        }

        var head = await DispatchedHeadAsync(feed, store, timeout.Token);

        // Nothing was held: two reads of the same entries decode them from the store each time, all of them, in order.
        var stored = await store.ReadFeedAsync(0, 1000, timeout.Token);
        var first = await ReadAsync(feed, 0, head, timeout.Token);
        var second = await ReadAsync(feed, 0, head, timeout.Token);
        Assert.Equal(stored.Select(r => r.Position), first.Select(e => e.Position));
        Assert.All(first.Zip(second), pair => Assert.NotSame(pair.First, pair.Second));

        // A watcher that starts now gets what comes after, live, exactly once.
        await using var watch = feed.WatchAsync(null, _ => true, 100, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = watch.MoveNextAsync();
        await cluster.Grains.GetGrain<IClaimGrain>("c-unwatched-0").AddStatement(Statements.Make("c-unwatched-0", "s-late", "Origin 9"));
        Assert.True(await next);
        Assert.Equal("s-late", watch.Current.Change.Statement?.StatementId);
        Assert.True(watch.Current.Position > head);
    }

    [Fact]
    public async Task A_watcher_that_overflowed_catches_up_exactly_once_in_order()
    {
        await using var cluster = await StartAsync();
        var (feed, _) = FeedOf(cluster);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        const int StatementCount = 40;

        // A buffer of 4 and nobody reading while 40 statements go in: the watch overflows, then catches up.
        var live = new TaskCompletionSource();
        await using var watch = feed.WatchBatchesAsync(null, _ => true, 4, timeout.Token, () =>
        {
            live.TrySetResult();
            return Task.CompletedTask;
        }).GetAsyncEnumerator(timeout.Token);
        var first = watch.MoveNextAsync();
        await live.Task.WaitAsync(timeout.Token);
        for (var i = 0; i < StatementCount; i++)
        {
            var claimId = $"c-overflow-{i % 5}";
            await cluster.Grains.GetGrain<IClaimGrain>(claimId).AddStatement(Statements.Make(claimId, $"s{i}", $"Origin {i % 3}"));
        }

        var received = new List<FeedEvent>();
        Assert.True(await first);
        received.AddRange(watch.Current);
        while (received.Count(e => e.Change.Statement is not null) < StatementCount)
        {
            Assert.True(await watch.MoveNextAsync());
            Assert.NotEmpty(watch.Current);
            Assert.True(watch.Current.Count <= ClaimFeed.MaxWatchBatch);
            received.AddRange(watch.Current);
        }

        Assert.Equal(received.Select(e => e.Position).Order(), received.Select(e => e.Position));
        Assert.Equal(received.Count, received.Select(e => e.Position).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, StatementCount).Select(i => $"s{i}"),
            received.Where(e => e.Change.Statement is not null).Select(e => e.Change.Statement!.StatementId));
    }

    private static Task<GrainCluster> StartAsync() =>
        GrainCluster.StartAsync(settings: new Dictionary<string, string?> {
            ["Storage:FeedCacheEntries"] = CacheEntries.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static (ClaimFeed Feed, IClaimFeedLog Store) FeedOf(GrainCluster cluster)
    {
        var services = cluster.Cluster.Silos[0].ServiceProvider;
        return (services.GetRequiredService<ClaimFeed>(), services.GetRequiredService<IClaimFeedLog>());
    }

    /// <summary>The store's feed head, once this silo's feed has dispatched up to it.</summary>
    private static async Task<long> DispatchedHeadAsync(ClaimFeed feed, IClaimFeedLog store, CancellationToken cancellationToken)
    {
        var head = await store.ReadFeedHeadAsync(cancellationToken);
        while (await feed.CurrentPositionAsync(cancellationToken) < head)
        {
            await Task.Delay(10, cancellationToken);
        }

        return head;
    }

    private static async Task<List<FeedEvent>> ReadAsync(ClaimFeed feed, long after, long upTo, CancellationToken cancellationToken)
    {
        var read = new List<FeedEvent>();
        await foreach (var feedEvent in feed.ReadStoredAsync(after, upTo, cancellationToken))
        {
            read.Add(feedEvent);
        }

        return read;
    }
}
