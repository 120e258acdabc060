using System.Diagnostics;
using System.Globalization;

namespace ClaimTracker.Benchmarks;

internal static class Measure
{
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double value) => value.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    public static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static int FreePort() => TestSupport.FreePorts.Next();

    /// <summary>
    /// Unmeasured load: at least <paramref name="minimum"/>, then on until the JIT has settled (fewer than
    /// <paramref name="settledMethodsPerSecond"/> methods compiled per second over 2 s), at most
    /// <paramref name="maximum"/>. On a loaded machine the tiering thread falls behind, and hot code can
    /// still run unoptimized many seconds in. Returns the time spent and the last JIT rate.
    /// </summary>
    public static async Task<(TimeSpan Spent, double MethodsPerSecond)> WarmUpAsync(
        int callers,
        TimeSpan minimum,
        TimeSpan maximum,
        double settledMethodsPerSecond,
        Func<int, long, Task> call)
    {
        // Each round numbers its calls after the previous round's, so that no call repeats an earlier one.
        const long RoundSize = 1_000_000_000;
        var clock = Stopwatch.StartNew();
        await ClosedLoopAsync(callers, minimum, call);
        var step = TimeSpan.FromSeconds(2);
        var round = 0L;
        double rate;
        do
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            var stepClock = Stopwatch.StartNew();
            var offset = ++round * RoundSize;
            await ClosedLoopAsync(callers, step, (caller, n) => call(caller, offset + n));
            rate = (System.Runtime.JitInfo.GetCompiledMethodCount() - before) / stepClock.Elapsed.TotalSeconds;
        }
        while (rate >= settledMethodsPerSecond && clock.Elapsed + step <= maximum);

        return (clock.Elapsed, rate);
    }

    /// <summary>Runs <paramref name="call"/> from <paramref name="callers"/> loops for a fixed time; returns calls/s and sorted latencies
    /// (ms).</summary>
    public static async Task<(double PerSecond, List<double> Latencies)> ClosedLoopAsync(
        int callers,
        TimeSpan duration,
        Func<int, long, Task> call)
    {
        var latencies = new List<double>[callers];
        var stop = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(async caller =>
        {
            var mine = latencies[caller] = [];
            long n = 0;
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await call(caller, n++);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / elapsed, all);
    }
}
