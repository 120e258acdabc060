using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Feed;

/// <summary>The claim an entry is about, as watch filters see it.</summary>
public readonly record struct FeedEventKey(string ClaimId, CorroborationStatus Status, string[] ActorIds)
{
    public static FeedEventKey Of(ClaimSummary claim) => new(claim.ClaimId, claim.Status, claim.ActorIds);
}
