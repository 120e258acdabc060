using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ClaimTracker.Benchmarks;

/// <summary>Which methods the JIT compiles during a measured window (runtime MethodLoadVerbose events), by method and tier.</summary>
internal sealed class JitSampler : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodLoadVerboseEventId = 143;
    private readonly ConcurrentDictionary<string, int> compiled = new(StringComparer.Ordinal);
    private volatile bool counting;

    public void Start() => counting = true;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!counting || eventData.EventId != MethodLoadVerboseEventId || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        string Field(string name) => eventData.Payload[eventData.PayloadNames.IndexOf(name)]?.ToString() ?? "?";
        var key = $"{Field("MethodNamespace")}::{Field("MethodName")}";
        compiled.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    public void Print(int top)
    {
        Console.WriteLine(
            $"methods compiled in the measured window: {compiled.Values.Sum():N0} ({compiled.Count:N0} distinct); most often:");
        foreach (var (method, count) in compiled.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"  {count,6:N0}  {(method.Length > 180 ? method[..180] : method)}");
        }
    }
}
