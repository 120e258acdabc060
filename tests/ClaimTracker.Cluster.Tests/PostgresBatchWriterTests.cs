using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;
using Npgsql;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// The pipelined PostgreSQL group commit: all writes of a batch in one round trip, and still each one
/// kept or undone on its own.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBatchWriterTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_refused_or_failing_write_is_undone_alone_and_the_rest_of_its_batch_commits()
    {
        await using var dataSource = NpgsqlDataSource.Create(
            await postgres.CreateDatabaseAsync("writer_" + Guid.NewGuid().ToString("N")[..12]));
        await using (var create = dataSource.CreateCommand("CREATE TABLE items (name text PRIMARY KEY)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var writer = PostgresBatchWriter.GroupCommit(dataSource, ex => ex.SqlState == PostgresErrorCodes.UniqueViolation);

        // The writer is held inside a batch while the next writes queue, so those share one batch.
        using var hold = new ManualResetEventSlim();
        var holding = writer.WriteAsync(_ =>
        {
            hold.Wait(TimeSpan.FromSeconds(10));
            return () => true;
        });
        var writes = new[]
        {
            writer.WriteAsync(batch => Insert(batch, "a")),
            writer.WriteAsync(batch => Insert(batch, "a")),                        // unique violation: a conflict, answered false
            writer.WriteAsync(batch => Insert(batch, "b")),
            writer.WriteAsync(batch => { var check = Insert(batch, "kept back"); return () => check() && false; }), // its check refuses it
            writer.WriteAsync(batch => Insert(batch, "c")),
        };
        var failing = writer.WriteAsync(batch =>
        {
            Insert(batch, "x");
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT 1 / 0"));   // an error: reported to this write alone
            return () => true;
        });
        var last = writer.WriteAsync(batch => Insert(batch, "d"));
        hold.Set();

        Assert.True(await holding);
        var outcomes = await Task.WhenAll(writes);
        Assert.Equal([true, false, true, false, true], outcomes);
        var error = await Assert.ThrowsAsync<PostgresException>(() => failing);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);
        Assert.True(await last);

        await using var read = dataSource.CreateCommand("SELECT name FROM items ORDER BY name");
        var names = new List<string>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        Assert.Equal(["a", "b", "c", "d"], names);
    }

    [Theory]
    [InlineData("Host=db;Database=ct", 512)]
    [InlineData("Host=db;Database=ct;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=ct;maxautoprepare=20", 20)]
    public void Statements_are_auto_prepared_unless_the_connection_string_says_otherwise(string given, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresStore.WithPoolSettings(given)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;Database=ct", true)]
    [InlineData("Host=db;Database=ct;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=ct;noresetonclose=false;Max Auto Prepare=0", false)]
    public void Pooled_connections_are_not_reset_unless_the_connection_string_says_otherwise(string given, bool expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PostgresStore.WithPoolSettings(given)).NoResetOnClose);

    private static Func<bool> Insert(NpgsqlBatch batch, string name)
    {
        var insert = new NpgsqlBatchCommand("INSERT INTO items (name) VALUES (@name)");
        insert.Parameters.AddWithValue("name", name);
        batch.BatchCommands.Add(insert);
        return () => insert.RecordsAffected == 1;
    }
}
