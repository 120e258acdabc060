using ClaimTracker.Benchmarks.Echo;
using Google.Protobuf;
using Grpc.Net.Client;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 1. Structured ingest: concurrent clients register reports of k structured statements on Zipf-hot
/// claims against the embedded server, against a raw gRPC echo with the same message size measured in
/// the same run. Matching runs in Exact mode here: this scenario measures the grain and storage path;
/// the encoder's cost is scenario 2's.
/// </summary>
internal static class IngestScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var warmUp = new ScenarioWarmUp(options);
        Console.WriteLine($"== 1. structured ingest: {options.Clients} clients, reports of {options.StatementsPerReport} statements, " +
            $"Zipf(1.0) over {StructuredReports.Claims:N0} claims, {options.Seconds} s each after {warmUp.Description}");
        var reports = new StructuredReports(options.StatementsPerReport);
        var size = reports.Next(0, 0).CalculateSize();
        var port = Measure.FreePort();
        await using (var echo = await EchoHost.StartAsync(port))
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new Echo.Echo.EchoClient(channel);
            var payload = new Payload { Data = ByteString.CopyFrom(new byte[size]) };
            await warmUp.RunAsync("echo", async (_, _) => await client.CallAsync(payload));
            var (rate, latencies) = await Measure.ClosedLoopAsync(
                options.Clients,
                duration,
                async (_, _) => await client.CallAsync(payload));
            EchoRate = rate;
            Console.WriteLine($"baseline raw gRPC echo ({size} B messages): {Measure.Rate(rate)} calls, p50 " +
                $"{Measure.Ms(Measure.Percentile(latencies, 50))}, p99 {Measure.Ms(Measure.Percentile(latencies, 99))}");
        }

        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        await warmUp.RunAsync("ClaimTracker", async (c, n) => await server.Client.RegisterReportAsync(reports.Next(c + 10_000, n)));
        using var allocations = options.AllocationTypes > 0 ? new AllocationSampler() : null;
        using var stacks = options.AllocationStacks > 0 ? AllocationStacks.Start() : null;
        using var jit = options.JitMethods > 0 ? new JitSampler() : null;
        jit?.Start();
        using var commits = new CommitCounter();
        var cost = ProcessCost.Start();
        var walSample = SampleWalAsync(server, duration / 2);
        var (reportsPerSecond, reportLatencies) = await Measure.ClosedLoopAsync(
            options.Clients,
            duration,
            async (c, n) => await server.Client.RegisterReportAsync(reports.Next(c, n)));
        var spent = cost.Stop();
        var statements = reportsPerSecond * options.StatementsPerReport;
        Console.WriteLine($"ClaimTracker embedded (SQLite, group commit, durable before ack): {Measure.Rate(reportsPerSecond)} reports = " +
            $"{Measure.Rate(statements)} statements, p50 {Measure.Ms(Measure.Percentile(reportLatencies, 50))}, p99 " +
                $"{Measure.Ms(Measure.Percentile(reportLatencies, 99))}");
        var measuredStatements = reportLatencies.Count * options.StatementsPerReport;
        allocations?.Print(options.AllocationTypes, measuredStatements, "statement");
        if (stacks is not null)
        {
            await stacks.PrintAsync(options.AllocationStacks, measuredStatements, "statement");
        }

        jit?.Print(options.JitMethods);
        Console.WriteLine($"per statement (clients and server, one process): {spent.PerUnit(measuredStatements, "statement")}");
        Console.WriteLine("I/O " + spent.Io.PerUnit(measuredStatements, "statement"));
        Console.WriteLine(commits.Summary(measuredStatements));
        var (pages, unread) = await walSample;
        Console.WriteLine(pages?.Summary(measuredStatements / (double)Math.Max(1, commits.Commits), top: 14)
            ?? $"write-ahead log: {unread ?? "no committed frame in it"}");
        Console.WriteLine($"ratio statements/s ÷ echo calls/s = {Measure.Ratio(statements / EchoRate)} (target ≥ 0.20)");
        await PrintActivationsAsync(server);
        await StoreFootprint.PrintAsync(server);
        if (options.BatchSize > 0)
        {
            await RunBatchedAsync(options, server, reports, duration);
        }
    }

    /// <summary>
    /// What the pages in the write-ahead log belong to, read halfway through the window: the commits since the log last restarted
    /// were made under the full load (after it, the last commits are the smaller ones of clients finishing).
    /// </summary>
    private static async Task<(WalPages? Pages, string? Unread)> SampleWalAsync(BenchServer server, TimeSpan after)
    {
        await Task.Delay(after);
        try
        {
            return (await Task.Run(() => WalPages.Read(Path.Combine(server.DataDirectory, "claimtracker.db"))), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentException)
        {
            // A page read while a checkpoint rewrote it can be torn; the sample is a diagnostic, not a figure the run needs.
            return (null, $"not read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    /// <summary>
    /// Grain activations in memory at the end of the run, by grain type: reports leave after their collection age, so on a long
    /// run their count stays near the rate times that age instead of growing with every report registered.
    /// </summary>
    private static async Task PrintActivationsAsync(BenchServer server)
    {
        var statistics = await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        // Grain types read as assembly-qualified class names: "ClaimTracker.Grains.Reports.ReportGrain,ClaimTracker.Grains".
        static string ClassName(string grainType)
        {
            var type = grainType.Split(',')[0];
            return type[(type.LastIndexOf('.') + 1)..];
        }

        var byType = statistics.GroupBy(s => ClassName(s.GrainType))
            .Select(g => $"{g.Key} {g.Sum(s => s.ActivationCount):N0}")
            .Order(StringComparer.Ordinal);
        Console.WriteLine($"activations in memory at the end: {string.Join(", ", byType)}");
    }

    /// <summary>The same load through RegisterReports, on the same (warm) server, against the same echo rate.</summary>
    private static async Task RunBatchedAsync(BenchOptions options, BenchServer server, StructuredReports reports, TimeSpan duration)
    {
        V1.RegisterReportsRequest Batch(int caller, long n)
        {
            var batch = new V1.RegisterReportsRequest();
            for (var i = 0; i < options.BatchSize; i++)
            {
                batch.Reports.Add(reports.Next(caller + 20_000, (n * options.BatchSize) + i));
            }

            return batch;
        }

        // One batch per client first, so the measured window does not compile the batch path.
        await Task.WhenAll(Enumerable.Range(0, options.BatchClients)
            .Select(c => server.Client.RegisterReportsAsync(Batch(c + options.BatchClients, -1)).ResponseAsync));
        var cost = ProcessCost.Start();
        var (batchesPerSecond, latencies) = await Measure.ClosedLoopAsync(
            options.BatchClients,
            duration,
            async (c, n) => await server.Client.RegisterReportsAsync(Batch(c, n)));
        var spent = cost.Stop();
        var statements = batchesPerSecond * options.BatchSize * options.StatementsPerReport;
        Console.WriteLine($"ClaimTracker embedded, batched (RegisterReports, {options.BatchSize} reports per call, " +
            $"{options.BatchClients} clients): {Measure.Rate(batchesPerSecond * options.BatchSize)} reports = " +
            $"{Measure.Rate(statements)} statements, per call " +
            $"p50 {Measure.Ms(Measure.Percentile(latencies, 50))}, p99 {Measure.Ms(Measure.Percentile(latencies, 99))}");
        var measuredStatements = latencies.Count * options.BatchSize * options.StatementsPerReport;
        Console.WriteLine(
            $"batched, per statement (clients and server, one process): {spent.PerUnit(measuredStatements, "statement")}");
        Console.WriteLine($"ratio batched statements/s ÷ echo calls/s = {Measure.Ratio(statements / EchoRate)}");
    }

    private static double EchoRate { get; set; }
}
