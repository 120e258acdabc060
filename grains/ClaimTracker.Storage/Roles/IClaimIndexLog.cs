namespace ClaimTracker.Storage;

/// <summary>
/// The durable log of claims the matcher knows. Every silo keeps an in-memory replica of the index and
/// brings it up to date by reading this log after the last position it holds, so any silo can link a
/// statement to a claim founded on any other, and a restarted silo rebuilds its replica without
/// re-embedding anything.
/// </summary>
public interface IClaimIndexLog
{
    /// <summary>
    /// Adds entries (a claim's first text, or another phrasing of it); an entry with the same claim id
    /// and text is left as it is.
    /// </summary>
    Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> entries);

    Task<IReadOnlyList<StoredClaimIndexEntry>> ReadClaimIndexAsync(
        long afterPosition, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// A claim as the matching index needs it: one of its texts and that text's embedding. A claim's first
/// entry is its founding text; later entries are phrasings of it (statements that joined it).
/// </summary>
public sealed record ClaimIndexEntry(string ClaimId, string Text, float[] Embedding);

/// <summary>A stored <see cref="ClaimIndexEntry"/> at its position in the index log.</summary>
public sealed record StoredClaimIndexEntry(long Position, ClaimIndexEntry Entry);
