using ClaimTracker.Analysis.Reliability;
using ClaimTracker.Grains.Corrections;
using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Reliability;

/// <summary>
/// This silo's cached <see cref="GradeBoard"/>, so that a grade beside every statement costs a dictionary look-up, not a
/// pass over the record. Refresh rule: a read that finds the board older than <c>Reliability:RefreshInterval</c> starts a
/// refresh in the background and goes on with the board it has; the refresh reads every claim again when the feed moved
/// since the board was read, else only the overrides. An override set on this silo applies at once; ListSourceReliability
/// recomputes the board. After a start, reads wait for the first computation (<see cref="LatestAsync"/>); grains do not.
/// </summary>
public sealed partial class SourceGrades(
    IClaimReadSide claims,
    IListReadSide lists,
    IReliabilityOverrides overrides,
    CorrectionDesk corrections,
    ClaimFeed feed,
    IOptionsMonitor<ReliabilityOptions> options,
    TimeProvider clock,
    ILogger<SourceGrades> logger) : IDisposable
{
    private readonly SemaphoreSlim computing = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock firstGate = new();
    private volatile GradeBoard? board;
    private Task<GradeBoard>? first;
    private int refreshing;

    /// <summary>The board as last computed (null before the first computation); starts a background refresh when due.</summary>
    public GradeBoard? Current
    {
        get
        {
            var current = board;
            if (current is null || IsDue(current))
            {
                StartBackgroundRefresh();
            }

            return current;
        }
    }

    /// <summary>The weighting claims apply: null when <c>Reliability:WeightOrigins</c> is off or no board is computed yet.</summary>
    public ReliabilityWeighting? Weighting => options.CurrentValue.WeightOrigins ? Current?.Weighting : null;

    /// <summary>
    /// The current board; before the first one exists, every caller waits for one shared first computation (so reads
    /// right after a start all carry grades, the same ones), but at most <c>Reliability:FirstComputationWait</c>: on a
    /// large store the first pass over the record takes longer, and reads go on without grades (null) until it is done.
    /// Grains never wait: they use <see cref="Current"/>.
    /// </summary>
    public async Task<GradeBoard?> LatestAsync(CancellationToken cancellation)
    {
        if (Current is { } current)
        {
            return current;
        }

        Task<GradeBoard> computing;
        lock (firstGate)
        {
            if (first is null || first.IsFaulted || first.IsCanceled)
            {
                first = Task.Run(() => RefreshAsync(stopping.Token));
            }

            computing = first;
        }

        try
        {
            return await computing.WaitAsync(options.CurrentValue.FirstComputationWait, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Reads every claim's record and the overrides now, and keeps the result.</summary>
    public async Task<GradeBoard> RefreshAsync(CancellationToken cancellation)
    {
        await computing.WaitAsync(cancellation);
        try
        {
            return await ComputeAsync(cancellation);
        }
        finally
        {
            computing.Release();
        }
    }

    /// <summary>After an override was recorded on this silo: the board takes the overrides at once, its records unchanged.</summary>
    public async Task OverridesChangedAsync(CancellationToken cancellation)
    {
        await computing.WaitAsync(cancellation);
        try
        {
            if (board is { } current)
            {
                board = current.WithOverrides(await overrides.ReadReliabilityOverridesAsync(cancellation), current.ComputedAt);
            }
        }
        finally
        {
            computing.Release();
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        computing.Dispose();
    }

    private bool IsDue(GradeBoard current) => clock.GetUtcNow() - current.ComputedAt >= options.CurrentValue.RefreshInterval;

    private async Task<GradeBoard> ComputeAsync(CancellationToken cancellation)
    {
        var position = await feed.CurrentPositionAsync(cancellation);
        var standings = await new ReliabilityBoard(claims, lists).ComputeAsync(await RetractedReportsAsync(cancellation), cancellation);
        var rows = await overrides.ReadReliabilityOverridesAsync(cancellation);
        var computed = new GradeBoard(standings, rows, position, clock.GetUtcNow());
        board = computed;
        return computed;
    }

    /// <summary>The reports their outlets retracted, from the corrections' audit trail (short: corrections are rare).</summary>
    private async Task<IReadOnlySet<string>> RetractedReportsAsync(CancellationToken cancellation)
    {
        var retracted = new HashSet<string>(StringComparer.Ordinal);
        var query = new CorrectionQuery(null, [], null, null, 500, null);
        while (true)
        {
            var (page, next) = await corrections.ListAsync(query, cancellation);
            retracted.UnionWith(page.Where(c => c.Kind == CorrectionKind.RetractReport).Select(c => c.ReportId));
            if (next is null)
            {
                return retracted;
            }

            query = query with { Before = next };
        }
    }

    private void StartBackgroundRefresh()
    {
        if (Interlocked.CompareExchange(ref refreshing, 1, 0) != 0)
        {
            return;
        }

        // Off the caller's task scheduler (a grain's): the computation reads every claim.
        _ = Task.Run(RefreshInBackgroundAsync);
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            var cancellation = stopping.Token;
            await computing.WaitAsync(cancellation);
            try
            {
                var current = board;
                if (current is not null && !IsDue(current))
                {
                    return;
                }

                if (current is not null && await feed.CurrentPositionAsync(cancellation) == current.FeedPosition)
                {
                    board = current.WithOverrides(await overrides.ReadReliabilityOverridesAsync(cancellation), clock.GetUtcNow());
                    return;
                }

                await ComputeAsync(cancellation);
            }
            finally
            {
                computing.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception ex)
        {
            LogRefreshFailed(ex);
        }
        finally
        {
            Volatile.Write(ref refreshing, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source reliability grades: the background refresh failed; the next read retries")]
    private partial void LogRefreshFailed(Exception exception);
}
