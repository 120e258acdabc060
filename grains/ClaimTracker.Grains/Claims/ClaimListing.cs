using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Claims;

/// <summary>What a claim write puts in the list tables: the claim's sort and filter keys, and a row per statement.</summary>
internal static class ClaimListing
{
    public static ClaimListKeys Keys(ClaimSummary summary) => new(
        summary.FirstReportedAt,
        summary.Credibility,
        OriginCount(summary),
        summary.StatementCount);

    // Most claims have origins on one side only: counted without building a set of every origin at every append.
    private static int OriginCount(ClaimSummary summary) =>
        summary.ContradictingOrigins.Length == 0 ? summary.SupportingOrigins.Length
        : summary.SupportingOrigins.Length == 0 ? summary.ContradictingOrigins.Length
        : summary.SupportingOrigins.Union(summary.ContradictingOrigins, StringComparer.Ordinal).Count();

    /// <summary>
    /// The statements whose list rows a correction puts under its claim: relinked here, absorbed by a merge (the merged
    /// claim's own and those that reach it while merged), given back by an unmerge, or moved to another actor (the row
    /// takes the new speaker). A claim merged away lists nothing: its statements are listed under the claim that absorbed them.
    /// </summary>
    public static IEnumerable<StatementRecord> MovedRows(
        IEnumerable<ClaimJournalEvent> events, IEnumerable<StatementRecord> returning, bool mergedAway) =>
        mergedAway
            ? []
            : events.Select(e => e switch
                {
                    StatementRelinked relinked => relinked.Statement,
                    StatementAbsorbed absorbed => absorbed.Statement,
                    StatementReattributed reattributed => reattributed.Statement,
                    _ => null,
                })
                .OfType<StatementRecord>()
                .Concat(returning);

    /// <summary>The withdrawal of <paramref name="statement"/> among <paramref name="events"/>, with its note, for its list row.</summary>
    public static IReadOnlyList<StatementWithdrawal> Withdrawals(
        IEnumerable<ClaimJournalEvent> events, StatementRecord? statement, ClaimCorrections? corrections) =>
        statement is null || corrections is null
            ? []
            : events.OfType<StatementWithdrawn>()
                .Where(w => w.StatementId == statement.StatementId)
                .Select(w => new StatementWithdrawal(statement.ReportId, w.StatementId, corrections.NoteOf(w.StatementId)))
                .ToList();

    /// <param name="corrections">The claim's corrections after the write: a statement they withdrew is listed with their note.</param>
    public static StatementRow Row(StatementRecord statement, PayloadSerializer serializer, ClaimCorrections? corrections = null) => new(
        statement.StatementId,
        statement.ReportId,
        statement.ActorId,
        statement.OriginActorId,
        statement.SourceActorId,
        (int)statement.Stance,
        statement.PublishedAt,
        serializer.Serialize(statement))
    {
        WithdrawnNote = corrections?.IsInactive(statement.StatementId) == true ? corrections.NoteOf(statement.StatementId) : null,
    };
}
