using System.Diagnostics.Metrics;

namespace ClaimTracker.Server.Telemetry;

/// <summary>What the front door measures; exported at /metrics (Prometheus) and over OTLP.</summary>
public sealed class ClaimTrackerMetrics
{
    public const string MeterName = "ClaimTracker";

    private readonly Counter<long> reports;
    private readonly Counter<long> statements;
    private readonly Counter<long> claimsCreated;
    private readonly Histogram<double> ingestDuration;
    private readonly UpDownCounter<long> openWatches;

    public ClaimTrackerMetrics(IMeterFactory meterFactory, ClaimStatusCounts statusCounts)
    {
        var meter = meterFactory.Create(MeterName);
        reports = meter.CreateCounter<long>(
            "claimtracker.reports.registered",
            "{report}",
            "Reports acknowledged by RegisterReport or in a RegisterReports batch, repeats of a stored report included");
        statements = meter.CreateCounter<long>("claimtracker.statements.registered", "{statement}", "Statements in acknowledged reports");
        claimsCreated = meter.CreateCounter<long>(
            "claimtracker.claims.created",
            "{claim}",
            "Claims founded by a statement that matched no existing claim");
        ingestDuration = meter.CreateHistogram<double>(
            "claimtracker.ingest.duration",
            "s",
            "RegisterReport from request to durable acknowledgment",
            tags: null,
            advice: new InstrumentAdvice<double> {
                HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        openWatches = meter.CreateUpDownCounter<long>("claimtracker.watches.open", "{watch}", "WatchClaims streams open on this server");
        meter.CreateObservableGauge(
            "claimtracker.claims",
            () => statusCounts.Current
                .Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key))),
            "{claim}",
            "Claims by corroboration status (refreshed from the store every few seconds)");
    }

    public void ReportRegistered(int statementCount, int claimsCreatedCount, TimeSpan elapsed)
    {
        reports.Add(1);
        statements.Add(statementCount);
        claimsCreated.Add(claimsCreatedCount);
        ingestDuration.Record(elapsed.TotalSeconds);
    }

    public void WatchOpened() => openWatches.Add(1);

    public void WatchClosed() => openWatches.Add(-1);
}
