namespace ClaimTracker.Grains.Feed;

/// <summary>The watcher fell too far behind the live feed and must catch up from the store.</summary>
public sealed class FeedOverflowException : Exception
{
    public FeedOverflowException()
        : base("The watcher fell behind the live feed.")
    {
    }

    public FeedOverflowException(string message)
        : base(message)
    {
    }

    public FeedOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
