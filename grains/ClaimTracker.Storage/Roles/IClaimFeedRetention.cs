namespace ClaimTracker.Storage;

/// <summary>
/// How much of the claim feed is kept. Feed positions carry no time, so whoever prunes records marks as it goes (the feed's
/// head at a moment) and prunes up to the newest mark older than the retention. The newest entry is never pruned, so positions
/// go on from where they were. Positions are contiguous, so a watcher's cursor at or after the floor
/// (<see cref="IClaimFeedLog.ReadFeedFloorAsync"/>) resumes with nothing missing, and one before it cannot resume at all.
/// </summary>
public interface IClaimFeedRetention
{
    /// <summary>Records that every feed entry up to <paramref name="position"/> was written by <paramref name="recordedAt"/>.</summary>
    Task MarkFeedAsync(DateTimeOffset recordedAt, long position, CancellationToken cancellationToken = default);

    /// <summary>The newest mark recorded at or before <paramref name="notAfter"/>, or null when there is none.</summary>
    Task<FeedMark?> ReadFeedMarkAsync(DateTimeOffset notAfter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes at most <paramref name="maxEntries"/> of the oldest feed entries at or before <paramref name="throughPosition"/>,
    /// never the newest entry of the feed; how many it deleted.
    /// </summary>
    Task<int> PruneFeedAsync(long throughPosition, int maxEntries, CancellationToken cancellationToken = default);

    /// <summary>Deletes the marks recorded before <paramref name="recordedBefore"/>.</summary>
    Task ForgetFeedMarksAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default);
}

/// <summary>The feed's head as it was at <paramref name="RecordedAt"/>.</summary>
public sealed record FeedMark(DateTimeOffset RecordedAt, long Position);
