using System.Threading.Channels;

namespace ClaimTracker.Grains.Feed;

/// <summary>A watcher's place in the feed: its bounded channel and the position it starts after.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly FeedFanOut fanOut;
    private readonly Func<FeedEventKey, bool> filter;
    private readonly Channel<FeedEvent> channel;

    internal FeedSubscription(FeedFanOut fanOut, Func<FeedEventKey, bool> filter, int capacity, long startPosition)
    {
        this.fanOut = fanOut;
        this.filter = filter;
        StartPosition = startPosition;
        channel = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The feed position this subscription's live events start after.</summary>
    public long StartPosition { get; }

    public ChannelReader<FeedEvent> Events => channel.Reader;

    public void Dispose() => fanOut.Remove(this);

    /// <summary>False when the watcher's channel is full.</summary>
    internal bool Offer(FeedEvent feedEvent) => !filter(feedEvent.Key) || channel.Writer.TryWrite(feedEvent);

    internal void Complete(Exception? error) => channel.Writer.TryComplete(error);
}
