using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.Grains.Tests;

/// <summary>The SQLite group-commit writer: one connection, prepared commands, one savepoint per write.</summary>
public sealed class SqliteBatchWriterTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO items (name) VALUES ($name)";
    private readonly string directory = TestSupport.TestDirectories.Create("claimtracker-writer-");
    private int opened;
    private GroupCommit<SqliteWrite> writer = null!;

    private string ConnectionString
        => new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "test.db"), Pooling = false }.ToString();

    public async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE items (name TEXT PRIMARY KEY)";
        await create.ExecuteNonQueryAsync();
        writer = SqliteBatchWriter.GroupCommit(() =>
        {
            Interlocked.Increment(ref opened);
            var writerConnection = new SqliteConnection(ConnectionString);
            writerConnection.Open();
            return writerConnection;
        });
    }

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_failing_write_is_rolled_back_alone_and_the_rest_of_its_batch_commits()
    {
        // The writer is held inside a batch while the next three queue, so those three share a batch.
        using var hold = new ManualResetEventSlim();
        var holding = writer.WriteAsync(_ => hold.Wait(TimeSpan.FromSeconds(10)));
        var first = writer.WriteAsync(scope => Inserted(scope, "a"));
        var failing = writer.WriteAsync(scope => Inserted(scope, "b") && Inserted(scope, "a"));
        var third = writer.WriteAsync(scope => Inserted(scope, "c"));
        hold.Set();

        Assert.True(await holding);

        Assert.True(await first);
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.True(await third);
        Assert.Equal(["a", "c"], await ItemsAsync());
    }

    [Fact]
    public async Task A_write_that_returns_false_leaves_no_trace()
    {
        Assert.False(await writer.WriteAsync(scope => Inserted(scope, "kept back") && false));
        Assert.True(await writer.WriteAsync(scope => Inserted(scope, "kept")));

        Assert.Equal(["kept"], await ItemsAsync());
    }

    [Fact]
    public async Task The_prepared_commands_keep_working_after_a_failed_write_on_the_same_connection()
    {
        Assert.True(await writer.WriteAsync(scope => Inserted(scope, "x")));
        await Assert.ThrowsAsync<SqliteException>(() => writer.WriteAsync(scope => Inserted(scope, "x")));
        Assert.True(await writer.WriteAsync(scope => Inserted(scope, "y")));

        Assert.Equal(["x", "y"], await ItemsAsync());
        Assert.Equal(1, opened);
    }

    [Fact]
    public async Task After_a_failed_transaction_the_next_batch_starts_on_a_fresh_connection()
    {
        // Ending the transaction from inside a write breaks the batch's own bookkeeping: the whole batch fails.
        var broken = writer.WriteAsync(scope => Inserted(scope, "lost") && scope.Execute("ROLLBACK") == 0);
        await Assert.ThrowsAnyAsync<Exception>(() => broken);

        Assert.True(await writer.WriteAsync(scope => Inserted(scope, "after")));
        Assert.Equal(["after"], await ItemsAsync());
        Assert.Equal(2, opened);
    }

    [Fact]
    public async Task A_committed_write_is_visible_to_other_connections_when_its_task_completes()
    {
        var writes = Enumerable.Range(0, 50).Select(i => writer.WriteAsync(scope => Inserted(scope, $"item {i:00}"))).ToList();
        await Task.WhenAll(writes);

        Assert.Equal(50, (await ItemsAsync()).Count);
    }

    private static bool Inserted(SqliteWriteScope scope, string name) => scope.Execute(Insert, ("$name", name)) == 1;

    private async Task<List<string>> ItemsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM items ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
