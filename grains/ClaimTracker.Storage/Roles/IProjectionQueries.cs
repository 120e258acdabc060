using ClaimTracker.Analysis;

namespace ClaimTracker.Storage;

/// <summary>List queries over the projections the journals write (claims and actors, newest first, keyset pages).</summary>
public interface IProjectionQueries
{
    Task<StoredPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default);

    Task<StoredPage> QueryActorsAsync(ActorQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many claims have each status (statuses without claims are absent).</summary>
    Task<IReadOnlyDictionary<CorroborationStatus, long>> CountClaimsByStatusAsync(CancellationToken cancellationToken = default);
}

public sealed record ClaimQuery(CorroborationStatus? Status, string? ActorId, string? Text, int PageSize, long? Before);

public sealed record ActorQuery(string? Text, int PageSize, long? Before);

/// <summary>A page of serialized rows and the position to continue before, if any.</summary>
public sealed record StoredPage(IReadOnlyList<byte[]> Items, long? NextBefore);
