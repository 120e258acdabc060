using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Fetching;

/// <summary>An export's reads over the gRPC API. A claim named by id that does not exist is an error (NOT_FOUND).</summary>
public sealed class GrpcExportReader(V1.ClaimTracker.ClaimTrackerClient client) : IExportReader
{
    public async Task<V1.ListClaimsResponse> ListClaimsAsync(V1.ListClaimsRequest request, CancellationToken cancellation) =>
        await client.ListClaimsAsync(request, cancellationToken: cancellation);

    public async Task<V1.Claim?> GetClaimAsync(V1.GetClaimRequest request, CancellationToken cancellation) =>
        await client.GetClaimAsync(request, cancellationToken: cancellation);

    public async Task<V1.Report?> GetReportAsync(string reportId, CancellationToken cancellation)
    {
        try
        {
            var report = await client.GetReportAsync(new V1.GetReportRequest { ReportId = reportId }, cancellationToken: cancellation);
            // Exports never show the article text; do not hold on to up to a megabyte per report.
            report.Text = string.Empty;
            return report;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<V1.Actor?> GetActorAsync(string actorId, CancellationToken cancellation)
    {
        try
        {
            return await client.GetActorAsync(new V1.GetActorRequest { ActorId = actorId }, cancellationToken: cancellation);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
