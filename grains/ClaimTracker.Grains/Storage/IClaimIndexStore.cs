namespace ClaimTracker.Grains.Storage;

/// <summary>A claim as the matching index needs it: its founding text and that text's embedding.</summary>
public sealed record ClaimIndexEntry(string ClaimId, string Text, float[] Embedding);

/// <summary>A stored <see cref="ClaimIndexEntry"/> at its position in the index log.</summary>
public sealed record StoredClaimIndexEntry(long Position, ClaimIndexEntry Entry);

/// <summary>
/// The durable log of claims the matcher knows. Every silo keeps an in-memory replica of the index and
/// brings it up to date by reading this log after the last position it holds, so any silo can link a
/// statement to a claim founded on any other, and a restarted silo rebuilds its replica without
/// re-embedding anything.
/// </summary>
public interface IClaimIndexStore
{
    /// <summary>Adds entries; a claim id already present is left as it is.</summary>
    Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> entries);

    Task<IReadOnlyList<StoredClaimIndexEntry>> ReadClaimIndexAsync(long afterPosition, int limit, CancellationToken cancellationToken = default);
}
