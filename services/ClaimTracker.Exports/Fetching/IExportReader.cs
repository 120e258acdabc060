using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Fetching;

/// <summary>
/// Where an export reads claims, reports and actors from: the gRPC API (<see cref="GrpcExportReader"/>) or, inside the
/// server, its read side. The calls mirror ListClaims, GetClaim, GetReport and GetActor.
/// </summary>
public interface IExportReader
{
    Task<V1.ListClaimsResponse> ListClaimsAsync(V1.ListClaimsRequest request, CancellationToken cancellation);

    /// <summary>The claim with one page of statements; null when it does not exist.</summary>
    Task<V1.Claim?> GetClaimAsync(V1.GetClaimRequest request, CancellationToken cancellation);

    /// <summary>The report (its text may be left out: exports never show it); null when it does not exist.</summary>
    Task<V1.Report?> GetReportAsync(string reportId, CancellationToken cancellation);

    Task<V1.Actor?> GetActorAsync(string actorId, CancellationToken cancellation);
}
