using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Where this process allocates, by stack. An EventPipe session on the process itself records the runtime's allocation
/// ticks (one per ~100 KB allocated, with the allocating stack) while it runs; each tick is then charged to the first
/// ClaimTracker frame of its stack: the code of ours that asked for the memory, itself or through a library.
/// </summary>
internal sealed class AllocationStacks : IDisposable
{
    private const long GcKeyword = 0x1;
    private readonly EventPipeSession session;
    private readonly string path = Path.Combine(Path.GetTempPath(), $"claimtracker-allocations-{Guid.NewGuid():N}.nettrace");
    private readonly Task copy;

    private AllocationStacks()
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, GcKeyword);
        session = new DiagnosticsClient(Environment.ProcessId).StartEventPipeSession(provider, requestRundown: true);
        copy = Task.Run(async () =>
        {
            await using var file = File.Create(path);
            await session.EventStream.CopyToAsync(file);
        });
    }

    public static AllocationStacks Start() => new();

    /// <summary>Stops recording and prints the <paramref name="top"/> frames that allocated most, per unit of work.</summary>
    public async Task PrintAsync(int top, long units, string unit)
    {
        await session.StopAsync(CancellationToken.None);
        await copy;
        var bytesByFrame = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        long total = 0;
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        try
        {
            using var log = new TraceLog(etlx);
            foreach (var traceEvent in log.Events)
            {
                if (traceEvent is not GCAllocationTickTraceData tick)
                {
                    continue;
                }

                total += tick.AllocationAmount64;
                var frame = OwnFrame(tick.CallStack());
                var types = bytesByFrame.TryGetValue(frame, out var known) ? known : bytesByFrame[frame] = new(StringComparer.Ordinal);
                types[tick.TypeName] = types.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
            }
        }
        finally
        {
            File.Delete(etlx);
        }

        Console.WriteLine($"allocations by stack: {total / (double)units:N0} B per {unit} sampled; first ClaimTracker frame, "
            + "then the type it allocated most there:");
        foreach (var (frame, types) in bytesByFrame.OrderByDescending(p => p.Value.Values.Sum()).Take(top))
        {
            var bytes = types.Values.Sum();
            var (type, typeBytes) = types.MaxBy(p => p.Value);
            var share = 100.0 * typeBytes / bytes;
            Console.WriteLine($"  {bytes / (double)units,8:N0} B  {100.0 * bytes / total,5:0.0} %  {frame}  ({type} {share:0} %)");
        }
    }

    public void Dispose()
    {
        session.Dispose();
        File.Delete(path);
    }

    private static string OwnFrame(TraceCallStack? stack)
    {
        string? first = null;
        for (var frame = stack; frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            first ??= name;
            if (name.StartsWith("ClaimTracker.", StringComparison.Ordinal))
            {
                return Shorten(name);
            }
        }

        return first is null ? "(no stack)" : "(no ClaimTracker frame) " + Shorten(first);
    }

    // Method names come with their full parameter lists: the name and its declaring type say enough.
    private static string Shorten(string name)
    {
        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        return parameters > 0 ? name[..parameters] : name;
    }
}
