using ClaimTracker.Security;
using ClaimTracker.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Batch registration; see <see cref="ReportBatchRegistrar"/> and docs/ingest.md.</summary>
internal sealed partial class ClaimTrackerService
{
    [Authorize(Scopes.ReportsWrite)]
    public override async Task<V1.RegisterReportsResponse> RegisterReports(V1.RegisterReportsRequest request, ServerCallContext context)
    {
        if (batches.Oversized(request.Reports.Count) is { } refusal)
        {
            throw refusal;
        }

        var entries = request.Reports.Select(report => new BatchEntry(report, null)).ToList();
        var response = new V1.RegisterReportsResponse();
        var registrations = batches.RegisterAsync(entries, request.Ordered, CallerIdentity.Of(context), context.CancellationToken);
        await foreach (var registration in registrations)
        {
            response.Registrations.Add(registration);
        }

        return response;
    }
}
