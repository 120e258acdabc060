namespace ClaimTracker.Grains.Feed;

/// <summary>
/// A watcher asked for feed entries that are no longer kept (<c>Storage:FeedRetention</c>): it cannot resume without a gap,
/// only start over from the claims' current state.
/// </summary>
public sealed class FeedPrunedException : Exception
{
    public FeedPrunedException()
        : base("The feed no longer keeps the entries asked for.")
    {
    }

    public FeedPrunedException(string message)
        : base(message)
    {
    }

    public FeedPrunedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="after">The position the watcher asked to resume after.</param>
    /// <param name="floor">The position just before the oldest entry kept.</param>
    public FeedPrunedException(long after, long floor)
        : base($"the feed entries after position {after} up to {floor} are no longer kept (Storage:FeedRetention)")
    {
        After = after;
        Floor = floor;
    }

    public long After { get; }

    public long Floor { get; }
}
