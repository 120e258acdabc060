using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// Several silos' stores (each its own group commit, so concurrent transactions contending for
/// <c>feed_head</c>) append to one database: a reader following the feed never sees a gap, and only the
/// rows of appends that stood are in it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFeedAcrossStoresTests(PostgresServer postgres)
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Three_stores_appending_at_once_give_one_gap_free_feed_of_the_appends_that_stood()
    {
        var connectionString = await postgres.CreateDatabaseAsync("feed_" + Guid.NewGuid().ToString("N")[..12]);
        await PostgresMigrator.MigrateAsync(connectionString);
        var stores = Enumerable.Range(0, 3).Select(_ => new PostgresStore(connectionString)).ToArray();
        try
        {
            using var done = new CancellationTokenSource();
            var observed = new List<string>();
            var reader = Task.Run(async () =>
            {
                long after = 0;
                while (true)
                {
                    var finished = done.IsCancellationRequested;
                    foreach (var row in await stores[0].ReadFeedAsync(after, 1000))
                    {
                        Assert.Equal(after + 1, row.Position);
                        observed.Add(Encoding.UTF8.GetString(row.Payload));
                        after = row.Position;
                    }

                    if (finished)
                    {
                        return;
                    }
                }
            });

            // Each store appends to its own claims, and also races the other stores for version 1 of shared claims:
            // the losers' feed rows must not appear.
            var stood = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(s => Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            {
                var claim = i % 4 == 0 ? $"shared-{i}" : $"c-{s}-{i}";
                var payload = $"{claim}/{s}";
                var row = new ClaimRow(claim, claim, CorroborationStatus.Uncorroborated, DateTimeOffset.UtcNow, [], Bytes(claim));
                var events = new[] { new JournalAppend(payload, Bytes(payload)) };
                return await stores[s].AppendClaimAsync(claim, 0, events, [Bytes(payload)], row) ? payload : null;
            }))));
            await done.CancelAsync();
            await reader;

            var expected = stood.OfType<string>().Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(3 * 30 + 10, expected.Length);
            Assert.Equal(expected, observed.Order(StringComparer.Ordinal));
            Assert.Equal(expected.Length, await stores[1].ReadFeedHeadAsync());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
