using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>Claim lists with words past the thresholds where the store stops reading every match.</summary>
public sealed class SqliteWordListTests : IDisposable
{
    private const int Matching = 2_400;
    private readonly string directory = TestSupport.TestDirectories.Create("claimtracker-words-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Many_matches_page_newest_first_through_the_order_index_and_rank_the_newest_candidates()
    {
        await using var store = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Claim n is first reported at a time that does not follow arrival order; every other claim says "port".
        var firstReported = new Dictionary<string, DateTimeOffset>();
        await Task.WhenAll(Enumerable.Range(0, 2 * Matching).Select(n =>
        {
            var id = $"c-{n}";
            var text = n % 2 == 0 ? $"the port closed {(n % 6 == 0 ? "port" : "today")}" : "officials voiced support";
            var at = start.AddMinutes((n * 7919) % 10_007);
            lock (firstReported)
            {
                firstReported[id] = at;
            }

            var row = new ClaimRow(id, text, CorroborationStatus.Uncorroborated, at, [], Encoding.UTF8.GetBytes(id))
            {
                Keys = new ClaimListKeys(at, 3, 1, 1),
            };
            return store.AppendClaimAsync(id, 0, [new JournalAppend("e", [1])], [], row);
        }));

        var seen = new List<string>();
        ListPosition? after = null;
        do
        {
            var page = await store.QueryClaimsAsync(
                new ClaimQuery(null, null, "port", 500, null) { Sort = ClaimSort.Newest, After = after });
            seen.AddRange(page.Items.Select(item => Encoding.UTF8.GetString(item)));
            after = page.Next;
        }
        while (after is not null);

        var expected = firstReported.Where(pair => Number(pair.Key) % 2 == 0)
            .OrderByDescending(pair => pair.Value)
            .Select(pair => pair.Key);
        Assert.Equal(expected, seen);

        var ranked = await store.QueryClaimsAsync(new ClaimQuery(null, null, "port", 50, null) { Sort = ClaimSort.Relevance });
        // The claims that say "port" twice rank first among the 2,000 newest matches.
        Assert.All(ranked.Items.Take(10), item => Assert.Equal(0, Number(Encoding.UTF8.GetString(item)) % 6));

        var count = await store.EstimateClaimsAsync(new ClaimQuery(null, null, "port", 50, null), 10_000);
        Assert.Equal(new CountEstimate(Matching, true), count);
        Assert.Equal(new CountEstimate(2_000, false), await store.EstimateClaimsAsync(new ClaimQuery(null, null, "port", 50, null), 2_000));
    }

    private static int Number(string claimId) => int.Parse(claimId[2..], System.Globalization.CultureInfo.InvariantCulture);
}
