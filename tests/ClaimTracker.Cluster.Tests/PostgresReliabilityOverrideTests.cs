using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;

namespace ClaimTracker.Cluster.Tests;

/// <summary>The PostgreSQL store keeps reliability overrides as the SQLite store does: appended, read back in order.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReliabilityOverrideTests(PostgresServer postgres)
{
    [Fact]
    public async Task Overrides_are_appended_and_read_back_oldest_first_with_who_when_and_why()
    {
        var connectionString = await postgres.CreateDatabaseAsync("overrides_" + Guid.NewGuid().ToString("N")[..12]);
        await PostgresMigrator.MigrateAsync(connectionString);
        await using var store = new PostgresStore(connectionString);
        var at = new DateTimeOffset(2026, 12, 6, 8, 0, 0, 123, TimeSpan.Zero);
        ReliabilityOverrideRow[] rows =
        [
            new("a-reuters", "outlet", "B", "Wire copy checked", "desk", at),
            new("a-reuters", "outlet", string.Empty, "Review ended", "chief", at.AddMinutes(5)),
        ];
        foreach (var row in rows)
        {
            await store.AppendReliabilityOverrideAsync(row);
        }

        Assert.Equal(rows, await store.ReadReliabilityOverridesAsync());
    }
}
