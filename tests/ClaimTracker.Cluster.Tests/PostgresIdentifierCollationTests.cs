using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;
using Npgsql;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// Identifiers compare byte by byte (PostgreSQL migration 50): every text column of the schema's indexes is in collation
/// "C", whatever the database's own collation, and the store works the same in a database that collates by a language.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentifierCollationTests(PostgresServer postgres)
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Every_indexed_text_column_of_the_schema_is_in_collation_C()
    {
        var connectionString = await postgres.CreateDatabaseAsync("collation_" + Guid.NewGuid().ToString("N")[..12], icuLocale: "en-US");
        await PostgresMigrator.MigrateAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Orleans' own membership tables are its provider's, and written a few times a minute.
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT t.relname || '.' || a.attname, co.collname
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
            JOIN pg_collation co ON co.oid = a.attcollation
            WHERE a.atttypid = 'text'::regtype AND t.relname NOT LIKE 'orleans%'
            ORDER BY 1
            """, connection);
        var columns = new List<(string Column, string Collation)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(("statements.actor_id", "C"), columns);
        Assert.Contains(("journal.stream", "C"), columns);
        Assert.All(columns, column => Assert.Equal((column.Column, "C"), column));
    }

    [Fact]
    public async Task A_database_that_collates_by_a_language_stores_resolves_and_lists_as_any_other()
    {
        var connectionString = await postgres.CreateDatabaseAsync("icu_" + Guid.NewGuid().ToString("N")[..12], icuLocale: "en-US");
        await PostgresMigrator.MigrateAsync(connectionString);
        await using var store = new PostgresStore(connectionString);

        // Alias keys are matched against the keys a report brings (an unnest of parameters, in the database's collation).
        Assert.Equal(["a-Kim"], await store.ResolveActorIdsAsync([new ActorAliasCandidate("a-Kim", ["kim", "kim jong un"])]));
        Assert.Equal(["a-Kim", "a-kim"], await store.ResolveActorIdsAsync(
            [new ActorAliasCandidate("a-other", ["kim jong un"]), new ActorAliasCandidate("a-kim", ["Kim"])]));

        // Ids that a language's collation would order or group differently from their bytes: case and accents.
        var row = new ClaimRow("c-É", "dam opened", CorroborationStatus.Uncorroborated, DateTimeOffset.UnixEpoch, ["a-Kim", "a-kim"],
            Bytes("c-É"))
        {
            Statements =
            [
                new StatementRow("s-1", "r-1", "a-Kim", "a-Kim", "a-daily", 1, null, Bytes("s-1")),
                new StatementRow("s-2", "r-1", "a-kim", "a-kim", "a-daily", 1, null, Bytes("s-2")),
            ],
        };
        Assert.True(await store.AppendClaimAsync("c-É", 0, [new JournalAppend("s-1", Bytes("e1"))], [Bytes("f1")], row));
        Assert.Equal(["e1"], (await store.ReadClaimAsync("c-É")).Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.Empty(await store.ReadClaimAsync("c-E"));

        var byActor = await store.QueryStatementsAsync(new StatementQuery(10, null) { ActorId = "a-kim" });
        Assert.Equal(["s-2"], byActor.Items.Select(Encoding.UTF8.GetString));
        var byClaim = await store.QueryStatementsAsync(new StatementQuery(10, null) { ClaimId = "c-É" });
        Assert.Equal(["s-2", "s-1"], byClaim.Items.Select(Encoding.UTF8.GetString));
        var claims = await store.QueryClaimsAsync(new ClaimQuery(null, "a-Kim", null, 10, null));
        Assert.Equal(["c-É"], claims.Items.Select(Encoding.UTF8.GetString));
    }
}
