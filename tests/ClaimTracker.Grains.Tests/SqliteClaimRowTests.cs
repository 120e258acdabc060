using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// The claim row an append writes: the first append inserts it, later ones update only the keys a statement changes and
/// status and first-report time only when they differ; every list order, filter and the text search see the latest.
/// </summary>
public sealed class SqliteClaimRowTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly string directory = TestSupport.TestDirectories.Create("claimtracker-claimrow-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static ClaimRow Row(string id, string text, CorroborationStatus status, int minutes, long statements, int first = 0) =>
        new(id, text, status, T0.AddMinutes(minutes), [], Bytes($"{id}/{statements}/{status}"))
        {
            Keys = new ClaimListKeys(T0.AddMinutes(first), 6 - (int)Math.Min(statements, 3), (int)statements, statements),
        };

    private static Task<bool> Append(SqliteStore store, int version, ClaimRow row) =>
        store.AppendClaimAsync(row.ClaimId, version, [new JournalAppend($"{row.ClaimId}-{version}", Bytes("e"))], [Bytes("f")], row);

    private static async Task<string[]> List(SqliteStore store, ClaimQuery query) =>
        (await store.QueryClaimsAsync(query)).Items.Select(Encoding.UTF8.GetString).ToArray();

    [Fact]
    public async Task Updates_keep_every_order_filter_and_search_on_the_latest_row()
    {
        await using (var store = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory })))
        {
            Assert.True(await Append(store, 0, Row("c-1", "harbour flooded", CorroborationStatus.Uncorroborated, 0, 1)));
            Assert.True(await Append(store, 0, Row("c-2", "bridge closed", CorroborationStatus.Uncorroborated, 1, 1)));
            // c-1: two more statements, the status changes with the second; its first-report time moves earlier once.
            Assert.True(await Append(store, 1, Row("c-1", "harbour flooded", CorroborationStatus.Uncorroborated, 2, 2)));
            Assert.True(await Append(store, 2, Row("c-1", "harbour flooded", CorroborationStatus.Corroborated, 3, 3, first: -5)));
        }

        // A fresh store reads what the file holds.
        await using var reopened = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
        ClaimQuery All(ClaimSort sort) => new(null, null, null, 10, null) { Sort = sort };
        Assert.Equal(["c-1/3/Corroborated", "c-2/1/Uncorroborated"], await List(reopened, All(ClaimSort.RecentlyUpdated)));
        Assert.Equal(["c-1/3/Corroborated", "c-2/1/Uncorroborated"], await List(reopened, All(ClaimSort.MostStatements)));
        Assert.Equal(["c-2/1/Uncorroborated", "c-1/3/Corroborated"], await List(reopened, All(ClaimSort.Newest)));
        Assert.Equal(["c-1/3/Corroborated"], await List(reopened, new(CorroborationStatus.Corroborated, null, null, 10, null)));
        Assert.Equal(["c-2/1/Uncorroborated"], await List(reopened, new(CorroborationStatus.Uncorroborated, null, null, 10, null)));
        Assert.Equal(["c-1/3/Corroborated"], await List(reopened, All(ClaimSort.Arrival) with { MinOrigins = 2, MaxCredibility = 3 }));
        Assert.Equal(["c-1/3/Corroborated"], await List(reopened, new(null, null, "harbour", 10, null)));
        Assert.Equal(["c-1/3/Corroborated"], await List(reopened, All(ClaimSort.Arrival) with
        {
            FirstReported = new TimeRange(T0.AddMinutes(-10), T0),
            Updated = new TimeRange(T0.AddMinutes(3), null),
        }));
        var counts = await reopened.CountClaimsByStatusAsync();
        Assert.Equal(1, counts[CorroborationStatus.Corroborated]);
        Assert.Equal(1, counts[CorroborationStatus.Uncorroborated]);
    }
}
