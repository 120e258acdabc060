using System.Diagnostics.Metrics;

namespace ClaimTracker.Grains.Feed;

/// <summary>The feed's counters: watches cut loose, and where catching-up watches read their entries.</summary>
internal static class FeedMetrics
{
    private static readonly Meter Meter = new(ClaimFeed.MeterName);
    private static readonly Counter<long> Overflows = Meter.CreateCounter<long>(
        "claimtracker.watch.overflows",
        "{watch}",
        "Watches cut loose from the live feed because their buffer was full (they catch up and go on)");
    private static readonly Counter<long> CaughtUp = Meter.CreateCounter<long>(
        "claimtracker.watch.catchup.entries", "{entry}", "Feed entries read by catching-up watches, by source (memory or store)");
    private static readonly KeyValuePair<string, object?> FromMemory = new("source", "memory");
    private static readonly KeyValuePair<string, object?> FromStore = new("source", "store");

    public static void Overflowed() => Overflows.Add(1);

    public static void CaughtUpFromMemory(int entries) => CaughtUp.Add(entries, FromMemory);

    public static void CaughtUpFromStore(int entries) => CaughtUp.Add(entries, FromStore);
}
