using System.Diagnostics;
using ClaimTracker.V1.Client;
using Grpc.Core;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 7. Scaling: 1, 2 and 3 silo processes on one PostgreSQL (started with deploy/local/start-cluster.sh),
/// the same client load spread over their gRPC endpoints. On a 2-core machine this shows the cost of
/// clustering, not a speed-up; the figure per core is printed too.
/// </summary>
internal static class ScalingScenario
{
    private const int GrpcBase = 5100;

    public static async Task RunAsync(BenchOptions options)
    {
        var root = RepositoryRoot();
        var start = root is null ? null : Path.Combine(root, "deploy", "local", "start-cluster.sh");
        if (start is null || !File.Exists(start) || !OnPath("initdb"))
        {
            Console.WriteLine("== 7. scaling: skipped (needs deploy/local/start-cluster.sh and PostgreSQL's initdb on PATH)");
            return;
        }

        Console.WriteLine(
            $"== 7. scaling: 1, 2, 3 silo processes on PostgreSQL, {options.Clients} clients over all endpoints, "
            + $"reports of {options.StatementsPerReport} statements, {options.Seconds} s each (Matching:Mode=Exact)");
        double? single = null;
        foreach (var silos in new[] { 1, 2, 3 })
        {
            var state = Directory.CreateTempSubdirectory("claimtracker-scaling-").FullName;
            Directory.Delete(state);
            try
            {
                await RunScriptAsync(start, silos.ToString(System.Globalization.CultureInfo.InvariantCulture), state);
                var channels = Enumerable.Range(1, silos).Select(i => ClaimTrackerChannel.Create($"http://127.0.0.1:{GrpcBase + i}"))
                    .ToList();
                var clients = channels.Select(c => new V1.ClaimTracker.ClaimTrackerClient(c)).ToList();
                foreach (var client in clients)
                {
                    await WaitServingAsync(client);
                }

                var run = Guid.NewGuid().ToString("N")[..8];
                V1.RegisterReportRequest Report(int caller, long n)
                {
                    var request = new V1.RegisterReportRequest { ReportId = $"scale-{run}-{caller}-{n}", Source = $"Outlet {caller % 20}" };
                    for (var s = 0; s < options.StatementsPerReport; s++)
                    {
                        request.Statements.Add(new V1.StatementInput {
                            Speaker = $"Origin {(caller + s) % 50}",
                            Content = $"Claim number {(n * 7 + s) % 10_000} about the harbour is true" });
                    }

                    return request;
                }

                await Measure.ClosedLoopAsync(
                    options.Clients,
                    TimeSpan.FromSeconds(2),
                    async (c, n) => await clients[c % silos].RegisterReportAsync(Report(c + 10_000, n)));
                var (reports, latencies) = await Measure.ClosedLoopAsync(
                    options.Clients,
                    TimeSpan.FromSeconds(options.Seconds),
                    async (c, n) => await clients[c % silos].RegisterReportAsync(Report(c, n)));
                var statements = reports * options.StatementsPerReport;
                single ??= statements;
                Console.WriteLine($"{silos} silo(s): {Measure.Rate(statements)} statements " +
                    $"({Measure.Rate(statements / Environment.ProcessorCount)} per core), p50 " +
                        $"{Measure.Ms(Measure.Percentile(latencies, 50))}, p99 {Measure.Ms(Measure.Percentile(latencies, 99))}; ratio to " +
                            $"1 silo {Measure.Ratio(statements / single.Value)}");
                channels.ForEach(c => c.Dispose());
            }
            finally
            {
                await RunScriptAsync(Path.Combine(root!, "deploy", "local", "stop-cluster.sh"), string.Empty, state);
            }
        }
    }

    private static async Task WaitServingAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 1 });
                return;
            }
            catch (RpcException) when (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task RunScriptAsync(string script, string arguments, string state)
    {
        var info = new ProcessStartInfo("bash", $"\"{script}\" {arguments}") {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true };
        info.Environment["CLAIMTRACKER_CLUSTER_DIR"] = state;
        info.Environment["Matching__Mode"] = "Exact";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run " + script);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static string? RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ClaimTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
