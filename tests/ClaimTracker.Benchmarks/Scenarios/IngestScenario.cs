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

        // Unmeasured warm-up for both: the JIT's tiers (still compiling after 1 s), connections, activations.
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var warmupMax = TimeSpan.FromSeconds(Math.Max(options.WarmupSeconds, options.WarmupMaxSeconds));
        Console.WriteLine($"== 1. structured ingest: {options.Clients} clients, reports of {options.StatementsPerReport} statements, Zipf(1.0) over 10,000 claims, {options.Seconds} s each after a warm-up of {options.WarmupSeconds}–{warmupMax.TotalSeconds} s (until the JIT compiles < {options.JitSettledRate} methods/s)");
        async Task WarmUpAsync(string what, Func<int, long, Task> call)
        {
            var (spent, rate) = await Measure.WarmUpAsync(options.Clients, warmup, warmupMax, options.JitSettledRate, call);
            Console.WriteLine($"{what} warm-up: {spent.TotalSeconds:0} s, JIT then at {rate:0} methods/s");
        }

        var zipf = new Zipf(10_000, 1.0, seed: 42);
        var run = Guid.NewGuid().ToString("N")[..8];
        V1.RegisterReportRequest Report(int caller, long n)
        {
            var request = new V1.RegisterReportRequest { ReportId = $"bench-{run}-{caller}-{n}", Source = $"Outlet {(caller + n) % 20}" };
            for (var s = 0; s < options.StatementsPerReport; s++)
            {
                var claim = zipf.Next();
                request.Statements.Add(new V1.StatementInput { Speaker = $"Origin {(claim + s + n) % 50}", Content = $"Claim number {claim} about the harbour is true" });
            }

            return request;
        }

        var size = Report(0, 0).CalculateSize();
        var port = Measure.FreePort();
        await using (var echo = await EchoHost.StartAsync(port))
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new Echo.Echo.EchoClient(channel);
            var payload = new Payload { Data = ByteString.CopyFrom(new byte[size]) };
            await WarmUpAsync("echo", async (_, _) => await client.CallAsync(payload));
            var (rate, latencies) = await Measure.ClosedLoopAsync(options.Clients, duration, async (_, _) => await client.CallAsync(payload));
            EchoRate = rate;
            Console.WriteLine($"baseline raw gRPC echo ({size} B messages): {Measure.Rate(rate)} calls, p50 {Measure.Ms(Measure.Percentile(latencies, 50))}, p99 {Measure.Ms(Measure.Percentile(latencies, 99))}");
        }

        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        await WarmUpAsync("ClaimTracker", async (c, n) => await server.Client.RegisterReportAsync(Report(c + 10_000, n)));
        using var allocations = options.AllocationTypes > 0 ? new AllocationSampler() : null;
        using var jit = options.JitMethods > 0 ? new JitSampler() : null;
        jit?.Start();
        using var commits = new CommitCounter();
        var cost = ProcessCost.Start();
        var (reports, reportLatencies) = await Measure.ClosedLoopAsync(options.Clients, duration, async (c, n) => await server.Client.RegisterReportAsync(Report(c, n)));
        var spent = cost.Stop();
        var statements = reports * options.StatementsPerReport;
        Console.WriteLine($"ClaimTracker embedded (SQLite, group commit, durable before ack): {Measure.Rate(reports)} reports = {Measure.Rate(statements)} statements, p50 {Measure.Ms(Measure.Percentile(reportLatencies, 50))}, p99 {Measure.Ms(Measure.Percentile(reportLatencies, 99))}");
        var measuredStatements = reportLatencies.Count * options.StatementsPerReport;
        allocations?.Print(options.AllocationTypes, measuredStatements, "statement");
        jit?.Print(options.JitMethods);
        Console.WriteLine($"per statement (clients and server, one process): {spent.CpuSeconds / measuredStatements * 1e6:N0} µs CPU, {spent.AllocatedBytes / (double)measuredStatements:N0} B allocated; process CPU {spent.CpuSeconds / spent.Seconds:0.00} of {Environment.ProcessorCount} cores, GC gen0/1/2 {spent.Collections}; JIT {spent.JitMethods:N0} methods, {spent.JitSeconds:0.00} s ({spent.JitSeconds / spent.CpuSeconds:P0} of the CPU; {(spent.CpuSeconds - spent.JitSeconds) / measuredStatements * 1e6:N0} µs per statement without it)");
        Console.WriteLine("I/O " + spent.Io.PerUnit(measuredStatements, "statement"));
        Console.WriteLine(commits.Summary(measuredStatements));
        Console.WriteLine($"ratio statements/s ÷ echo calls/s = {Measure.Ratio(statements / EchoRate)} (target ≥ 0.20)");
    }

    private static double EchoRate { get; set; }
}
