using System.Globalization;
using ClaimTracker.Storage.Postgres;
using ClaimTracker.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 8. The feed's sequencer on PostgreSQL: how many append transactions per second the single
/// <c>feed_head</c> row admits when 1, 4 or 16 writer connections (simulated silos, each with one
/// group-commit transaction in flight) append at once, against the same transactions with no
/// sequencer (journal rows only: what this PostgreSQL commits at all) and with 16 sequencer rows
/// (a partitioned feed). Each transaction is what <see cref="PostgresStore"/> runs: per append a
/// savepoint, the journal insert and the feed insert that bumps the head; one NOTIFY; the commit.
/// Run with 1 append per transaction (the lock's worst case) and with a silo's group-commit batch.
/// "feed_head" takes the head in each append, as the store does (so from the batch's first append to its commit);
/// "feed_head last" once per transaction as its last statement; the partitions too (ascending, last).
/// "-N" variants leave out the NOTIFY: PostgreSQL serialises the commits of all notifying transactions
/// (a database-wide lock on the notification queue, held through the commit's WAL flush), so NOTIFY is
/// a second cluster-wide lock beside <c>feed_head</c>.
/// </summary>
internal static class FeedSequencerScenario
{
    private const int Partitions = 16;
    private const int PayloadBytes = 300;

    private static readonly byte[] Payload = Enumerable.Range(0, PayloadBytes).Select(i => (byte)(i * 31)).ToArray();

    private enum Sequencer
    {
        None,
        SingleHead,
        SingleHeadLast,
        Partitioned,
        SingleHeadLastNoNotify,
        PartitionedNoNotify,
    }

    public static async Task RunAsync(BenchOptions options)
    {
        const string title = "== 8. feed sequencer on PostgreSQL";
        if (!ThrowawayPostgres.IsInstalled)
        {
            Console.WriteLine($"{title}: skipped (needs PostgreSQL's initdb and pg_ctl on PATH)");
            return;
        }

        Console.WriteLine($"{title}: writers {string.Join('/', options.Writers)}, appends per transaction " +
            $"{string.Join('/', options.AppendsPerTransaction)}, {options.Seconds} s each (1 s warm-up), {PayloadBytes} B payloads");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("feed");
        await PostgresMigrator.MigrateAsync(connectionString);
        await CreatePartitionedFeedAsync(connectionString);
        Console.WriteLine(
            "sequencer       writers  appends/tx   transactions/s   appends/s   p50 tx    p99 tx    PostgreSQL µs CPU/append");
        foreach (var perTransaction in options.AppendsPerTransaction)
        {
            foreach (var writers in options.Writers)
            {
                foreach (var sequencer in Enum.GetValues<Sequencer>())
                {
                    await MeasureAsync(postgres, connectionString, sequencer, writers, perTransaction, options.Seconds);
                }
            }
        }

        await CheckFeedAsync(connectionString);
    }

    private static async Task MeasureAsync(
        ThrowawayPostgres postgres,
        string connectionString,
        Sequencer sequencer,
        int writers,
        int perTransaction,
        int seconds)
    {
        // Prepared statements, as the store's connections have them.
        var prepared = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }
            .ConnectionString;
        var connections = new NpgsqlConnection[writers];
        for (var i = 0; i < writers; i++)
        {
            connections[i] = new NpgsqlConnection(prepared);
            await connections[i].OpenAsync();
        }

        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            Task AppendAsync(int writer, long n) =>
                AppendTransactionAsync(connections[writer], sequencer, $"{run}-{writer}-{n}", perTransaction);
            await Measure.ClosedLoopAsync(writers, TimeSpan.FromSeconds(1), AppendAsync);
            var postgresBefore = PostgresCpu.Used(postgres.ServerProcessId);
            var (transactionsPerSecond, latencies) = await Measure.ClosedLoopAsync(writers, TimeSpan.FromSeconds(seconds), AppendAsync);
            var postgresCpu = (PostgresCpu.Used(postgres.ServerProcessId) - postgresBefore).TotalSeconds;
            var appends = (double)latencies.Count * perTransaction;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name(sequencer),-15} {writers,7}  {perTransaction,10}   {transactionsPerSecond,14:N0}   " +
                $"{transactionsPerSecond * perTransaction,9:N0}   " +
                $"{Measure.Ms(Measure.Percentile(latencies, 50)),-8}  {Measure.Ms(Measure.Percentile(latencies, 99)),-8}  " +
                $"{postgresCpu / appends * 1e6,8:N0}"));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static string Name(Sequencer sequencer) => sequencer switch
    {
        Sequencer.None => "none",
        Sequencer.SingleHead => "feed_head",
        Sequencer.SingleHeadLast => "feed_head last",
        Sequencer.Partitioned => $"{Partitions} partitions",
        Sequencer.SingleHeadLastNoNotify => "head last -N",
        _ => $"{Partitions} parts -N",
    };

    /// <summary>One group-commit transaction of <paramref name="perTransaction"/> appends, each on its own claim.</summary>
    private static async Task AppendTransactionAsync(NpgsqlConnection connection, Sequencer sequencer, string prefix, int perTransaction)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < perTransaction; i++)
        {
            var claim = $"bench-{prefix}-{i}";
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT w" + i.ToString(CultureInfo.InvariantCulture)));
            var journal = new NpgsqlBatchCommand("""
                INSERT INTO journal (stream, version, event_key, payload) VALUES (@stream, 1, @key, @payload) ON CONFLICT DO NOTHING
                """);
            journal.Parameters.AddWithValue("stream", "claim/" + claim);
            journal.Parameters.AddWithValue("key", claim);
            journal.Parameters.AddWithValue("payload", Payload);
            batch.BatchCommands.Add(journal);
            if (sequencer == Sequencer.SingleHead)
            {
                batch.BatchCommands.Add(FeedInsert(claim));
            }
        }

        if (sequencer is Sequencer.SingleHeadLast or Sequencer.SingleHeadLastNoNotify)
        {
            // One head update for the whole transaction, as its last statement: the lock is held for it and the commit only.
            batch.BatchCommands.Add(LastFeedInsert(Enumerable.Range(0, perTransaction).Select(i => $"bench-{prefix}-{i}").ToArray()));
        }

        if (sequencer is Sequencer.Partitioned or Sequencer.PartitionedNoNotify)
        {
            // Partition heads are taken in one order by every transaction (ascending), as the last step: in the
            // order of the appends, two transactions each holding a head the other needs deadlock.
            var byPartition = Enumerable.Range(0, perTransaction)
                .Select(i => $"bench-{prefix}-{i}")
                .GroupBy(PartitionOf)
                .OrderBy(g => g.Key);
            foreach (var claims in byPartition)
            {
                batch.BatchCommands.Add(PartitionFeedInsert(claims.Key, [.. claims]));
            }
        }

        if (sequencer is Sequencer.SingleHead or Sequencer.SingleHeadLast or Sequencer.Partitioned)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("NOTIFY " + PostgresStore.FeedChannel));
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand FeedInsert(string claim)
    {
        var command = new NpgsqlBatchCommand("""
            WITH head AS (UPDATE feed_head SET position = position + @n WHERE id = 1 RETURNING position)
            INSERT INTO claim_feed (position, claim_id, payload)
            SELECT head.position - @n + e.ord, @claim, e.payload FROM head, unnest(@payloads) WITH ORDINALITY AS e(payload, ord)
            """);
        command.Parameters.AddWithValue("n", 1L);
        command.Parameters.AddWithValue("claim", claim);
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = new[] { Payload } });
        return command;
    }

    private static NpgsqlBatchCommand LastFeedInsert(string[] claims)
    {
        var command = new NpgsqlBatchCommand("""
            WITH head AS (UPDATE feed_head SET position = position + @n WHERE id = 1 RETURNING position)
            INSERT INTO claim_feed (position, claim_id, payload)
            SELECT head.position - @n + e.ord, e.claim, @payload FROM head, unnest(@claims) WITH ORDINALITY AS e(claim, ord)
            """);
        command.Parameters.AddWithValue("n", (long)claims.Length);
        command.Parameters.AddWithValue("claims", claims);
        command.Parameters.AddWithValue("payload", Payload);
        return command;
    }

    private static NpgsqlBatchCommand PartitionFeedInsert(int partition, string[] claims)
    {
        var command = new NpgsqlBatchCommand("""
            WITH head AS (UPDATE bench_feed_partition_head SET position = position + @n WHERE partition = @partition RETURNING position)
            INSERT INTO bench_partitioned_feed (partition, position, claim_id, payload)
            SELECT @partition, head.position - @n + e.ord, e.claim, @payload FROM head, unnest(@claims) WITH ORDINALITY AS e(claim, ord)
            """);
        command.Parameters.AddWithValue("n", (long)claims.Length);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("claims", claims);
        command.Parameters.AddWithValue("payload", Payload);
        return command;
    }

    private static int PartitionOf(string claim) => (int)((uint)StringComparer.Ordinal.GetHashCode(claim) % Partitions);

    /// <summary>The partitioned variant's tables, in the benchmark's own database only: one head row per partition.</summary>
    private static async Task CreatePartitionedFeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"""
            CREATE TABLE bench_feed_partition_head (partition integer PRIMARY KEY, position bigint NOT NULL);
            INSERT INTO bench_feed_partition_head SELECT p, 0 FROM generate_series(0, {Partitions - 1}) AS p;
            CREATE TABLE bench_partitioned_feed (
                partition integer NOT NULL, position bigint NOT NULL, claim_id text NOT NULL, payload bytea NOT NULL,
                PRIMARY KEY (partition, position));
            """, connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Both feeds must be gap-free: positions 1..n in each sequence.</summary>
    private static async Task CheckFeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand("""
            SELECT (SELECT count(*) = coalesce(max(position), 0) FROM claim_feed),
                   (SELECT bool_and(n = top)
                    FROM (SELECT count(*) AS n, max(position) AS top FROM bench_partitioned_feed GROUP BY partition) p)
            """, connection);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        var partitioned = reader.IsDBNull(1) || reader.GetBoolean(1);
        Console.WriteLine($"  feeds gap-free: feed_head {reader.GetBoolean(0)}, partitioned {partitioned}");
    }
}
