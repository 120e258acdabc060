using System.Collections.Concurrent;
using System.Diagnostics;
using ClaimTracker.V1.Client;
using Grpc.Core;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>4. Watch fan-out: many watchers, a steady event rate; delivery latency from acknowledgment to receipt.</summary>
internal static class WatchScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        const int StatementsPerReport = 10;
        Console.WriteLine($"== 4. watch fan-out: {options.Watchers} watchers, {options.EventsPerSecond} statements/s for {options.Seconds} s");
        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        var acks = new ConcurrentDictionary<string, long>();
        var receipts = new ConcurrentBag<(string ReportId, long At)>();
        using var stop = new CancellationTokenSource();
        var channels = Enumerable.Range(0, Math.Max(1, options.Watchers / 20)).Select(_ => ClaimTrackerChannel.Create(server.Address)).ToList();
        var started = new CountdownEvent(options.Watchers);
        var watchers = Enumerable.Range(0, options.Watchers).Select(w => Task.Run(async () =>
        {
            var client = new V1.ClaimTracker.ClaimTrackerClient(channels[w % channels.Count]);
            using var call = client.WatchClaims(new V1.WatchClaimsRequest(), cancellationToken: stop.Token);
            await call.ResponseHeadersAsync;
            started.Signal();
            try
            {
                await foreach (var claimEvent in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    if (claimEvent.Statement is { } statement)
                    {
                        receipts.Add((statement.ReportId, Stopwatch.GetTimestamp()));
                    }
                }
            }
            catch (RpcException) when (stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        started.Wait(TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        var reportsPerSecond = Math.Max(1, options.EventsPerSecond / StatementsPerReport);
        var interval = TimeSpan.FromSeconds(1.0 / reportsPerSecond);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var inflight = new List<Task>();
        while (clock.Elapsed < TimeSpan.FromSeconds(options.Seconds))
        {
            var due = interval * sent;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var reportId = $"watch-bench-{sent}";
            var request = new V1.RegisterReportRequest { ReportId = reportId, Source = "Outlet" };
            for (var s = 0; s < StatementsPerReport; s++)
            {
                request.Statements.Add(new V1.StatementInput { Speaker = $"Origin {s}", Content = $"Claim {sent % 500} point {s}" });
            }

            inflight.Add(Task.Run(async () =>
            {
                await server.Client.RegisterReportAsync(request);
                acks[reportId] = Stopwatch.GetTimestamp();
            }));
            sent++;
        }

        await Task.WhenAll(inflight);

        // Let the deliveries of the last acknowledged reports drain before the watchers hang up.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var elapsed = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        channels.ForEach(c => c.Dispose());

        var latencies = receipts
            .Where(r => acks.ContainsKey(r.ReportId))
            .Select(r => Math.Max(0, Stopwatch.GetElapsedTime(acks[r.ReportId], r.At).TotalMilliseconds))
            .Order()
            .ToList();
        var expected = (long)sent * StatementsPerReport * options.Watchers;
        Console.WriteLine($"delivered {latencies.Count:N0} of {expected:N0} statement events ({Measure.Rate(latencies.Count / elapsed)} across watchers)");
        Console.WriteLine($"delivery after acknowledgment: p50 {Measure.Ms(Measure.Percentile(latencies, 50))}, p99 {Measure.Ms(Measure.Percentile(latencies, 99))} (target p99 ≤ 50 ms; events seen before their ack count as 0)");
    }
}
