using System.Threading.Channels;
using ClaimTracker.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Feed;

/// <summary>An entry of the claim feed at its global position.</summary>
public sealed record FeedEvent(long Position, ClaimChange Change);

/// <summary>
/// One per silo: tails the durable claim feed and fans each new entry out to this silo's watchers.
/// Local appends wake it at once; entries written by other processes arrive on the next poll. Each
/// watcher has its own bounded channel: a watcher that falls behind is cut loose (its channel
/// completes with <see cref="FeedOverflowException"/>) and catches up from the store, so a slow
/// client never slows the feed, let alone a grain.
/// </summary>
public sealed partial class ClaimFeed(IClaimTrackerStore store, PayloadSerializer serializer, IOptions<StorageOptions> options, ILogger<ClaimFeed> logger)
    : BackgroundService
{
    private const int ReadBatch = 500;
    private readonly Lock gate = new();
    private readonly List<FeedSubscription> subscribers = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);
    private long head;

    /// <summary>Wakes the tail loop: called after a local append commits.</summary>
    public void NotifyAppended()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    /// <summary>
    /// Registers a watcher. Every entry after the returned <see cref="FeedSubscription.StartPosition"/>
    /// that passes <paramref name="filter"/> will be written to its channel; entries up to it must be
    /// read from the store.
    /// </summary>
    public async Task<FeedSubscription> SubscribeAsync(Func<ClaimChange, bool> filter, int capacity, CancellationToken cancellationToken)
    {
        await started.Task.WaitAsync(cancellationToken);
        lock (gate)
        {
            var subscription = new FeedSubscription(this, filter, capacity, head);
            subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>
    /// The watch algorithm: every entry after <paramref name="after"/> (or, when null, every entry from
    /// now on) that passes <paramref name="filter"/>, exactly once, in feed order. It subscribes first,
    /// learning the position the live subscription starts after, then reads the stored feed up to that
    /// position, then relays live entries, so nothing falls between catch-up and live. When the
    /// consumer falls behind and its buffer overflows, it is cut loose from the live feed and catches
    /// up from storage again from its last entry: a slow consumer costs the feed nothing.
    /// </summary>
    /// <param name="onLive">Called once, when the first subscription is in place: every entry after this moment will be delivered.</param>
    public async IAsyncEnumerable<FeedEvent> WatchAsync(long? after, Func<ClaimChange, bool> filter, int bufferSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, Func<Task>? onLive = null)
    {
        while (true)
        {
            using var subscription = await SubscribeAsync(filter, bufferSize, cancellationToken);
            if (onLive is not null)
            {
                await onLive();
                onLive = null;
            }

            var last = after ?? subscription.StartPosition;
            if (last < subscription.StartPosition)
            {
                await foreach (var stored in ReadStoredAsync(last, subscription.StartPosition, cancellationToken))
                {
                    if (filter(stored.Change))
                    {
                        yield return stored;
                    }

                    last = stored.Position;
                }

                last = Math.Max(last, subscription.StartPosition);
            }

            var reader = subscription.Events;
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(cancellationToken);
                }
                catch (FeedOverflowException)
                {
                    break;
                }

                if (!more)
                {
                    yield break;
                }

                while (reader.TryRead(out var live))
                {
                    if (live.Position > last)
                    {
                        last = live.Position;
                        yield return live;
                    }
                }
            }

            after = last;
        }
    }

    /// <summary>The position of the newest entry this silo has dispatched.</summary>
    public async Task<long> CurrentPositionAsync(CancellationToken cancellationToken)
    {
        await started.Task.WaitAsync(cancellationToken);
        lock (gate)
        {
            return head;
        }
    }

    /// <summary>Reads stored entries in (after, upTo], oldest first, in pages.</summary>
    public async IAsyncEnumerable<FeedEvent> ReadStoredAsync(long after, long upTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (after < upTo)
        {
            var rows = await store.ReadFeedAsync(after, ReadBatch, cancellationToken);
            if (rows.Count == 0)
            {
                yield break;
            }

            foreach (var row in rows)
            {
                if (row.Position > upTo)
                {
                    yield break;
                }

                yield return new FeedEvent(row.Position, serializer.Deserialize<ClaimChange>(row.Payload));
                after = row.Position;
            }
        }
    }

    public int WatcherCount
    {
        get
        {
            lock (gate)
            {
                return subscribers.Count;
            }
        }
    }

    internal void Remove(FeedSubscription subscription)
    {
        lock (gate)
        {
            subscribers.Remove(subscription);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            head = await store.ReadFeedHeadAsync(stoppingToken);
            started.TrySetResult();
            var pollInterval = options.Value.FeedPollInterval;
            while (!stoppingToken.IsCancellationRequested)
            {
                await DispatchNewEntriesAsync(stoppingToken);
                await wake.WaitAsync(pollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            started.TrySetCanceled(CancellationToken.None);
            lock (gate)
            {
                foreach (var subscriber in subscribers)
                {
                    subscriber.Complete(null);
                }

                subscribers.Clear();
            }
        }
    }

    private async Task DispatchNewEntriesAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<FeedRow> rows;
            try
            {
                rows = await store.ReadFeedAsync(head, ReadBatch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReadFailed(logger, ex);
                return;
            }

            if (rows.Count == 0)
            {
                return;
            }

            foreach (var row in rows)
            {
                var feedEvent = new FeedEvent(row.Position, serializer.Deserialize<ClaimChange>(row.Payload));
                lock (gate)
                {
                    for (var i = subscribers.Count - 1; i >= 0; i--)
                    {
                        if (!subscribers[i].Offer(feedEvent))
                        {
                            subscribers[i].Complete(new FeedOverflowException());
                            subscribers.RemoveAt(i);
                        }
                    }

                    head = row.Position;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the claim feed failed; retrying on the next poll")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}

/// <summary>A watcher's place in the feed: its bounded channel and the position it starts after.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly ClaimFeed feed;
    private readonly Func<ClaimChange, bool> filter;
    private readonly Channel<FeedEvent> channel;

    internal FeedSubscription(ClaimFeed feed, Func<ClaimChange, bool> filter, int capacity, long startPosition)
    {
        this.feed = feed;
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

    public void Dispose() => feed.Remove(this);

    /// <summary>False when the watcher's channel is full.</summary>
    internal bool Offer(FeedEvent feedEvent) => !filter(feedEvent.Change) || channel.Writer.TryWrite(feedEvent);

    internal void Complete(Exception? error) => channel.Writer.TryComplete(error);
}

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
