namespace ClaimTracker.Storage;

/// <summary>
/// The read side of the claim feed: every change to every claim at a global position, in the order
/// positions become visible (claim appends write it, see <see cref="IClaimJournal.AppendClaimAsync"/>).
/// </summary>
public interface IClaimFeedLog
{
    /// <summary>Feed rows strictly after <paramref name="afterPosition"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FeedRow>> ReadFeedAsync(long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>The position of the newest feed row (0 when empty); every row up to it is visible.</summary>
    Task<long> ReadFeedHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The position just before the oldest entry kept (0 while nothing was ever pruned, see <see cref="IClaimFeedRetention"/>):
    /// every entry after it is in the feed.
    /// </summary>
    Task<long> ReadFeedFloorAsync(CancellationToken cancellationToken = default);
}

/// <summary>A row of the claim feed: a serialized claim change at a global position.</summary>
public sealed record FeedRow(long Position, string ClaimId, byte[] Payload);

/// <summary>
/// Whoever tails the feed in this process: told that entries may have been appended (here or, in
/// cluster mode, by another silo).
/// </summary>
public interface IFeedTail
{
    void NotifyAppended();
}
