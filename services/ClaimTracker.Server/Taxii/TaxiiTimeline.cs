using ClaimTracker.Analysis;
using ClaimTracker.Grains;
using ClaimTracker.Grains.Feed;

namespace ClaimTracker.Server.Taxii;

/// <summary>
/// When each claim change was added to the TAXII collections: one entry per claim-feed position, dated by the change's
/// time made strictly increasing along the feed (a change timed at or before the previous entry is dated one
/// microsecond after it). The dates are a pure function of the durable, gap-free feed, so every silo and every restart
/// computes the same ones, and <c>added_after</c> selects exactly the positions after the one a poller last saw. Built
/// from the feed on first use and brought up to date on every request; holds some 40 bytes per feed entry.
/// </summary>
internal sealed class TaxiiTimeline(ClaimFeed feed) : IDisposable
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private readonly SemaphoreSlim catchUp = new(1, 1);
    private readonly List<TaxiiAddition> additions = [];
    private readonly Dictionary<string, long> latestPosition = new(StringComparer.Ordinal);
    private long head;

    /// <summary>Reads the feed entries appended since the last call; returns how many additions are known.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellation)
    {
        await catchUp.WaitAsync(cancellation);
        try
        {
            var upTo = await feed.CurrentPositionAsync(cancellation);
            if (upTo > head)
            {
                await foreach (var entry in feed.ReadStoredAsync(head, upTo, cancellation))
                {
                    Append(entry.Position, entry.Change.OccurredAt, entry.Change.Claim);
                }
            }

            lock (additions)
            {
                return additions.Count;
            }
        }
        finally
        {
            catchUp.Release();
        }
    }

    public void Dispose() => catchUp.Dispose();

    public TaxiiAddition this[int index]
    {
        get
        {
            lock (additions)
            {
                return additions[index];
            }
        }
    }

    /// <summary>Whether no later change of the same claim is known: only a claim's latest change is served.</summary>
    public bool IsLatest(TaxiiAddition addition)
    {
        lock (additions)
        {
            return latestPosition[addition.ClaimId] == addition.Position;
        }
    }

    /// <summary>The index of the first addition dated strictly after <paramref name="addedAfter"/>.</summary>
    public int FirstAfter(DateTimeOffset addedAfter)
    {
        var ticks = addedAfter.UtcTicks;
        lock (additions)
        {
            return LowerBound(a => a.AddedAt.UtcTicks > ticks);
        }
    }

    /// <summary>The index of the first addition at or after feed position <paramref name="position"/>.</summary>
    public int FirstAtOrAfter(long position)
    {
        lock (additions)
        {
            return LowerBound(a => a.Position >= position);
        }
    }

    private void Append(long position, DateTimeOffset occurredAt, ClaimSummary claim)
    {
        lock (additions)
        {
            var ticks = occurredAt.UtcTicks - (occurredAt.UtcTicks % TicksPerMicrosecond);
            if (additions.Count > 0 && ticks <= additions[^1].AddedAt.UtcTicks)
            {
                ticks = additions[^1].AddedAt.UtcTicks + TicksPerMicrosecond;
            }

            var addedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
            additions.Add(new TaxiiAddition(position, addedAt, claim.ClaimId, claim.Status, claim.Version));
            latestPosition[claim.ClaimId] = position;
            head = position;
        }
    }

    /// <summary>The first index whose addition satisfies <paramref name="reached"/>, which is monotone along the list.</summary>
    private int LowerBound(Func<TaxiiAddition, bool> reached)
    {
        int low = 0, high = additions.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (reached(additions[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}

/// <summary>A claim change as the TAXII collections see it: its feed position, date added, claim and status after it.</summary>
/// <summary>A claim change in the collections: its feed position, its date, and the claim's version it made.</summary>
internal sealed record TaxiiAddition(long Position, DateTimeOffset AddedAt, string ClaimId, CorroborationStatus Status, long ClaimVersion);
