using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// Two group commits of one writer in flight at once, each on its own connection: a batch that waits inside PostgreSQL does
/// not hold back the next, and feed positions still follow commit order with no gap (the <c>feed_head</c> row lock).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCommitsInFlightTests(PostgresServer postgres)
{
    private const long Lock = 7_210_021;

    [Fact]
    public async Task A_second_batch_commits_while_the_first_waits_and_feed_positions_follow_commit_order()
    {
        var connectionString = await postgres.CreateDatabaseAsync("inflight_" + Guid.NewGuid().ToString("N")[..12]);
        await PostgresMigrator.MigrateAsync(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var writer = PostgresBatchWriter.GroupCommit(dataSource, _ => false, inFlight: 2);

        // The test holds an advisory lock, so the first batch waits for it inside its transaction.
        await using var holder = await dataSource.OpenConnectionAsync();
        await Execute(holder, $"SELECT pg_advisory_lock({Lock})");
        var first = writer.WriteAsync(batch =>
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({Lock})"));
            batch.Feed.Add("claim-first", [[1]]);
            return () => true;
        });
        await WaitUntilWaitingOnTheLockAsync(holder);

        var second = writer.WriteAsync(batch =>
        {
            batch.Feed.Add("claim-second", [[2], [3]]);
            return () => true;
        });
        Assert.True(await second);
        Assert.False(first.IsCompleted);

        await Execute(holder, $"SELECT pg_advisory_unlock({Lock})");
        Assert.True(await first);

        await using var read = dataSource.CreateCommand("SELECT position, claim_id FROM claim_feed ORDER BY position");
        var rows = new List<(long, string)>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        Assert.Equal([(1L, "claim-second"), (2L, "claim-second"), (3L, "claim-first")], rows);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void A_number_of_commits_in_flight_out_of_range_is_refused_with_the_setting_named(int inFlight)
    {
        var options = Options.Create(new StorageOptions { ConnectionString = "Host=127.0.0.1", PostgresCommitsInFlight = inFlight });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PostgresStore(options));
        Assert.Contains("Storage:PostgresCommitsInFlight", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommit<PostgresWrite>(null!, writers: 0));
    }

    private static async Task WaitUntilWaitingOnTheLockAsync(NpgsqlConnection holder)
    {
        // Polls PostgreSQL's lock table until the first batch's backend waits on the lock, inside its transaction.
        await using var waiting = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {Lock} AND NOT granted", holder);
        while (Convert.ToInt64(await waiting.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await Task.Delay(10);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
