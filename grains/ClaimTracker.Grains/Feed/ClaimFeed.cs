using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Feed;

/// <summary>
/// One per silo: tails the durable claim feed and fans each new entry out to this silo's watchers
/// (<see cref="FeedFanOut"/>). Local appends wake it at once; entries written by other processes
/// arrive on the next poll (or a notification, <see cref="IFeedTail"/>). While someone watches, the newest
/// entries (<c>Storage:FeedCacheEntries</c>) stay in memory (<see cref="RecentFeedEntries"/>): a catch-up
/// within them (after an overflow, or a reconnect with a recent cursor) reads no store. While nobody
/// watches, only the head moves: the entries are not read back at all.
/// </summary>
public sealed partial class ClaimFeed : BackgroundService, IFeedTail
{
    /// <summary>The most entries <see cref="WatchBatchesAsync"/> hands out at once.</summary>
    public const int MaxWatchBatch = 64;

    /// <summary>The name of the meter with the feed's counters.</summary>
    public const string MeterName = "ClaimTracker.Feed";

    private readonly IClaimFeedLog log;
    private readonly PayloadSerializer serializer;
    private readonly IFeedEventEncoder? encoder;
    private readonly TimeSpan pollInterval;
    private readonly ILogger<ClaimFeed> logger;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);
    private readonly RecentFeedEntries recent;
    private readonly FeedFanOut fanOut;
    private readonly FeedHistory history;

    public ClaimFeed(
        IClaimFeedLog log,
        PayloadSerializer serializer,
        IOptions<StorageOptions> options,
        ILogger<ClaimFeed> logger,
        IFeedEventEncoder? encoder = null)
    {
        this.log = log;
        this.serializer = serializer;
        this.encoder = encoder;
        this.logger = logger;
        pollInterval = options.Value.FeedPollInterval;
        recent = new RecentFeedEntries(options.Value.FeedCacheEntries);
        fanOut = new FeedFanOut(recent);
        history = new FeedHistory(log, recent, ToEvent);
    }

    public int WatcherCount => fanOut.Count;

    /// <summary>Wakes the tail loop: called after a local append commits, and on a notification from another silo.</summary>
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
        return fanOut.Subscribe(filter, capacity);
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
    public async IAsyncEnumerable<FeedEvent> WatchAsync(
        long? after,
        Func<FeedEventKey, bool> filter,
        int bufferSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken,
        Func<Task>? onLive = null)
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
    public async IAsyncEnumerable<IReadOnlyList<FeedEvent>> WatchBatchesAsync(
        long? after,
        Func<FeedEventKey, bool> filter,
        int bufferSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken,
        Func<Task>? onLive = null)
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
                await foreach (var page in history.ReadPagesAsync(last, subscription.StartPosition, cancellationToken))
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
        return recent.Head;
    }

    /// <summary>
    /// The position of the newest committed entry. Dispatching trails the commit by a moment, so this can be ahead of
    /// <see cref="CurrentPositionAsync"/>: a snapshot of claims read after it has every entry up to it in its state.
    /// </summary>
    public Task<long> CommittedPositionAsync(CancellationToken cancellationToken) => log.ReadFeedHeadAsync(cancellationToken);

    /// <summary>Reads stored entries in (after, upTo], oldest first.</summary>
    public async IAsyncEnumerable<FeedEvent> ReadStoredAsync(
        long after, long upTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in history.ReadPagesAsync(after, upTo, cancellationToken))
        {
            foreach (var feedEvent in page)
            {
                yield return feedEvent;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            recent.StartAt(await log.ReadFeedHeadAsync(stoppingToken));
            started.TrySetResult();
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
            fanOut.CompleteAll();
        }
    }

    private async Task DispatchNewEntriesAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<FeedRow> rows;
            try
            {
                if (fanOut.Count == 0 && fanOut.SkipIfUnwatched(await log.ReadFeedHeadAsync(cancellationToken)))
                {
                    return;
                }

                rows = await log.ReadFeedAsync(recent.Head, FeedHistory.ReadBatch, cancellationToken);
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

            // When someone watches, decode and encode outside the fan-out's lock (unwatched entries wait
            // until a catch-up needs them).
            var events = new FeedEvent[rows.Count];
            var watched = fanOut.Count > 0;
            for (var i = 0; i < rows.Count; i++)
            {
                events[i] = ToEvent(rows[i]);
                if (watched)
                {
                    _ = events[i].Key;
                    _ = events[i].Encoded;
                }
            }

            fanOut.Dispatch(events);
        }
    }

    private FeedEvent ToEvent(FeedRow row) =>
        encoder is null
            ? new FeedEvent(row.Position, serializer.Deserialize<ClaimChange>(FeedPayload.Unpack(row.Payload)))
            : new FeedEvent(row.Position, row.Payload, serializer, encoder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the claim feed failed; retrying on the next poll")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
