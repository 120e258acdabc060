using System.Diagnostics;
using System.Globalization;

namespace ClaimTracker.Benchmarks;

/// <summary>CPU time, allocated bytes, collections and disk I/O of this process over a measured window: figures that stay comparable when
/// other work shares the machine.</summary>
internal sealed class ProcessCost
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long allocated = GC.GetTotalAllocatedBytes(precise: false);
    private readonly int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan jitTime = System.Runtime.JitInfo.GetCompilationTime();
    private readonly long jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly DiskIo io = DiskIo.Read();

    private ProcessCost()
    {
    }

    public static ProcessCost Start() => new();

    public Spent Stop() => new(
        clock.Elapsed.TotalSeconds,
        (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
        GC.GetTotalAllocatedBytes(precise: false) - allocated,
        new GcCounts(
            GC.CollectionCount(0) - collections[0], GC.CollectionCount(1) - collections[1], GC.CollectionCount(2) - collections[2]),
        (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds,
        System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods,
        DiskIo.Read() - io);

    /// <param name="JitSeconds">Time spent compiling (tiering up), which a longer run would not pay again.</param>
    /// <param name="Io">What the process asked the kernel to write and read, and sent to the disk (Linux's /proc/self/io; zeros
    /// elsewhere).</param>
    public sealed record Spent(
        double Seconds,
        double CpuSeconds,
        long AllocatedBytes,
        GcCounts Collections,
        double JitSeconds,
        long JitMethods,
        DiskIo Io)
    {
        /// <summary>CPU and allocations per unit of work done in the window, the process's CPU use, collections and JIT time.</summary>
        public string PerUnit(long units, string unit) =>
            $"{CpuSeconds / units * 1e6:N0} µs CPU, {AllocatedBytes / (double)units:N0} B allocated; process CPU " +
                $"{CpuSeconds / Seconds:0.00} of {Environment.ProcessorCount} cores, GC gen0/1/2 {Collections}; " +
            $"JIT {JitMethods:N0} methods, {JitSeconds:0.00} s ({JitSeconds / CpuSeconds:P0} of the CPU; " +
                $"{(CpuSeconds - JitSeconds) / units * 1e6:N0} µs per {unit} without it)";

        /// <summary>Two windows as one: times, bytes, collections and compilations added.</summary>
        public static Spent operator +(Spent a, Spent b) => new(
            a.Seconds + b.Seconds,
            a.CpuSeconds + b.CpuSeconds,
            a.AllocatedBytes + b.AllocatedBytes,
            a.Collections + b.Collections,
            a.JitSeconds + b.JitSeconds,
            a.JitMethods + b.JitMethods,
            a.Io + b.Io);
    }

    /// <summary>Garbage collections of each generation in a window.</summary>
    public readonly record struct GcCounts(int Gen0, int Gen1, int Gen2)
    {
        public static GcCounts operator +(GcCounts a, GcCounts b) => new(a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Gen0}/{Gen1}/{Gen2}");
    }
}

/// <summary>
/// /proc/self/io: <c>wchar</c>/<c>rchar</c> count every write/read system call (files and sockets),
/// <c>write_bytes</c> what reached the block layer (WAL appends, checkpoints), <c>syscw</c>/<c>syscr</c> the calls.
/// </summary>
internal readonly record struct DiskIo(long WriteCalls, long BytesWritten, long ReadCalls, long BytesRead, long DiskBytesWritten)
{
    public static DiskIo Read()
    {
        try
        {
            var fields = File.ReadAllLines("/proc/self/io")
                .Select(line => line.Split(':', 2))
                .ToDictionary(
                    parts => parts[0],
                    parts => long.Parse(parts[1].Trim(), CultureInfo.InvariantCulture),
                    StringComparer.Ordinal);
            return new DiskIo(fields["syscw"], fields["wchar"], fields["syscr"], fields["rchar"], fields["write_bytes"]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KeyNotFoundException or FormatException)
        {
            return default;
        }
    }

    public static DiskIo operator +(DiskIo a, DiskIo b) => new(
        a.WriteCalls + b.WriteCalls,
        a.BytesWritten + b.BytesWritten,
        a.ReadCalls + b.ReadCalls,
        a.BytesRead + b.BytesRead,
        a.DiskBytesWritten + b.DiskBytesWritten);

    public static DiskIo operator -(DiskIo after, DiskIo before) => new(
        after.WriteCalls - before.WriteCalls,
        after.BytesWritten - before.BytesWritten,
        after.ReadCalls - before.ReadCalls,
        after.BytesRead - before.BytesRead,
        after.DiskBytesWritten - before.DiskBytesWritten);

    public string PerUnit(long units, string unit) =>
        $"per {unit}: {WriteCalls / (double)units:0.0} write calls ({BytesWritten / (double)units:N0} B, sockets included), " +
            $"{ReadCalls / (double)units:0.0} read calls ({BytesRead / (double)units:N0} B), {DiskBytesWritten / (double)units:N0} B to " +
                $"disk";
}
