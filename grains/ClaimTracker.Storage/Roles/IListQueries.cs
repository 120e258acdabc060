namespace ClaimTracker.Storage;

/// <summary>
/// Lists beyond claims and actors: statements and reports, each a keyset-paged read of an
/// index, newest first. Claims gain their filters, orders and count through <see cref="ClaimQuery"/>.
/// </summary>
public interface IListQueries
{
    Task<StoredPage> QueryStatementsAsync(StatementQuery query, CancellationToken cancellationToken = default);

    Task<StoredPage> QueryReportsAsync(ReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many claims <paramref name="query"/> selects, counted up to <paramref name="cap"/>; above it, an
    /// estimate (the claim count when nothing filters, else the cap) flagged as not exact.
    /// </summary>
    Task<CountEstimate> EstimateClaimsAsync(ClaimQuery query, int cap, CancellationToken cancellationToken = default);
}

/// <summary>The orders a claim list can take; <see cref="Arrival"/> is the projection's insertion order.</summary>
public enum ClaimSort
{
    Arrival = 0,
    /// <summary>First reported, newest first.</summary>
    Newest = 1,
    /// <summary>Last updated, most recent first.</summary>
    RecentlyUpdated = 2,
    MostStatements = 3,
    /// <summary>Best full-text rank first (needs words to match).</summary>
    Relevance = 4,
}

/// <summary>A half-open time range [From, To); either end may be open.</summary>
public sealed record TimeRange(DateTimeOffset? From, DateTimeOffset? To)
{
    public bool IsOpen => From is null && To is null;
}

/// <summary>Where a keyset page ends: the sort key of its last row (an integer key, or a rank) and the row's seq.</summary>
public sealed record ListPosition(long Key, double Rank, long Seq);

/// <summary>Statements newest first (by arrival); every filter optional.</summary>
public sealed record StatementQuery(int PageSize, long? Before)
{
    public string? ActorId { get; init; }
    public string? OriginActorId { get; init; }
    /// <summary>The carrier outlet's actor id.</summary>
    public string? SourceActorId { get; init; }
    public string? ReportId { get; init; }
    public string? ClaimId { get; init; }
    /// <summary>The stance's numeric value (as <c>ClaimTracker.Analysis.Stance</c>).</summary>
    public int? Stance { get; init; }
    /// <summary>Publication time of the statement's report.</summary>
    public TimeRange Published { get; init; } = new(null, null);
}

/// <summary>Reports newest first (by registration); every filter optional.</summary>
public sealed record ReportQuery(int PageSize, long? Before)
{
    public string? SourceActorId { get; init; }
    public TimeRange Published { get; init; } = new(null, null);
    /// <summary>Words that must all appear in the title or text.</summary>
    public string? Text { get; init; }
}

/// <summary>The list row of a statement, written with its claim's journal entry.</summary>
public sealed record StatementRow(
    string StatementId,
    string ReportId,
    string ActorId,
    string OriginActorId,
    string SourceActorId,
    int Stance,
    DateTimeOffset? PublishedAt,
    byte[] Payload)
{
    /// <summary>Why the statement no longer counts on its claim; null while it counts.</summary>
    public string? WithdrawnNote { get; init; }
}

/// <summary>A statement withdrawn on the claim that writes this: its list row, if still under that claim, shows the note.</summary>
public sealed record StatementWithdrawal(string ReportId, string StatementId, string Note);

/// <summary>The list row of a report: what ListReports filters on.</summary>
public sealed record ReportRow(string SourceActorId, DateTimeOffset? PublishedAt, string Title, string Text);

public sealed record CountEstimate(long Count, bool Exact);
