using ClaimTracker.Grains;
using ClaimTracker.Grains.Feed;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Which claim changes a watcher asked for: empty lists mean "all".</summary>
internal sealed class WatchFilter
{
    private readonly HashSet<string> claimIds;
    private readonly HashSet<string> actorIds;
    private readonly HashSet<Analysis.CorroborationStatus> statuses;

    private WatchFilter(HashSet<string> claimIds, HashSet<string> actorIds, HashSet<Analysis.CorroborationStatus> statuses)
    {
        this.claimIds = claimIds;
        this.actorIds = actorIds;
        this.statuses = statuses;
    }

    public static WatchFilter From(V1.WatchClaimsRequest request)
    {
        if (request.ClaimIds.Count + request.ActorIds.Count > 10_000)
        {
            throw RequestValidator.Invalid("claim_ids and actor_ids together may name at most 10,000 ids");
        }

        foreach (var status in request.Statuses)
        {
            if (status == V1.CorroborationStatus.Unspecified || !Enum.IsDefined(status))
            {
                throw RequestValidator.Invalid(
                    $"statuses has an unusable value {(int)status}; use UNCORROBORATED, CORROBORATED, CONTESTED or CONTRADICTED");
            }
        }

        return new WatchFilter(
            new HashSet<string>(request.ClaimIds, StringComparer.Ordinal),
            new HashSet<string>(request.ActorIds, StringComparer.Ordinal),
            request.Statuses.Select(ProtoMapper.FromProto).ToHashSet());
    }

    public bool Matches(ClaimSummary claim) => Matches(FeedEventKey.Of(claim));

    public bool Matches(FeedEventKey claim) =>
        (claimIds.Count == 0 || claimIds.Contains(claim.ClaimId))
        && (actorIds.Count == 0 || claim.ActorIds.Any(actorIds.Contains))
        && (statuses.Count == 0 || statuses.Contains(claim.Status));
}
