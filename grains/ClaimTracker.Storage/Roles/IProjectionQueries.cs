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

public sealed record ClaimQuery(CorroborationStatus? Status, string? ActorId, string? Text, int PageSize, long? Before)
{
    /// <summary>The order; <see cref="ClaimSort.Arrival"/> pages with <see cref="Before"/>, every other with <see cref="After"/>.</summary>
    public ClaimSort Sort { get; init; }

    /// <summary>Where the previous page of a sorted list ended.</summary>
    public ListPosition? After { get; init; }

    public TimeRange FirstReported { get; init; } = new(null, null);

    public TimeRange Updated { get; init; } = new(null, null);

    /// <summary>Credibility grade at most this (1 = confirmed … 6 = cannot be judged): at least this credible.</summary>
    public int? MaxCredibility { get; init; }

    /// <summary>At least this many independent origins (supporting or contradicting).</summary>
    public int? MinOrigins { get; init; }
}

public sealed record ActorQuery(string? Text, int PageSize, long? Before);

/// <summary>A page of serialized rows and the position to continue before, if any.</summary>
public sealed record StoredPage(IReadOnlyList<byte[]> Items, long? NextBefore)
{
    /// <summary>For statement lists: each item's withdrawal note, null where the statement counts.</summary>
    public IReadOnlyList<string?> Notes { get; init; } = [];

    /// <summary>For sorted claim lists: where the next page starts after (null on the last page).</summary>
    public ListPosition? Next { get; init; }
}
