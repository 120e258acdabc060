namespace ClaimTracker.Storage;

/// <summary>Reports as their grain keeps them: one serialized state per report id, overwritten as registration proceeds.</summary>
public interface IReportStore
{
    /// <summary>The report's stored state, or null if it was never written.</summary>
    Task<byte[]?> ReadReportAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes (or replaces) the report's state; durable when the task completes. With <paramref name="row"/>, the
    /// report also enters the report list (once: a later row for the same report is ignored).
    /// </summary>
    Task WriteReportAsync(string reportId, byte[] payload, ReportRow? row = null);
}
