using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Which types this process allocates most, from the runtime's allocation sampling (one event per
/// ~100 KB allocated, naming the type of the object that crossed the mark): an estimate, by type only.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;
    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(
            eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")],
            System.Globalization.CultureInfo.InvariantCulture);
        bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    public void Print(int top, long units, string unit)
    {
        var total = bytesByType.Values.Sum();
        Console.WriteLine($"sampled allocations: {total / (double)units:N0} B per {unit}; top types:");
        foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"  {bytes / (double)units,8:N0} B  {100.0 * bytes / total,5:0.0} %  {type}");
        }
    }
}
