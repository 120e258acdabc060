using System.Diagnostics;

namespace ClaimTracker.Benchmarks;

/// <summary>CPU time, allocated bytes and collections of this process over a measured window: figures that stay comparable when other work shares the machine.</summary>
internal sealed class ProcessCost
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long allocated = GC.GetTotalAllocatedBytes(precise: false);
    private readonly int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan jitTime = System.Runtime.JitInfo.GetCompilationTime();
    private readonly long jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();

    private ProcessCost()
    {
    }

    public static ProcessCost Start() => new();

    public Spent Stop() => new(
        clock.Elapsed.TotalSeconds,
        (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
        GC.GetTotalAllocatedBytes(precise: false) - allocated,
        $"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}",
        (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds,
        System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods);

    /// <param name="JitSeconds">Time spent compiling (tiering up), which a longer run would not pay again.</param>
    public sealed record Spent(double Seconds, double CpuSeconds, long AllocatedBytes, string Collections, double JitSeconds, long JitMethods)
    {
        /// <summary>CPU and allocations per unit of work done in the window, the process's CPU use, collections and JIT time.</summary>
        public string PerUnit(long units, string unit) =>
            $"{CpuSeconds / units * 1e6:N0} µs CPU, {AllocatedBytes / (double)units:N0} B allocated; process CPU {CpuSeconds / Seconds:0.00} of {Environment.ProcessorCount} cores, GC gen0/1/2 {Collections}; " +
            $"JIT {JitMethods:N0} methods, {JitSeconds:0.00} s ({JitSeconds / CpuSeconds:P0} of the CPU; {(CpuSeconds - JitSeconds) / units * 1e6:N0} µs per {unit} without it)";
    }
}
