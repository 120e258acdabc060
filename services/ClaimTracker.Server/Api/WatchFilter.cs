using ClaimTracker.Grains;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Which claim changes a watcher asked for: empty lists mean "all".</summary>
internal sealed class WatchFilter
{
    private readonly HashSet<string> claimIds;
    private readonly HashSet<string> actorIds;

    private WatchFilter(HashSet<string> claimIds, HashSet<string> actorIds)
    {
        this.claimIds = claimIds;
        this.actorIds = actorIds;
    }

    public static WatchFilter From(V1.WatchClaimsRequest request)
    {
        if (request.ClaimIds.Count + request.ActorIds.Count > 10_000)
        {
            throw RequestValidator.Invalid("claim_ids and actor_ids together may name at most 10,000 ids");
        }

        return new WatchFilter(new HashSet<string>(request.ClaimIds, StringComparer.Ordinal), new HashSet<string>(request.ActorIds, StringComparer.Ordinal));
    }

    public bool Matches(ClaimChange change) =>
        (claimIds.Count == 0 || claimIds.Contains(change.Claim.ClaimId))
        && (actorIds.Count == 0 || change.Claim.ActorIds.Any(actorIds.Contains));
}
