using ClaimTracker.Grains.Linking;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.ReadSide;

/// <summary>
/// The read side of analysts' questions: claim lists in any order with a count, statement and report lists, and
/// claims found by meaning. Every list is a keyset page over a store index.
/// </summary>
public interface IListReadSide
{
    Task<ClaimListPage> ListClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default);

    Task<CountEstimate> EstimateClaimsAsync(ClaimQuery query, int cap, CancellationToken cancellationToken = default);

    Task<ReadPage<ListedStatement>> ListStatementsAsync(StatementQuery query, CancellationToken cancellationToken = default);

    Task<ReadPage<ReportRecord>> ListReportsAsync(ReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>False when the server matches claims by exact text only, and so keeps no index of meaning.</summary>
    bool CanSearchByMeaning { get; }

    /// <summary>The claims nearest <paramref name="text"/> in meaning with their current state, and what linking it would do.</summary>
    Task<ClaimSearchAnswer> SearchClaimsAsync(string text, int limit, CancellationToken cancellationToken = default);
}

/// <summary>A page of claims and where the next starts: after <see cref="Next"/> (sorted lists) or before <see cref="NextBefore"/>.</summary>
public sealed record ClaimListPage(IReadOnlyList<ClaimSummary> Items, long? NextBefore, ListPosition? Next);

/// <summary>A statement as statement lists show it, with why it no longer counts on its claim (null while it counts).</summary>
public sealed record ListedStatement(StatementRecord Statement, string? WithdrawnNote);

/// <summary>A found claim: its state and how close it is.</summary>
public sealed record FoundClaim(ClaimSummary Claim, ClaimHit Hit);

public sealed record ClaimSearchAnswer(IReadOnlyList<FoundClaim> Claims, LinkPreview Preview);
