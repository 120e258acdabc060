using ClaimTracker.V1;
using Grpc.Core;

namespace ClaimTracker.Cli.Commands;

/// <summary>Registers many reports through RegisterReports, a batch of at most <see cref="MaxReports"/> reports and
/// <see cref="MaxBytes"/> at a time (within the server's default limits), and yields each report's outcome in order.</summary>
internal static class ReportBatches
{
    public const int MaxReports = 100;
    public const int MaxBytes = 8 * 1024 * 1024;

    public static async IAsyncEnumerable<ReportRegistration> RegisterAsync(
        V1.ClaimTracker.ClaimTrackerClient client,
        IReadOnlyList<RegisterReportRequest> requests,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        var offset = 0;
        foreach (var batch in Split(requests))
        {
            var response = await client.RegisterReportsAsync(batch, cancellationToken: cancellation);
            foreach (var registration in response.Registrations)
            {
                registration.Index += offset;
                yield return registration;
            }

            offset += batch.Reports.Count;
        }
    }

    /// <summary>The failure to exit with when some reports failed: the first one's code, and how many failed.</summary>
    public static RpcException Failed(IReadOnlyList<ReportRegistration> failures, int total) => new(new Status(
        (StatusCode)failures[0].Error.Code,
        $"{failures.Count} of {total} reports were not registered (the first: {failures[0].ReportId}); the others were"));

    private static IEnumerable<RegisterReportsRequest> Split(IReadOnlyList<RegisterReportRequest> requests)
    {
        var batch = new RegisterReportsRequest();
        var bytes = 0;
        foreach (var request in requests)
        {
            var size = request.CalculateSize();
            if (batch.Reports.Count > 0 && (batch.Reports.Count == MaxReports || bytes + size > MaxBytes))
            {
                yield return batch;
                batch = new RegisterReportsRequest();
                bytes = 0;
            }

            batch.Reports.Add(request);
            bytes += size;
        }

        if (batch.Reports.Count > 0)
        {
            yield return batch;
        }
    }
}
