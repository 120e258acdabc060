using System.Diagnostics;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>4b. A watcher that reads nothing must not slow ingest: 1,000 statements with and without one.</summary>
internal static class StalledWatcherScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"== 4b. stalled watcher: {options.Repeats} rounds of 1,000 statements (100 reports × 10, 4 clients) without " +
            $"and with a watcher that reads nothing");
        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact", "--Watch:BufferSize=64");
        await RegisterAsync(server, "warm");
        var without = new List<double>();
        var with = new List<double>();
        for (var round = 0; round < options.Repeats; round++)
        {
            without.Add(await RegisterAsync(server, $"free-{round}"));
            using var stalled = server.Client.WatchClaims(new V1.WatchClaimsRequest { Cursor = "f0" });
            await stalled.ResponseHeadersAsync;
            with.Add(await RegisterAsync(server, $"stalled-{round}"));
        }

        var baseline = without.Min();
        var stalledTime = with.Min();
        Console.WriteLine($"baseline without watcher: {Measure.Ms(baseline)} (best of {options.Repeats}); with a stalled watcher: " +
            $"{Measure.Ms(stalledTime)}");
        Console.WriteLine($"ratio {Measure.Ratio(stalledTime / baseline)} (target ≤ 1.20)");
    }

    private static async Task<double> RegisterAsync(BenchServer server, string prefix)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, ct) =>
        {
            var request = new V1.RegisterReportRequest { ReportId = $"{prefix}-{r}", Source = "Outlet" };
            for (var s = 0; s < 10; s++)
            {
                request.Statements.Add(new V1.StatementInput { Speaker = $"Origin {s}", Content = $"{prefix} claim {r}-{s}" });
            }

            await server.Client.RegisterReportAsync(request, cancellationToken: ct);
        });
        return clock.Elapsed.TotalMilliseconds;
    }
}
