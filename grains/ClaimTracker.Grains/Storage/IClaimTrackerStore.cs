namespace ClaimTracker.Grains.Storage;

/// <summary>
/// Durable storage: append-only journals keyed by (stream, version), the claim feed, reports, and the
/// projections that lists query. Every append writes its journal rows, feed rows and projection in
/// one transaction, so they never disagree.
/// </summary>
public interface IClaimTrackerStore
{
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string stream, CancellationToken cancellationToken = default);

    /// <summary>The entries at versions <paramref name="firstVersion"/>…<paramref name="lastVersion"/> (inclusive), oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string stream, int firstVersion, int lastVersion, CancellationToken cancellationToken = default);

    /// <summary>Appends events at versions expectedVersion+1…; false if the stream is not at expectedVersion.</summary>
    Task<bool> AppendClaimAsync(string claimId, int expectedVersion, IReadOnlyList<JournalAppend> events, IReadOnlyList<byte[]> feedEntries, ClaimRow projection);

    /// <summary>Appends events at versions expectedVersion+1…; false if the stream is not at expectedVersion.</summary>
    Task<bool> AppendActorAsync(string actorId, int expectedVersion, IReadOnlyList<JournalAppend> events, ActorRow projection);

    /// <summary>Feed rows strictly after <paramref name="afterPosition"/>, oldest first.</summary>
    Task<IReadOnlyList<FeedRow>> ReadFeedAsync(long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>The position of the newest feed row (0 when empty).</summary>
    Task<long> ReadFeedHeadAsync(CancellationToken cancellationToken = default);

    Task<byte[]?> ReadReportAsync(string reportId, CancellationToken cancellationToken = default);

    Task WriteReportAsync(string reportId, byte[] payload);

    /// <summary>
    /// Resolves each candidate to an actor id through the alias directory: the first of its keys that
    /// is already known decides; otherwise its proposed id. Every key not yet known is then registered
    /// to the resolved id (first writer wins), so later reports find the same actor.
    /// </summary>
    Task<string[]> ResolveActorIdsAsync(IReadOnlyList<ActorAliasCandidate> candidates);

    Task<StoredPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default);

    Task<StoredPage> QueryActorsAsync(ActorQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many claims have each status (statuses without claims are absent).</summary>
    Task<IReadOnlyDictionary<Analysis.CorroborationStatus, long>> CountClaimsByStatusAsync(CancellationToken cancellationToken = default);
}
