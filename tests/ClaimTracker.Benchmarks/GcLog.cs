using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Every garbage collection of this process while listening, from the runtime's own events: its
/// generation and kind, its stop-the-world pause (suspension begin to restart end) and the part of it
/// spent suspending threads, the bytes it promoted, and the bytes it marked through each kind of root.
/// Pauses depend on the machine's load (a descheduled GC thread stretches them); promoted and marked
/// bytes do not, so they say what the heap makes the collector do.
/// </summary>
internal sealed class GcLog : EventListener
{
    private const int GcStart = 1;
    private const int GcEnd = 2;
    private const int RestartEnd = 3;
    private const int HeapStats = 4;
    private const int SuspendEnd = 8;
    private const int SuspendBegin = 9;
    private const int MarkWithType = 202;

    // GCMarkWithType's root kinds, by their number in the runtime's event manifest.
    private static readonly string[] RootKinds
        = ["stack", "finalizer", "handles", "older", "sizedref", "overflow", "dependent", "newfinalizer", "steal", "bgcroots"];

    private readonly Lock gate = new();
    private readonly List<Collection> collections = [];
    private DateTime suspended;
    private bool suspendedForGc;
    private double suspendMs;
    private Collection? background;
    private Collection? current;
    private Collection? lastEnded;
    private bool listening;

    public GcLog()
    {
        lock (gate)
        {
            listening = true;
        }
    }

    public IReadOnlyList<Collection> Collections
    {
        get
        {
            lock (gate)
            {
                return [.. collections];
            }
        }
    }

    public double LongestPauseMs => Collections.Select(c => c.PauseMs).DefaultIfEmpty().Max();

    public int PausesOver(double ms) => Collections.Count(c => c.PauseMs > ms);

    /// <summary>Stops recording (the listener keeps its runtime session until disposed).</summary>
    public void Stop()
    {
        lock (gate)
        {
            listening = false;
        }
    }

    /// <summary>One line per generation and kind: count, pauses, suspension, promoted bytes, marked bytes by root.</summary>
    public string Summary(long events)
    {
        var text = new StringBuilder();
        var promoted = Collections.Where(c => !c.IsBackground).Sum(c => c.PromotedBytes);
        text.Append(
            CultureInfo.InvariantCulture,
            $"  promoted by blocking GCs: {promoted / 1e6:0.0} MB, {(double)promoted / Math.Max(1, events):N0} B per statement\n");
        foreach (var group in Collections.Where(c => c.PauseMs > 0).GroupBy(c => c.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var pauses = group.Select(c => c.PauseMs).Order().ToList();
            text.Append(CultureInfo.InvariantCulture, $"  {group.Key}: {pauses.Count} GCs, pause max {pauses[^1]:0.0} ms, median " +
                $"{pauses[pauses.Count / 2]:0.0} ms, total {pauses.Sum():0} ms");
            text.Append(CultureInfo.InvariantCulture, $"; suspension max {group.Max(c => c.SuspendMs):0.0} ms; promoted mean " +
                $"{group.Average(c => c.PromotedBytes) / 1e6:0.00} MB, max {group.Max(c => c.PromotedBytes) / 1e6:0.00} MB");
            text.Append(CultureInfo.InvariantCulture, $"; marked mean {MarkedText(group)}\n");
        }

        return text.ToString();
    }

    /// <summary>One line per collection.</summary>
    public string Details()
    {
        var text = new StringBuilder();
        foreach (var c in Collections)
        {
            text.Append(CultureInfo.InvariantCulture, $"  #{c.Number} {c.Label} reason {c.Reason}: pause {c.PauseMs:0.0} ms (suspend " +
                $"{c.SuspendMs:0.0}), promoted {c.PromotedBytes / 1e6:0.00} MB, gen1 {c.Gen1Bytes / 1e6:0.0} MB, gen2 " +
                    $"{c.Gen2Bytes / 1e6:0.0} MB, LOH {c.LohBytes / 1e6:0.0} MB, pinned {c.PinnedObjects}, handles {c.Handles}; marked " +
                        $"{MarkedText([c])}\n");
        }

        return text.ToString();
    }

    private static string MarkedText(IEnumerable<Collection> group)
    {
        var list = group.ToList();
        return string.Join(", ", Enumerable.Range(0, RootKinds.Length)
            .Select(kind => (kind, bytes: list.Average(c => c.Marked[kind])))
            .Where(m => m.bytes >= 1e4)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{RootKinds[m.kind]} {m.bytes / 1e6:0.00} MB")));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (gate)
        {
            if (!listening)
            {
                return;
            }

            switch (e.EventId)
            {
                case SuspendBegin:
                    suspended = e.TimeStamp;

                    // Reasons 1 and 6 are a GC and its preparation; others (the JIT, a debugger) stop the world too.
                    var reason = Convert.ToInt32(Payload(e, "Reason"), CultureInfo.InvariantCulture);
                    suspendedForGc = reason is 1 or 6;
                    break;
                case SuspendEnd when suspended != default:
                    suspendMs = (e.TimeStamp - suspended).TotalMilliseconds;
                    break;
                case GcStart:
                    current = new Collection(
                        Convert.ToInt32(Payload(e, "Count"), CultureInfo.InvariantCulture),
                        Convert.ToInt32(Payload(e, "Depth"), CultureInfo.InvariantCulture),
                        Convert.ToInt32(Payload(e, "Type"), CultureInfo.InvariantCulture),
                        Convert.ToInt32(Payload(e, "Reason"), CultureInfo.InvariantCulture));
                    collections.Add(current);
                    if (current.IsBackground)
                    {
                        background = current;
                    }

                    break;
                case MarkWithType when current is not null:
                    var kind = Convert.ToInt32(Payload(e, "Type"), CultureInfo.InvariantCulture);
                    if (kind >= 0 && kind < RootKinds.Length)
                    {
                        current.Marked[kind] += Convert.ToInt64(Payload(e, "Bytes"), CultureInfo.InvariantCulture);
                    }

                    break;
                case GcEnd:
                    var number = Convert.ToInt32(Payload(e, "Count"), CultureInfo.InvariantCulture);
                    lastEnded = collections.LastOrDefault(c => c.Number == number);
                    break;
                case HeapStats when lastEnded is not null:
                    lastEnded.PromotedBytes = Long(e, "TotalPromotedSize0") + Long(e, "TotalPromotedSize1") + (lastEnded.Generation == 2
                        ? Long(e, "TotalPromotedSize2") + Long(e, "TotalPromotedSize3")
                        : 0);
                    lastEnded.Gen1Bytes = Long(e, "GenerationSize1");
                    lastEnded.Gen2Bytes = Long(e, "GenerationSize2");
                    lastEnded.LohBytes = Long(e, "GenerationSize3");
                    lastEnded.PinnedObjects = Long(e, "PinnedObjectCount");
                    lastEnded.Handles = Long(e, "GCHandleCount");
                    break;
                case RestartEnd when suspended != default:
                    // A background GC's own short pauses (its start and end) land on it; an ephemeral GC
                    // started during it has its own record.
                    var pause = (e.TimeStamp - suspended).TotalMilliseconds;
                    var owner = current ?? (suspendedForGc ? background : null);
                    if (owner is null)
                    {
                        owner = new Collection(-1, -1, -1, -1);
                        collections.Add(owner);
                    }

                    owner.PauseMs += pause;
                    owner.SuspendMs = Math.Max(owner.SuspendMs, suspendMs);

                    suspended = default;
                    current = null;
                    break;
            }
        }
    }

    private static object? Payload(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? e.Payload![index] : 0;
    }

    private static long Long(EventWrittenEventArgs e, string name) => Convert.ToInt64(Payload(e, name), CultureInfo.InvariantCulture);

    internal sealed class Collection(int number, int generation, int type, int reason)
    {
        public int Number { get; } = number;

        public int Generation { get; } = generation;

        public bool IsBackground => type == 1;

        /// <summary>gen0, gen1, gen2 (blocking), gen2 background, or a suspension for something else than a GC.</summary>
        public string Label => Number < 0 ? "not a GC" : IsBackground ? $"gen{Generation} background" : $"gen{Generation}";

        public int Reason { get; } = reason;

        public double PauseMs { get; set; }

        public double SuspendMs { get; set; }

        public long PromotedBytes { get; set; }

        public long Gen1Bytes { get; set; }

        public long Gen2Bytes { get; set; }

        public long LohBytes { get; set; }

        public long PinnedObjects { get; set; }

        public long Handles { get; set; }

        public long[] Marked { get; } = new long[RootKinds.Length];
    }
}
