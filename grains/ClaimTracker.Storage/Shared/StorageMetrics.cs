using System.Diagnostics.Metrics;

namespace ClaimTracker.Storage;

/// <summary>
/// How well group commit batches: commits and the writes they carried (their ratio is the batch size an
/// operator tunes against; one write per commit means every write pays its own flush), and how long each batch held
/// its writer: summed over a second, a value near the number of writers means the store's writers are the ceiling. And the
/// claim feed entries a retention pruned.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "ClaimTracker.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Commits = Meter.CreateCounter<long>(
        "claimtracker.storage.commits", "{commit}", "Transactions committed by group commit");
    private static readonly Counter<long> Writes = Meter.CreateCounter<long>(
        "claimtracker.storage.writes", "{write}", "Writes (journal appends, report and index writes) carried by those commits");
    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(
        "claimtracker.storage.batch.duration", "s", "Time a group-commit batch held its writer, from its first write to its commit");
    private static readonly Counter<long> FeedEntriesPruned = Meter.CreateCounter<long>(
        "claimtracker.storage.feed.pruned", "{entry}", "Claim feed entries deleted as older than Storage:FeedRetention");

    internal static void Committed(int writes)
    {
        Commits.Add(1);
        Writes.Add(writes);
    }

    internal static void BatchRan(TimeSpan elapsed) => BatchDuration.Record(elapsed.TotalSeconds);

    internal static void FeedPruned(int entries)
    {
        if (entries > 0)
        {
            FeedEntriesPruned.Add(entries);
        }
    }
}
