using ClaimTracker.Exports.Fetching;
using ClaimTracker.Grains;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Grains.Reliability;
using ClaimTracker.Server.Api;
using ClaimTracker.Storage;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Exports;

/// <summary>
/// An export's reads inside the server: straight from the read side, mapped as the gRPC API maps them; statements carry
/// the reliability grades of <paramref name="grades"/> when given (exports), none without (TAXII: its objects must not
/// change under a version, and grades move without a claim changing).
/// </summary>
internal sealed class ReadSideExportReader(IClaimReadSide readSide, GradeBoard? grades = null) : IExportReader
{
    private const int MaxListPage = 500;

    public async Task<V1.ListClaimsResponse> ListClaimsAsync(V1.ListClaimsRequest request, CancellationToken cancellation)
    {
        var query = new ClaimQuery(
            request.Status == V1.CorroborationStatus.Unspecified ? null : ProtoMapper.FromProto(request.Status),
            request.ActorId.Length == 0 ? null : request.ActorId,
            request.Query,
            Math.Clamp(request.PageSize, 1, MaxListPage),
            PageTokens.Parse(request.PageToken, "page_token"));
        var page = await readSide.ListClaimsAsync(query, cancellation);
        var response = new V1.ListClaimsResponse { NextPageToken = PageTokens.Format(page.NextBefore) };
        response.Claims.Add(page.Items.Select(ProtoMapper.ToProto));
        return response;
    }

    public async Task<V1.Claim?> GetClaimAsync(V1.GetClaimRequest request, CancellationToken cancellation)
    {
        var details = await readSide.GetClaimAsync(request.ClaimId, request.StatementPageSize, request.StatementPageToken);
        return details is null ? null : ProtoMapper.ToProto(details, grades);
    }

    public async Task<V1.Report?> GetReportAsync(string reportId, CancellationToken cancellation)
    {
        var report = await readSide.GetReportAsync(reportId);
        if (report is null)
        {
            return null;
        }

        var proto = ProtoMapper.ToProto(report);
        proto.Text = string.Empty;
        return proto;
    }

    public async Task<V1.Actor?> GetActorAsync(string actorId, CancellationToken cancellation)
    {
        var actor = await readSide.GetActorAsync(actorId);
        return actor is null ? null : ProtoMapper.ToProto(actor);
    }
}
