using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;
using ClaimTracker.Grains;
using ClaimTracker.V1.Client;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 4. Watch fan-out: many watchers, a steady event rate; delivery latency from acknowledgment to
/// receipt, per statement event. The same events are first produced on a fresh server with no
/// watcher (the baseline run): it shows whether the producer alone keeps up with the offered rate
/// (so the fan-out figures are not ingest queueing in disguise) and what the watchers cost it.
/// Events come either from claim grains (<c>--source grains</c>, the default: each statement is one
/// <c>IClaimGrain.AddStatement</c>, acknowledged once its journal and feed rows are committed) or
/// through the whole ingest path (<c>--source reports</c>: RegisterReport over gRPC, acknowledged
/// when the report is complete), whose own ceiling (scenario 1) lies near 1,000 statements/s.
/// </summary>
internal static class WatchScenario
{
    private const int Speakers = 10;
    private const int Claims = 5000;

    public static async Task RunAsync(BenchOptions options)
    {
        var batch = Math.Max(1, options.ReportSize);
        var batchesPerSecond = Math.Max(1.0, (double)options.EventsPerSecond / batch);
        var what = options.Source == "reports"
            ? $"{batchesPerSecond:0.#} RegisterReport/s of {batch} statements"
            : $"{batchesPerSecond:0.#} × {batch} concurrent ClaimGrain.AddStatement/s";
        var where = options.WatchClients == "process" ? "in a client process of their own" : "in the server's process";
        Console.WriteLine($"== 4. watch fan-out: {options.Watchers} watchers ({where}), {options.EventsPerSecond} statements/s ({what}) " +
            $"for {options.Seconds} s after {options.WarmupSeconds} s of warm-up, {Claims:N0} claims, {Speakers} speakers");

        Run? baseline = null;
        if (options.Baseline)
        {
            baseline = await RunOnceAsync(options, batch, batchesPerSecond, watchers: 0);
            Print("baseline, no watcher", baseline, options);
        }

        var measured = await RunOnceAsync(options, batch, batchesPerSecond, options.Watchers);
        Print($"{options.Watchers} watchers", measured, options);

        var deliveries = measured.Deliveries;
        Console.WriteLine($"delivered {deliveries.Count:N0} of {measured.Expected:N0} statement events " +
            $"({Measure.Rate(deliveries.Count / measured.Seconds)} across watchers)");
        if (deliveries.Count > 0)
        {
            var netCpu = baseline is null
                ? 0
                : (measured.CpuCores * measured.Seconds - baseline.CpuCores * baseline.Seconds) / deliveries.Count * 1e6;
            var net = baseline is null ? "" : $", {netCpu:0.0} µs net of the baseline run's";
            var who = measured.ClientCpuCores is null
                ? $"server, producer and the {options.Watchers} in-process clients"
                : "server and producer";
            Console.WriteLine(
                $"process CPU per delivered event ({who}): {measured.CpuCores * measured.Seconds / deliveries.Count * 1e6:0.0} µs{net}");
            var netBytes = baseline is null
                ? ""
                : $", {(double)(measured.AllocatedBytes - baseline.AllocatedBytes) / deliveries.Count:N0} B net of the baseline run's";
            Console.WriteLine(
                $"process allocation per delivered event ({who}): {(double)measured.AllocatedBytes / deliveries.Count:N0} B{netBytes}");
            if (measured.ClientCpuCores is { } clientCores)
            {
                Console.WriteLine($"the {options.Watchers} clients' own process: {clientCores:0.00} cores, " +
                    $"{clientCores * measured.Seconds / deliveries.Count * 1e6:0.0} µs per delivered event");
            }
        }

        Console.WriteLine($"delivery after acknowledgment: p50 {Measure.Ms(Measure.Percentile(deliveries, 50))}, p99 " +
            $"{Measure.Ms(Measure.Percentile(deliveries, 99))}, p99.9 {Measure.Ms(Measure.Percentile(deliveries, 99.9))}, max " +
                $"{Measure.Ms(deliveries.Count == 0 ? double.NaN : deliveries[^1])} (target p99 ≤ 50 ms; an event seen before its ack " +
                    $"counts as 0)");
        if (baseline is null)
        {
            return;
        }

        Console.WriteLine($"producer with watchers vs baseline: ack p99 ratio " +
            $"{Measure.Ratio(Measure.Percentile(measured.Acks, 99) / Measure.Percentile(baseline.Acks, 99))}, statements/s ratio " +
                $"{Measure.Ratio(measured.StatementsPerSecond / baseline.StatementsPerSecond)}");
    }

    private static void Print(string label, Run run, BenchOptions options)
    {
        var keptUp = run.StatementsPerSecond >= 0.95 * options.EventsPerSecond ? "kept up" : "FELL BEHIND the offered rate";
        var p50 = Measure.Ms(Measure.Percentile(run.Acks, 50));
        var p99 = Measure.Ms(Measure.Percentile(run.Acks, 99));
        Console.WriteLine(
            $"{label}: {run.Acks.Count:N0} statements acknowledged, {Measure.Rate(run.StatementsPerSecond)} ({keptUp}), "
            + $"ack p50 {p50}, p99 {p99}; process CPU {run.CpuCores:0.00} of {Environment.ProcessorCount} cores, "
            + $"GC gen0/1/2 {run.Collections}, GC pauses {run.GcPauseMs:N0} ms (longest {run.Gc.LongestPauseMs:N0} ms, "
            + $"{run.Gc.PausesOver(20)} over 20 ms), allocated {run.AllocatedBytes / 1e6:N0} MB; "
            + $"watch overflows {run.Feed.Overflows:N0}, catch-up entries from memory {run.Feed.FromMemory:N0}, "
            + $"from the store {run.Feed.FromStore:N0}");
        Console.Write(run.Gc.Summary(run.Acks.Count));
        if (options.GcLog)
        {
            Console.Write(run.Gc.Details());
        }
    }

    private sealed record Run(
        double Seconds,
        double StatementsPerSecond,
        List<double> Acks,
        List<double> Deliveries,
        long Expected,
        double CpuCores,
        double? ClientCpuCores,
        string Collections,
        double GcPauseMs,
        FeedCounters Feed,
        GcLog Gc,
        long AllocatedBytes);

    /// <summary>The feed's counters (see ClaimFeed.MeterName), summed while listening.</summary>
    private sealed class FeedCounters : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener listener = new();
        private long overflows;
        private long fromMemory;
        private long fromStore;

        public FeedCounters()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Grains.Feed.ClaimFeed.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (instrument.Name == "claimtracker.watch.overflows")
                {
                    Interlocked.Add(ref overflows, value);
                }
                else if (tags.Length > 0 && Equals(tags[0].Value, "store"))
                {
                    Interlocked.Add(ref fromStore, value);
                }
                else
                {
                    Interlocked.Add(ref fromMemory, value);
                }
            });
            listener.Start();
        }

        public long Overflows => Interlocked.Read(ref overflows);

        public long FromMemory => Interlocked.Read(ref fromMemory);

        public long FromStore => Interlocked.Read(ref fromStore);

        public void Dispose() => listener.Dispose();
    }

    private static async Task<Run> RunOnceAsync(BenchOptions options, int batch, double batchesPerSecond, int watchers)
    {
        // Every watcher of the run is the same anonymous caller, over the per-caller limit of open watches.
        await using var server = await BenchServer.StartAsync(
            "--Matching:Mode=Exact", $"--Limits:MaxWatchesPerCaller={Math.Max(watchers, 1).ToString(CultureInfo.InvariantCulture)}");
        var grains = server.Services.GetRequiredService<IGrainFactory>();

        // Statements are numbered n × batch + s; the producer never gets ahead of its schedule, so
        // this many numbers cover the run (each of its two paced phases may send a batch or two past
        // its end when a delay overshoots on a loaded machine: their numbers must still be counted).
        // Acknowledgment timestamps by number (0 = not acknowledged).
        var capacity = (int)Math.Ceiling(((options.WarmupSeconds + options.Seconds) * batchesPerSecond) + 8) * batch;
        var acks = new long[capacity];
        var ackLatencies = new ConcurrentBag<double>();
        await using IWatchClients clients = (watchers == 0 ? "in-process" : options.WatchClients) switch
        {
            "process" => await WatchClientsProcess.StartAsync(server.Address, watchers, capacity, batch),
            "in-process" => WatchReceipts.Start(server.Address, watchers, capacity, batch),
            _ => throw new ArgumentException($"unknown --watch-clients {options.WatchClients}; use process or in-process"),
        };
        await Task.Delay(500);

        // Claim n, point s: 5,000 claims, each revisited every 5 s at 1,000 statements/s; speaker s % 10.
        string Content(int n, int s) => $"Claim {n % Math.Max(1, Claims / batch)} point {s}";
        var measuring = false;
        void Acknowledged(int n, int s, long start)
        {
            var now = Stopwatch.GetTimestamp();
            var number = (n * batch) + s;
            if (measuring && number < capacity)
            {
                acks[number] = now;
                ackLatencies.Add(Stopwatch.GetElapsedTime(start, now).TotalMilliseconds);
            }
        }

        async Task ProduceReportAsync(int n)
        {
            var request = new V1.RegisterReportRequest { ReportId = WatchReceipts.ReportId(n), Source = "Outlet" };
            for (var s = 0; s < batch; s++)
            {
                request.Statements.Add(new V1.StatementInput { Speaker = $"Origin {s % Speakers}", Content = Content(n, s) });
            }

            var start = Stopwatch.GetTimestamp();
            await server.Client.RegisterReportAsync(request);
            for (var s = 0; s < batch; s++)
            {
                Acknowledged(n, s, start);
            }
        }

        Task ProduceStatementsAsync(int n)
        {
            var reportId = WatchReceipts.ReportId(n);
            var now = DateTimeOffset.UtcNow;
            return Task.WhenAll(Enumerable.Range(0, batch).Select(async s =>
            {
                var content = Content(n, s);
                var speaker = $"Origin {s % Speakers}";
                var statement = new StatementRecord
                {
                    StatementId = StableIds.StatementId(reportId, s),
                    ReportId = reportId,
                    ClaimId = StableIds.ClaimIdForText(content),
                    ActorId = StableIds.ActorIdForName(speaker),
                    Speaker = speaker,
                    Content = content,
                    OriginActorId = StableIds.ActorIdForName(speaker),
                    OriginName = speaker,
                    Source = "Outlet",
                    SourceActorId = "a-outlet",
                    Stance = Stance.Supports,
                    Modality = Modality.Asserted,
                    RecordedAt = now,
                };
                var start = Stopwatch.GetTimestamp();
                await grains.GetGrain<IClaimGrain>(statement.ClaimId).AddStatement(statement);
                Acknowledged(n, s, start);
            }));
        }

        Func<int, Task> produce = options.Source switch
        {
            "reports" => ProduceReportAsync,
            "grains" => ProduceStatementsAsync,
            _ => throw new ArgumentException($"unknown --source {options.Source}; use grains or reports"),
        };

        // The producer runs open-loop: batch n is due at n × interval, whether or not earlier ones were acknowledged.
        var interval = TimeSpan.FromSeconds(1.0 / batchesPerSecond);
        var sent = 0;
        async Task PaceAsync(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            var first = sent;
            var inflight = new List<Task>();
            while (clock.Elapsed < duration)
            {
                var wait = interval * (sent - first) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var n = sent++;
                inflight.Add(Task.Run(() => produce(n)));
            }

            await Task.WhenAll(inflight);
        }

        // Warm-up (not measured): the JIT's tiers, the grains' activations, the connections' windows.
        await PaceAsync(TimeSpan.FromSeconds(options.WarmupSeconds));
        var warmupEvents = (long)sent * batch * watchers;
        var drain = Stopwatch.StartNew();
        while (clients.Received < warmupEvents && drain.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        if (options.Settle)
        {
            // The warm-up's one-time survivors (5,000 new activations, connection state) are still in
            // gen0/gen1 here, where a long-running server has had them in gen2 for long: settle them
            // now, or the measured window pays for promoting them (--settle off shows it).
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        measuring = true;
        var warmupBatches = sent;
        var feedCounters = new FeedCounters();
        var gcLog = new GcLog();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clientCpuBefore = clients.CpuSeconds;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var measureClock = Stopwatch.StartNew();
        await PaceAsync(TimeSpan.FromSeconds(options.Seconds));
        var produceSeconds = measureClock.Elapsed.TotalSeconds;

        // Wait for the deliveries of the last acknowledged statements (at most 10 s) before the watchers hang up.
        var measuredBatches = sent - warmupBatches;
        var expected = (long)measuredBatches * batch * watchers;
        drain.Restart();
        while (clients.Received < warmupEvents + expected && drain.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        var elapsed = measureClock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / elapsed;
        var clientCpu = (clients.CpuSeconds - clientCpuBefore) / elapsed;
        var collections
            = $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}";
        var pauses = (GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        feedCounters.Dispose();
        gcLog.Stop();
        gcLog.Dispose();
        var receipts = await clients.StopAsync();

        var latencies = Latencies(receipts, acks, warmupBatches * batch, Math.Min(capacity, sent * batch));
        return new Run(
            elapsed,
            measuredBatches * batch / produceSeconds,
            ackLatencies.Order().ToList(),
            latencies,
            expected,
            cpu,
            clientCpu,
            collections,
            pauses,
            feedCounters,
            gcLog,
            allocated);
    }

    /// <summary>Sorted delivery latencies (ms) of the measured, acknowledged statements: a receipt before its ack counts 0.</summary>
    private static List<double> Latencies(long[][] receipts, long[] acks, int from, int to)
    {
        var latencies = new List<double>();
        foreach (var watcher in receipts)
        {
            for (var number = from; number < to; number++)
            {
                if (watcher[number] != 0 && acks[number] != 0)
                {
                    latencies.Add(
                        watcher[number] <= acks[number] ? 0 : Stopwatch.GetElapsedTime(acks[number], watcher[number]).TotalMilliseconds);
                }
            }
        }

        latencies.Sort();
        return latencies;
    }
}
