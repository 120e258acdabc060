using ClaimTracker.Analysis;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.ReadSide;

/// <summary>The read side over the grains (single items) and the stores' projections (lists).</summary>
public sealed class ClaimReadSide(IGrainFactory grains, IProjectionQueries projections, PayloadSerializer serializer) : IClaimReadSide
{
    public Task<ClaimDetails?> GetClaimAsync(string claimId, int statementPageSize, string statementPageToken) =>
        grains.GetGrain<IClaimGrain>(claimId).GetDetails(statementPageSize, statementPageToken);

    public Task<ActorSnapshot?> GetActorAsync(string actorId) => grains.GetGrain<IActorGrain>(actorId).Get();

    public Task<ReportRecord?> GetReportAsync(string reportId) => grains.GetGrain<IReportGrain>(reportId).Get();

    public async Task<ReadPage<ClaimSummary>> ListClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default)
    {
        var page = await projections.QueryClaimsAsync(query, cancellationToken);
        return new ReadPage<ClaimSummary>(page.Items.Select(serializer.Deserialize<ClaimSummary>).ToList(), page.NextBefore);
    }

    public async Task<ReadPage<ActorSnapshot>> ListActorsAsync(ActorQuery query, CancellationToken cancellationToken = default)
    {
        var page = await projections.QueryActorsAsync(query, cancellationToken);
        return new ReadPage<ActorSnapshot>(page.Items.Select(serializer.Deserialize<ActorSnapshot>).ToList(), page.NextBefore);
    }

    public Task<IReadOnlyDictionary<CorroborationStatus, long>> CountClaimsByStatusAsync(CancellationToken cancellationToken = default) =>
        projections.CountClaimsByStatusAsync(cancellationToken);
}
