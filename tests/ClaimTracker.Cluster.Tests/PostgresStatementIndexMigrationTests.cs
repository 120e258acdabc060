using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;
using Npgsql;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// PostgreSQL migrations 41 (statements unique by report and statement id, no longer by statement id alone) and 48 (claim words
/// in a table of their own): a database of the schema before them keeps its statements and lists them by report and by origin,
/// a retried write still lists a statement once, and its claims are found by their words.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStatementIndexMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_database_before_migration_41_keeps_its_statements_and_claims_and_a_retry_lists_one()
    {
        var connectionString = await postgres.CreateDatabaseAsync("statements41_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            async Task Run(string sql)
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }

            await Run("CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT NULL, " +
                "applied_at timestamptz NOT NULL DEFAULT now())");
            foreach (var migration in PostgresSchema.Migrations.Where(m => m.Version < 41))
            {
                await Run(migration.Sql);
                await Run($"INSERT INTO schema_migrations (version, description) VALUES ({migration.Version}, 'before 41')");
            }

            await Run("""
                INSERT INTO claims (claim_id, text_norm, status, updated_at, summary) VALUES ('c-1', 'dam opened', 1, now(), 'c-1'::bytea)
                """);
            await Run("""
                INSERT INTO statements (statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, payload)
                VALUES ('s-1', 'c-1', 'r-1', 'a-kim', 'a-kim', 'a-daily', 1, 's-1'::bytea),
                       ('s-2', 'c-1', 'r-1', 'a-lee', 'a-lee', 'a-daily', 1, 's-2'::bytea)
                """);
        }

        var pending = PostgresSchema.Migrations.Where(m => m.Version >= 41).Select(m => m.Version);
        Assert.Equal(pending, await PostgresMigrator.MigrateAsync(connectionString));
        await using var store = new PostgresStore(connectionString);
        var row = new ClaimRow("c-2", "bridge closed", CorroborationStatus.Uncorroborated, DateTimeOffset.UnixEpoch, [], "c-2"u8.ToArray())
        {
            Statements = [new StatementRow("s-3", "r-1", "a-kim", "a-kim", "a-daily", 1, null, Encoding.UTF8.GetBytes("s-3"))],
        };
        Assert.True(await store.AppendClaimAsync("c-2", 0, [new JournalAppend("s-3", [1])], [[1]], row));
        Assert.True(await store.AppendClaimAsync("c-2", 1, [new JournalAppend("s-3 retry", [1])], [[1]], row));

        var report = await store.QueryStatementsAsync(new StatementQuery(10, null) { ReportId = "r-1" });
        Assert.Equal(["s-3", "s-2", "s-1"], report.Items.Select(Encoding.UTF8.GetString));
        Assert.Equal([null, null, null], report.Notes); // statements listed before migration 47 count

        var kim = await store.QueryStatementsAsync(new StatementQuery(10, null) { OriginActorId = "a-kim" });
        Assert.Equal(["s-3", "s-1"], kim.Items.Select(Encoding.UTF8.GetString));
        foreach (var (words, claim) in new[] { ("dam", "c-1"), ("bridge", "c-2") })
        {
            var found = await store.QueryClaimsAsync(new ClaimQuery(null, null, words, 10, null) { Sort = ClaimSort.Relevance });
            Assert.Equal([claim], found.Items.Select(Encoding.UTF8.GetString));
        }
    }
}
