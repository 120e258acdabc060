using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ClaimTracker.Analysis;
using ClaimTracker.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Feed;

/// <summary>An entry of the claim feed at its global position.</summary>
public sealed class FeedEvent
{
    private readonly ClaimChange? change;
    private readonly byte[]? payload;
    private readonly PayloadSerializer? serializer;
    private readonly IFeedEventEncoder? encoder;

    // Decoded and encoded on first use, which a silo without watchers never makes: every append's entry
    // is read back and cached, and decoding it (a summary of some fifty objects) and encoding it for
    // the wire cost more than the append itself. Computing either twice in a race gives equal values.
    private StrongBox<FeedEventKey>? key;
    private byte[]? encoded;

    public FeedEvent(long position, ClaimChange change)
    {
        Position = position;
        key = new StrongBox<FeedEventKey>(FeedEventKey.Of(change.Claim));
        this.change = change;
    }

    /// <summary>
    /// An entry with a wire form keeps its stored payload instead of the decoded change: the feed holds
    /// its newest entries for seconds and all watchers share them, and two flat arrays cost the GC
    /// little to trace and promote where the decoded change is a graph of some fifty objects.
    /// </summary>
    internal FeedEvent(long position, byte[] payload, PayloadSerializer serializer, IFeedEventEncoder encoder)
    {
        Position = position;
        this.payload = payload;
        this.serializer = serializer;
        this.encoder = encoder;
    }

    public long Position { get; }

    /// <summary>What watch filters select on.</summary>
    public FeedEventKey Key
    {
        get
        {
            var known = Volatile.Read(ref key);
            if (known is null)
            {
                known = new StrongBox<FeedEventKey>(FeedEventKey.Of(Change.Claim));
                Volatile.Write(ref key, known);
            }

            return known.Value;
        }
    }

    /// <summary>The change (decoded again on every access when the entry has a wire form).</summary>
    public ClaimChange Change => change ?? serializer!.Deserialize<ClaimChange>(payload!);

    /// <summary>The entry in the silo's wire form (see <see cref="IFeedEventEncoder"/>); null when none is registered.</summary>
    public byte[]? Encoded
    {
        get
        {
            if (encoder is null)
            {
                return null;
            }

            var known = Volatile.Read(ref encoded);
            if (known is null)
            {
                known = encoder.Encode(Position, Change);
                Volatile.Write(ref encoded, known);
            }

            return known;
        }
    }
}

/// <summary>The claim an entry is about, as watch filters see it.</summary>
public readonly record struct FeedEventKey(string ClaimId, CorroborationStatus Status, string[] ActorIds)
{
    public static FeedEventKey Of(ClaimSummary claim) => new(claim.ClaimId, claim.Status, claim.ActorIds);
}

/// <summary>
/// One per silo: tails the durable claim feed and fans each new entry out to this silo's watchers.
/// Local appends wake it at once; entries written by other processes arrive on the next poll. Each
/// watcher has its own bounded channel: a watcher that falls behind is cut loose (its channel
/// completes with <see cref="FeedOverflowException"/>) and catches up from the store, so a slow
/// client never slows the feed, let alone a grain. The newest entries (<c>Storage:FeedCacheEntries</c>)
/// stay in memory: a catch-up within them (after an overflow, or a reconnect with a recent cursor)
/// reads no store and shares the entries, and their encoding, with the live watchers.
/// </summary>
public sealed partial class ClaimFeed(IClaimTrackerStore store, PayloadSerializer serializer, IOptions<StorageOptions> options, ILogger<ClaimFeed> logger, IFeedEventEncoder? encoder = null)
    : BackgroundService
{
    /// <summary>The most entries <see cref="WatchBatchesAsync"/> hands out at once.</summary>
    public const int MaxWatchBatch = 64;

    /// <summary>The name of the meter with the feed's counters.</summary>
    public const string MeterName = "ClaimTracker.Feed";

    private const int ReadBatch = 500;
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Overflows = Meter.CreateCounter<long>(
        "claimtracker.watch.overflows", "{watch}", "Watches cut loose from the live feed because their buffer was full (they catch up and go on)");
    private static readonly Counter<long> CaughtUp = Meter.CreateCounter<long>(
        "claimtracker.watch.catchup.entries", "{entry}", "Feed entries read by catching-up watches, by source (memory or store)");
    private static readonly KeyValuePair<string, object?> FromMemory = new("source", "memory");
    private static readonly KeyValuePair<string, object?> FromStore = new("source", "store");
    private readonly Lock gate = new();
    private readonly List<FeedSubscription> subscribers = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);

    // The newest dispatched entries, oldest first (a ring): every entry in (recentFloor, head] is in
    // it. Guarded by gate.
    private readonly FeedEvent[] recent = new FeedEvent[Math.Max(1, options.Value.FeedCacheEntries)];
    private int recentStart;
    private int recentCount;
    private long recentFloor;
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
    public async Task<FeedSubscription> SubscribeAsync(Func<FeedEventKey, bool> filter, int capacity, CancellationToken cancellationToken)
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
    public async IAsyncEnumerable<FeedEvent> WatchAsync(long? after, Func<FeedEventKey, bool> filter, int bufferSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, Func<Task>? onLive = null)
    {
        await foreach (var batch in WatchBatchesAsync(after, filter, bufferSize, cancellationToken, onLive))
        {
            foreach (var feedEvent in batch)
            {
                yield return feedEvent;
            }
        }
    }

    /// <summary>
    /// <see cref="WatchAsync"/> in batches: each batch holds the entries that are ready now (a stored
    /// page during catch-up, what has queued in the watcher's buffer when live; at most
    /// <see cref="MaxWatchBatch"/>), oldest first, never empty. A consumer that sends a batch with one
    /// flush pays the per-write costs of its transport once per batch instead of once per entry.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<FeedEvent>> WatchBatchesAsync(long? after, Func<FeedEventKey, bool> filter, int bufferSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, Func<Task>? onLive = null)
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
                await foreach (var page in ReadStoredPagesAsync(last, subscription.StartPosition, cancellationToken))
                {
                    var matching = page.Where(stored => filter(stored.Key)).ToList();
                    last = page[^1].Position;
                    foreach (var chunk in matching.Chunk(MaxWatchBatch))
                    {
                        yield return chunk;
                    }
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

                var batch = new List<FeedEvent>();
                while (batch.Count < MaxWatchBatch && reader.TryRead(out var live))
                {
                    if (live.Position > last)
                    {
                        last = live.Position;
                        batch.Add(live);
                    }
                }

                if (batch.Count > 0)
                {
                    yield return batch;
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

    /// <summary>Reads stored entries in (after, upTo], oldest first.</summary>
    public async IAsyncEnumerable<FeedEvent> ReadStoredAsync(long after, long upTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ReadStoredPagesAsync(after, upTo, cancellationToken))
        {
            foreach (var feedEvent in page)
            {
                yield return feedEvent;
            }
        }
    }

    /// <summary>
    /// Reads stored entries in (after, upTo], oldest first, a page at a time (pages are never empty):
    /// from this silo's memory of the newest entries when it holds them all, else from the store.
    /// </summary>
    private async IAsyncEnumerable<IReadOnlyList<FeedEvent>> ReadStoredPagesAsync(long after, long upTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (after < upTo)
        {
            var (recentPage, floor) = ReadRecent(after, upTo, ReadBatch);
            if (recentPage is not null)
            {
                if (recentPage.Count == 0)
                {
                    yield break;
                }

                CaughtUp.Add(recentPage.Count, FromMemory);
                yield return recentPage;
                after = recentPage[^1].Position;
                continue;
            }

            // Older than memory reaches: read the store up to where memory takes over.
            var storeUpTo = Math.Min(upTo, floor);
            var rows = await store.ReadFeedAsync(after, ReadBatch, cancellationToken);
            var page = new List<FeedEvent>(rows.Count);
            foreach (var row in rows)
            {
                if (row.Position > storeUpTo)
                {
                    break;
                }

                page.Add(ToEvent(row));
            }

            if (page.Count > 0)
            {
                CaughtUp.Add(page.Count, FromStore);
                yield return page;
                after = page[^1].Position;
            }

            if (page.Count < rows.Count || rows.Count < ReadBatch)
            {
                // The store holds nothing more up to storeUpTo.
                if (storeUpTo >= upTo)
                {
                    yield break;
                }

                after = Math.Max(after, storeUpTo);
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
            recentFloor = head;
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

            // When someone watches, decode and encode outside the lock (unwatched entries wait until a
            // catch-up needs them), then hand the whole read to each watcher in one pass: the first
            // entry wakes a waiting watcher, the rest are in its buffer when it runs.
            var events = new FeedEvent[rows.Count];
            var watched = WatcherCount > 0;
            for (var i = 0; i < rows.Count; i++)
            {
                events[i] = ToEvent(rows[i]);
                if (watched)
                {
                    _ = events[i].Key;
                    _ = events[i].Encoded;
                }
            }

            lock (gate)
            {
                for (var i = subscribers.Count - 1; i >= 0; i--)
                {
                    foreach (var feedEvent in events)
                    {
                        if (!subscribers[i].Offer(feedEvent))
                        {
                            subscribers[i].Complete(new FeedOverflowException());
                            subscribers.RemoveAt(i);
                            Overflows.Add(1);
                            break;
                        }
                    }
                }

                foreach (var feedEvent in events)
                {
                    Remember(feedEvent);
                }

                head = events[^1].Position;
            }
        }
    }

    private FeedEvent ToEvent(FeedRow row)
    {
        return encoder is null
            ? new FeedEvent(row.Position, serializer.Deserialize<ClaimChange>(row.Payload))
            : new FeedEvent(row.Position, row.Payload, serializer, encoder);
    }

    private void Remember(FeedEvent feedEvent)
    {
        if (recentCount == recent.Length)
        {
            recentFloor = recent[recentStart].Position;
            recentStart = (recentStart + 1) % recent.Length;
            recentCount--;
        }

        recent[(recentStart + recentCount) % recent.Length] = feedEvent;
        recentCount++;
    }

    /// <summary>
    /// The entries in (<paramref name="after"/>, <paramref name="upTo"/>] from memory, at most
    /// <paramref name="limit"/>; a null page when some of them are no longer (or not yet) held there.
    /// Floor: memory holds every entry after it (<see cref="long.MaxValue"/>: memory cannot serve this read).
    /// </summary>
    private (List<FeedEvent>? Page, long Floor) ReadRecent(long after, long upTo, int limit)
    {
        lock (gate)
        {
            if (upTo > head)
            {
                return (null, long.MaxValue);
            }

            if (after < recentFloor)
            {
                return (null, recentFloor);
            }

            // Binary search for the first entry after 'after'.
            int low = 0, high = recentCount;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (recent[(recentStart + middle) % recent.Length].Position <= after)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var page = new List<FeedEvent>(Math.Min(limit, recentCount - low));
            for (var i = low; i < recentCount && page.Count < limit; i++)
            {
                var feedEvent = recent[(recentStart + i) % recent.Length];
                if (feedEvent.Position > upTo)
                {
                    break;
                }

                page.Add(feedEvent);
            }

            return (page, recentFloor);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the claim feed failed; retrying on the next poll")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}

/// <summary>A watcher's place in the feed: its bounded channel and the position it starts after.</summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly ClaimFeed feed;
    private readonly Func<FeedEventKey, bool> filter;
    private readonly Channel<FeedEvent> channel;

    internal FeedSubscription(ClaimFeed feed, Func<FeedEventKey, bool> filter, int capacity, long startPosition)
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
    internal bool Offer(FeedEvent feedEvent) => !filter(feedEvent.Key) || channel.Writer.TryWrite(feedEvent);

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
