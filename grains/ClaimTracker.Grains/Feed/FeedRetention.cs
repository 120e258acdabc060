using ClaimTracker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Feed;

/// <summary>
/// Keeps the claim feed to <see cref="StorageOptions.FeedRetention"/>. Every <see cref="StorageOptions.FeedRetentionInterval"/>
/// it notes the feed's head and then deletes, a batch at a time, the entries up to the newest note older than the retention:
/// entries are pruned between one and two intervals after they are older than the retention. Off (no retention) it does
/// nothing. Every silo runs one; their notes and deletes state the same facts, so they need no coordination.
/// </summary>
public sealed partial class FeedRetention : BackgroundService
{
    /// <summary>Entries deleted per write, so that the embedded store's writer is never held long by a prune.</summary>
    public const int PruneBatch = 2_000;

    private readonly IClaimFeedRetention store;
    private readonly IClaimFeedLog log;
    private readonly TimeProvider time;
    private readonly ILogger<FeedRetention> logger;
    private readonly TimeSpan retention;
    private readonly TimeSpan interval;

    public FeedRetention(
        IClaimFeedRetention store,
        IClaimFeedLog log,
        IOptions<StorageOptions> options,
        TimeProvider time,
        ILogger<FeedRetention> logger)
    {
        this.store = store;
        this.log = log;
        this.time = time;
        this.logger = logger;
        retention = options.Value.FeedRetention >= TimeSpan.Zero
            ? options.Value.FeedRetention
            : throw new ArgumentOutOfRangeException(
                nameof(options), options.Value.FeedRetention, "Storage:FeedRetention must be zero (keep everything) or positive");
        interval = options.Value.FeedRetentionInterval > TimeSpan.Zero
            ? options.Value.FeedRetentionInterval
            : throw new ArgumentOutOfRangeException(
                nameof(options), options.Value.FeedRetentionInterval, "Storage:FeedRetentionInterval must be positive");
    }

    /// <summary>One round: notes the feed's head, then prunes what is older than the retention. How many entries it pruned.</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (retention == TimeSpan.Zero)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await store.MarkFeedAsync(now, await log.ReadFeedHeadAsync(cancellationToken), cancellationToken);
        var mark = await store.ReadFeedMarkAsync(now - retention, cancellationToken);
        if (mark is null)
        {
            return 0;
        }

        long pruned = 0;
        int deleted;
        do
        {
            deleted = await store.PruneFeedAsync(mark.Position, PruneBatch, cancellationToken);
            pruned += deleted;
        }
        while (deleted == PruneBatch);

        // The mark used stays: until a newer one is old enough, it is where the next round prunes to.
        await store.ForgetFeedMarksAsync(mark.RecordedAt, cancellationToken);
        if (pruned > 0)
        {
            LogPruned(logger, pruned, mark.Position, retention);
        }

        return pruned;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (retention == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Pruned {Count} claim feed entries up to position {Position} (older than {Retention})")]
    private static partial void LogPruned(ILogger logger, long count, long position, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the claim feed failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
