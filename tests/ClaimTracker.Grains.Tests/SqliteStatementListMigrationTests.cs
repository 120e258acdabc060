using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// Migration 41 rebuilds the statements table with two indexes fewer, 42 the claim-actor links without a rowid: a
/// database of the schema before them is carried forward with every row and seq, the sequence goes on after the old
/// rows, a retried write still lists a statement once, and every filter (origin included, whether or not the origin is
/// the speaker; claims by actor) finds what it found before.
/// </summary>
public sealed class SqliteStatementListMigrationTests : IDisposable
{
    private readonly string directory = TestSupport.TestDirectories.Create("claimtracker-statements41-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private StorageOptions StoreOptions => new() { DataDirectory = directory };

    private static StatementRow Statement(string id, string report, string actor, string origin, string source) =>
        new(id, report, actor, origin, source, 1, null, Encoding.UTF8.GetBytes(id));

    private static async Task<string[]> List(SqliteStore store, StatementQuery query) =>
        (await store.QueryStatementsAsync(query)).Items.Select(Encoding.UTF8.GetString).ToArray();

    /// <summary>The file as the schema before migration 41 left it, with statements written under it.</summary>
    private void CreateBeforeMigration41()
    {
        using var connection = new SqliteConnection($"Data Source={StoreOptions.DatabasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        void Run(string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        Run("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var (version, sql) in SqliteSchema.Migrations.Where(m => m.Version < 41))
        {
            Run(sql);
            Run($"INSERT INTO schema_migrations (version, applied_at) VALUES ({version}, '2026-12-01T00:00:00Z')");
        }

        // s-4 was written and rolled back: the sequence is past the last row, as AUTOINCREMENT leaves it.
        Run("""
            INSERT INTO statements
                (seq, statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload)
            VALUES (1, 's-1', 'c-1', 'r-1', 'a-kim', 'a-kim', 'a-daily', 1, NULL, CAST('s-1' AS BLOB)),
                   (2, 's-2', 'c-2', 'r-1', 'a-lee', 'a-lee', 'a-daily', 1, NULL, CAST('s-2' AS BLOB)),
                   (3, 's-3', 'c-1', 'r-2', 'a-lee', 'a-kim', 'a-post', 1, NULL, CAST('s-3' AS BLOB));
            UPDATE sqlite_sequence SET seq = 4 WHERE name = 'statements';
            INSERT INTO claims (claim_id, text_norm, status, updated_at, summary)
            VALUES ('c-1', 'harbour flooded', 1, '2026-12-01T00:00:00.0000000+00:00', CAST('c-1' AS BLOB));
            INSERT INTO claim_actors (actor_id, claim_id) VALUES ('a-kim', 'c-1'), ('a-lee', 'c-1');
            """);
        transaction.Commit();
    }

    [Fact]
    public async Task A_database_before_migration_41_keeps_its_statements_and_every_filter_finds_them()
    {
        CreateBeforeMigration41();
        await using var store = new SqliteStore(Options.Create(StoreOptions));
        var row = new ClaimRow(
            "c-2", "bridge closed", CorroborationStatus.Uncorroborated, DateTimeOffset.UnixEpoch, ["a-kim"], Encoding.UTF8.GetBytes("c-2"))
        {
            Statements = [Statement("s-5", "r-3", "a-kim", "a-kim", "a-post")],
        };
        Assert.True(await store.AppendClaimAsync("c-2", 0, [new JournalAppend("s-5", [1])], [[1]], row));
        // A retry of the same statement under the next version journals it, but lists it once.
        Assert.True(await store.AppendClaimAsync("c-2", 1, [new JournalAppend("s-5 retry", [1])], [[1]], row));

        StatementQuery Page(int size = 10, long? before = null) => new(size, before);
        Assert.Equal(["s-5", "s-3", "s-2", "s-1"], await List(store, Page()));
        Assert.Equal(["s-5", "s-1"], await List(store, Page() with { ActorId = "a-kim" }));
        // s-3: Lee carrying Kim's words, found by the origin index; s-5 and s-1 through the speaker's, merged by seq.
        Assert.Equal(["s-5", "s-3", "s-1"], await List(store, Page() with { OriginActorId = "a-kim" }));
        Assert.Equal(["s-2"], await List(store, Page() with { OriginActorId = "a-lee" }));
        Assert.Equal(["s-3"], await List(store, Page() with { OriginActorId = "a-kim", SourceActorId = "a-post", ClaimId = "c-1" }));
        Assert.Equal(["s-2", "s-1"], await List(store, Page() with { ReportId = "r-1" }));
        Assert.Equal(["s-1"], await List(store, Page() with { ReportId = "r-1", OriginActorId = "a-kim" }));
        Assert.Equal(["s-5", "s-2"], await List(store, Page() with { ClaimId = "c-2" }));
        Assert.Equal(["s-5", "s-3"], await List(store, Page() with { SourceActorId = "a-post" }));

        // Pages of the merged origin list follow seq across both indexes.
        var first = await store.QueryStatementsAsync(Page(2) with { OriginActorId = "a-kim" });
        Assert.Equal(["s-5", "s-3"], first.Items.Select(Encoding.UTF8.GetString));
        Assert.Equal([null, null], first.Notes); // statements listed before migration 47 count
        Assert.Equal(["s-1"], await List(store, Page(2, first.NextBefore) with { OriginActorId = "a-kim" }));

        ClaimQuery ClaimsOf(string actorId) => new(null, actorId, null, 10, null);
        Assert.Equal(["c-2", "c-1"], (await store.QueryClaimsAsync(ClaimsOf("a-kim"))).Items.Select(Encoding.UTF8.GetString));
        Assert.Equal(["c-1"], (await store.QueryClaimsAsync(ClaimsOf("a-lee"))).Items.Select(Encoding.UTF8.GetString));

        // The new row's seq follows the sequence, not the last row.
        await using var connection = new SqliteConnection($"Data Source={StoreOptions.DatabasePath}");
        await connection.OpenAsync();
        await using var seq = connection.CreateCommand();
        seq.CommandText = "SELECT seq FROM statements WHERE statement_id = 's-5'";
        Assert.Equal(5L, await seq.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_new_file_takes_the_configured_page_size_and_an_existing_file_keeps_its_own()
    {
        async Task<long> PageSizeAfterAWrite(int configured)
        {
            var options = new StorageOptions { DataDirectory = directory, PageSizeBytes = configured, CheckpointMegabytes = 1 };
            await using var store = new SqliteStore(Options.Create(options));
            var row = new ClaimRow("c-9", "dam opened", CorroborationStatus.Uncorroborated, DateTimeOffset.UnixEpoch, [], [1]);
            var version = configured == 1024 ? 0 : 1;
            Assert.True(await store.AppendClaimAsync("c-9", version, [new JournalAppend($"e-{configured}", [1])], [], row));
            await using var connection = new SqliteConnection($"Data Source={StoreOptions.DatabasePath}");
            await connection.OpenAsync();
            await using var pageSize = connection.CreateCommand();
            pageSize.CommandText = "PRAGMA page_size";
            return (long)(await pageSize.ExecuteScalarAsync())!;
        }

        Assert.Equal(1024, await PageSizeAfterAWrite(1024));
        Assert.Equal(1024, await PageSizeAfterAWrite(4096));
    }
}
