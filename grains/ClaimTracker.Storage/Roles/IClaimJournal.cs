using ClaimTracker.Analysis;

namespace ClaimTracker.Storage;

/// <summary>
/// The claims' append-only journal, one stream per claim keyed by (stream, version). An append writes
/// its journal entries, its feed entries and the claim's projection in one transaction, so they never
/// disagree; its cost does not depend on how long the stream already is.
/// </summary>
public interface IClaimJournal
{
    /// <summary>Every entry of the claim's stream, oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadClaimAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entries at versions <paramref name="firstVersion"/>…<paramref name="lastVersion"/> (inclusive),
    /// oldest first.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> ReadClaimAsync(
        string claimId, int firstVersion, int lastVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="events"/> at versions expectedVersion+1…, the feed entries and the
    /// projection; false (nothing written) if the stream is not at <paramref name="expectedVersion"/>.
    /// </summary>
    Task<bool> AppendClaimAsync(
        string claimId, int expectedVersion, IReadOnlyList<JournalAppend> events, IReadOnlyList<byte[]> feedEntries, ClaimRow projection);
}

/// <summary>The queryable projection of a claim, written in the same transaction as its journal entries.</summary>
/// <param name="ActorIds">The actors to link to the claim: at least those whose first statement on it is in this write.</param>
public sealed record ClaimRow(
    string ClaimId, string Text, CorroborationStatus Status, DateTimeOffset UpdatedAt, string[] ActorIds, byte[] Summary)
{
    /// <summary>What claim lists filter and sort on besides status and time of update.</summary>
    public ClaimListKeys Keys { get; init; } = new(default, 6, 0, 0);

    /// <summary>
    /// The statements this write journals, for statement lists. A statement already listed under another claim or speaker
    /// (a relink, merge or unmerge, a move to another actor) is moved to this claim and speaker.
    /// </summary>
    public IReadOnlyList<StatementRow> Statements { get; init; } = [];

    /// <summary>Statements this write withdraws: their list rows say so, where they are still listed under this claim.</summary>
    public IReadOnlyList<StatementWithdrawal> Withdrawals { get; init; } = [];
}

/// <summary>A claim's list keys: first reported, credibility grade, independent origins, statements.</summary>
public sealed record ClaimListKeys(DateTimeOffset FirstReportedAt, int Credibility, int OriginCount, long StatementCount);
