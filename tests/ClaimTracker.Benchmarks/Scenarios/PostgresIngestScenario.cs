using System.Globalization;
using ClaimTracker.Benchmarks.GrainStore;
using ClaimTracker.Benchmarks.StorageBaseline;
using ClaimTracker.Storage.Postgres;
using ClaimTracker.TestSupport;
using Google.Protobuf;
using Grpc.Net.Client;
using Npgsql;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 1b. Structured ingest on PostgreSQL: scenario 1's load against ClaimTracker in PostgreSQL mode,
/// against per-write Orleans grain storage measured the same way in the same run: as many callers,
/// each storing a report-sized payload as its own grain's state through Orleans' ADO.NET provider, one
/// durable write per call. Both on one throwaway PostgreSQL with default durability, each in its own
/// database. Matching runs in Exact mode, as in scenario 1.
/// </summary>
internal static class PostgresIngestScenario
{
    private const string Title = "== 1b. structured ingest on PostgreSQL";

    public static async Task RunAsync(BenchOptions options)
    {
        if (!ThrowawayPostgres.IsInstalled)
        {
            Console.WriteLine($"{Title}: skipped (needs PostgreSQL's initdb and pg_ctl on PATH)");
            return;
        }

        var warmUp = new ScenarioWarmUp(options);
        Console.WriteLine($"{Title}: {options.Clients} clients, reports of {options.StatementsPerReport} statements, Zipf(1.0) over " +
            $"{StructuredReports.Claims:N0} claims, {options.Seconds} s each after {warmUp.Description}");
        string[] profiling = options.PostgresStatements ? [PostgresStatementProfile.Setting, PostgresStatementProfile.PlanningSetting] : [];
        await using var postgres = await ThrowawayPostgres.StartAsync([.. profiling, .. options.PostgresSettings], options.PostgresInitdb);
        Console.WriteLine(await DescribeAsync(postgres, options.PostgresInitdb));
        var reports = new StructuredReports(options.StatementsPerReport);
        var size = reports.Next(0, 0).CalculateSize();
        var writesPerSecond = options.Baseline ? await MeasureGrainStorageAsync(options, warmUp, postgres, size) : double.NaN;
        var statementsPerSecond = await MeasureClaimTrackerAsync(options, warmUp, postgres, reports);
        if (!options.Baseline)
        {
            return;
        }

        Console.WriteLine($"ratio ClaimTracker statements/s ÷ per-write Orleans storage writes/s = " +
            $"{Measure.Ratio(statementsPerSecond / writesPerSecond)} (target ≥ 5)");
    }

    private static async Task<double> MeasureGrainStorageAsync(
        BenchOptions options,
        ScenarioWarmUp warmUp,
        ThrowawayPostgres postgres,
        int size)
    {
        var connectionString = await postgres.CreateDatabaseAsync("grain_storage");
        await OrleansStorageBaseline.InstallAsync(connectionString);
        var port = Measure.FreePort();
        var acknowledged = 0L;
        double writesPerSecond;
        await using (var host = await GrainStoreHost.StartAsync(port, connectionString))
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new GrainStore.GrainStore.GrainStoreClient(channel);
            var data = ByteString.CopyFrom(new byte[size]);
            async Task WriteAsync(int caller, long n)
            {
                await client.WriteAsync(new GrainWrite { Grain = caller, Data = data });
                Interlocked.Increment(ref acknowledged);
            }

            await warmUp.RunAsync("per-write Orleans storage", WriteAsync);
            var cost = CostWithPostgres.Start(postgres.ServerProcessId);
            (writesPerSecond, var latencies) = await Measure.ClosedLoopAsync(
                options.Clients,
                TimeSpan.FromSeconds(options.Seconds),
                WriteAsync);
            var spent = cost.Stop();
            Console.WriteLine(
                $"baseline per-write Orleans ADO.NET grain storage ({size} B payloads, {GrainStoreHost.SerializerName(host)}; caller c " +
                    $"writes grain c, so no write waits for another: the baseline's most favourable case): " +
                $"{Measure.Rate(writesPerSecond)} writes, p50 {Measure.Ms(Measure.Percentile(latencies, 50))}, p99 " +
                    $"{Measure.Ms(Measure.Percentile(latencies, 99))}");
            Console.WriteLine(
                $"per write (clients and server in this process, then the database): {spent.PerUnit(latencies.Count, "write")}");
        }

        var (grains, writes) = await OrleansStorageBaseline.TallyAsync(connectionString);
        Console.WriteLine($"  landed: {grains} grain rows (expected {options.Clients}), versions summing to {writes:N0} for " +
            $"{acknowledged:N0} acknowledged writes{Mismatch(grains == options.Clients && writes == acknowledged)}");
        return writesPerSecond;
    }

    private static async Task<double> MeasureClaimTrackerAsync(
        BenchOptions options,
        ScenarioWarmUp warmUp,
        ThrowawayPostgres postgres,
        StructuredReports reports)
    {
        var connectionString = await postgres.CreateDatabaseAsync("claimtracker");
        await PostgresMigrator.MigrateAsync(connectionString);
        var acknowledged = 0L;
        double statementsPerSecond;
        await using (var server = await BenchServer.StartAsync(
            "--Matching:Mode=Exact",
            "--Storage:Mode=Postgres",
            $"--Storage:ConnectionString={connectionString}",
            "--Orleans:AdvertisedAddress=127.0.0.1",
            "--Orleans:ClusterId=bench-claimtracker-pg",
            "--Orleans:ServiceId=bench-claimtracker-pg"))
        {
            async Task RegisterAsync(int caller, long n)
            {
                await server.Client.RegisterReportAsync(reports.Next(caller, n));
                Interlocked.Increment(ref acknowledged);
            }

            await warmUp.RunAsync("ClaimTracker", (c, n) => RegisterAsync(c + 10_000, n));
            using var commits = new CommitCounter();
            var profile = options.PostgresStatements ? await PostgresStatementProfile.StartAsync(connectionString) : null;
            var buffersBefore = await BufferWrites.ReadAsync(connectionString);
            var cost = CostWithPostgres.Start(postgres.ServerProcessId);
            var (reportsPerSecond, latencies) = await Measure.ClosedLoopAsync(
                options.Clients,
                TimeSpan.FromSeconds(options.Seconds),
                RegisterAsync);
            var spent = cost.Stop();
            var buffers = (await BufferWrites.ReadAsync(connectionString)) - buffersBefore;
            statementsPerSecond = reportsPerSecond * options.StatementsPerReport;
            Console.WriteLine($"ClaimTracker PostgreSQL mode (one silo, durable before ack): {Measure.Rate(reportsPerSecond)} reports = " +
                $"{Measure.Rate(statementsPerSecond)} statements, p50 {Measure.Ms(Measure.Percentile(latencies, 50))}, p99 " +
                    $"{Measure.Ms(Measure.Percentile(latencies, 99))}");
            Console.WriteLine($"per statement (clients and server in this process, then the database): " +
                $"{spent.PerUnit(latencies.Count * (long)options.StatementsPerReport, "statement")}");
            Console.WriteLine(commits.Summary(latencies.Count * (long)options.StatementsPerReport));
            Console.WriteLine(buffers.Describe(latencies.Count * (long)options.StatementsPerReport));
            if (profile is not null)
            {
                Console.WriteLine(await profile.DescribeAsync(latencies.Count * (long)options.StatementsPerReport, "statement"));
            }
        }

        var (reportRows, statementEvents, databaseBytes) = await CountClaimTrackerRowsAsync(connectionString);
        var statements = acknowledged * options.StatementsPerReport;
        Console.WriteLine($"  landed: {reportRows:N0} reports for {acknowledged:N0} acknowledged, {statementEvents:N0} claim journal " +
            $"entries for {statements:N0} acknowledged statements{Mismatch(reportRows == acknowledged && statementEvents == statements)}");
        var perStatement = databaseBytes / (double)Math.Max(1, statements);
        Console.WriteLine($"  database size {databaseBytes / 1048576.0:N1} MB, {perStatement:N0} B per statement stored " +
            $"(the warm-up's included, and the schema's empty tables; claims drawn from {StructuredReports.Claims:N0})");
        return statementsPerSecond;
    }

    private static string Mismatch(bool matches) => matches ? "" : "  <- MISMATCH";

    private static async Task<(long Reports, long StatementEvents, long DatabaseBytes)> CountClaimTrackerRowsAsync(
        string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM journal WHERE stream LIKE 'claim/%'), " +
                "pg_database_size(current_database())",
            connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<string> DescribeAsync(ThrowawayPostgres postgres, string initdbArguments)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('fsync'), " +
            "current_setting('synchronous_commit'), current_setting('wal_sync_method'), current_setting('shared_buffers'), " +
            "current_setting('max_wal_size')", connection);
        await using var reader = await show.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)} on 127.0.0.1:{postgres.Port} (throwaway; fsync {reader.GetString(1)}, " +
            $"synchronous_commit {reader.GetString(2)}, wal_sync_method {reader.GetString(3)}, shared_buffers {reader.GetString(4)}, " +
            $"max_wal_size {reader.GetString(5)}; initdb {(initdbArguments.Length > 0 ? initdbArguments : "with the machine's locale")})";
    }

    /// <summary>
    /// Who wrote PostgreSQL's dirty buffers out (pg_stat_bgwriter): checkpoints, the background writer, or the backends
    /// themselves when a buffer they needed was dirty; and how many checkpoints ran.
    /// </summary>
    private sealed record BufferWrites(
        long Checkpoints, long ByCheckpoints, long ByBackgroundWriter, long ByBackends, long Allocated)
    {
        public static async Task<BufferWrites> ReadAsync(string connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT checkpoints_timed + checkpoints_req, buffers_checkpoint, buffers_clean, " +
                "buffers_backend, buffers_alloc FROM pg_stat_bgwriter", connection);
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            return new BufferWrites(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        public static BufferWrites operator -(BufferWrites after, BufferWrites before) => new(
            after.Checkpoints - before.Checkpoints,
            after.ByCheckpoints - before.ByCheckpoints,
            after.ByBackgroundWriter - before.ByBackgroundWriter,
            after.ByBackends - before.ByBackends,
            after.Allocated - before.Allocated);

        public string Describe(long statements)
        {
            string Per(long buffers) => (buffers / (double)Math.Max(1, statements)).ToString("N2", CultureInfo.InvariantCulture);
            return $"PostgreSQL buffers in the window, per statement: {Per(Allocated)} read in, written out " +
                $"{Per(ByBackends)} by backends, {Per(ByBackgroundWriter)} by the background writer, {Per(ByCheckpoints)} by {Checkpoints} checkpoint(s)";
        }
    }
}
