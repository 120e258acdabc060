using System.Diagnostics;
using System.Diagnostics.Metrics;
using ClaimTracker.Storage;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Counts the store's group commits, the writes they carried and the time their batches held the writers while it is
/// alive (the server runs in this process).
/// </summary>
internal sealed class CommitCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long commits;
    private readonly long started = Stopwatch.GetTimestamp();
    private long writes;
    private long batchMicroseconds;

    public CommitCounter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(
            (_, seconds, _, _) => Interlocked.Add(ref batchMicroseconds, (long)(seconds * 1_000_000)));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "claimtracker.storage.commits")
            {
                Interlocked.Add(ref commits, value);
            }
            else
            {
                Interlocked.Add(ref writes, value);
            }
        });
        listener.Start();
    }

    /// <summary>Group commits since the counter started.</summary>
    public long Commits => Interlocked.Read(ref commits);

    public string Summary(long statements) =>
        $"group commit: {Interlocked.Read(ref commits):N0} commits carrying {Interlocked.Read(ref writes):N0} writes " +
            $"({Interlocked.Read(ref writes) / Math.Max(1.0, Interlocked.Read(ref commits)):0.0} per commit, " +
                $"{Interlocked.Read(ref writes) / Math.Max(1.0, statements):0.00} per statement); batches held the writers " +
                    $"{Interlocked.Read(ref batchMicroseconds) / 1e6 / Stopwatch.GetElapsedTime(started).TotalSeconds:P0} of the time";

    public void Dispose() => listener.Dispose();
}
