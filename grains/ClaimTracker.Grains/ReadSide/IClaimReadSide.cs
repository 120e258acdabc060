using ClaimTracker.Analysis;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.ReadSide;

/// <summary>
/// What the front door reads: one claim, actor or report (from its grain, which holds the confirmed
/// state) and lists over the projections the journals write. The front door never reads a store.
/// </summary>
public interface IClaimReadSide
{
    /// <summary>The claim with a page of its statements (see <see cref="StatementPageToken"/>), or null if it does not exist.</summary>
    Task<ClaimDetails?> GetClaimAsync(string claimId, int statementPageSize, string statementPageToken);

    Task<ActorSnapshot?> GetActorAsync(string actorId);

    Task<ReportRecord?> GetReportAsync(string reportId);

    /// <summary>Claims newest first, filtered as <paramref name="query"/> says, a keyset page at a time.</summary>
    Task<ReadPage<ClaimSummary>> ListClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default);

    /// <summary>Actors newest first, filtered by name words, a keyset page at a time.</summary>
    Task<ReadPage<ActorSnapshot>> ListActorsAsync(ActorQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many claims have each status (statuses without claims are absent).</summary>
    Task<IReadOnlyDictionary<CorroborationStatus, long>> CountClaimsByStatusAsync(CancellationToken cancellationToken = default);
}

/// <summary>A page of a list, and the list position to continue before (null on the last page).</summary>
public sealed record ReadPage<T>(IReadOnlyList<T> Items, long? NextBefore);
