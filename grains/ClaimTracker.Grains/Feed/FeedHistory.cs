using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Feed;

/// <summary>
/// Entries already dispatched, for watchers catching up: from this silo's memory of the newest entries
/// when it holds them all, else from the stored feed; a <see cref="FeedPrunedException"/> when the store no longer keeps
/// some of them.
/// </summary>
internal sealed class FeedHistory(IClaimFeedLog log, RecentFeedEntries recent, Func<FeedRow, FeedEvent> toEvent)
{
    public const int ReadBatch = 500;

    /// <summary>Entries in (after, upTo], oldest first, a page at a time (pages are never empty).</summary>
    public async IAsyncEnumerable<IReadOnlyList<FeedEvent>> ReadPagesAsync(
        long after, long upTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (after < upTo)
        {
            var (recentPage, floor) = recent.Read(after, upTo, ReadBatch);
            if (recentPage is not null)
            {
                if (recentPage.Count == 0)
                {
                    yield break;
                }

                FeedMetrics.CaughtUpFromMemory(recentPage.Count);
                yield return recentPage;
                after = recentPage[^1].Position;
                continue;
            }

            // Older than memory reaches: read the store up to where memory takes over.
            var storeUpTo = Math.Min(upTo, floor);
            var rows = await log.ReadFeedAsync(after, ReadBatch, cancellationToken);
            if (rows.Count > 0 && rows[0].Position > after + 1)
            {
                // Positions are contiguous: entries missing right after the cursor were pruned, unless the cursor is at or
                // after the floor (then the store never had them: nothing is missing).
                var kept = await log.ReadFeedFloorAsync(cancellationToken);
                if (after < kept)
                {
                    throw new FeedPrunedException(after, kept);
                }
            }

            var page = new List<FeedEvent>(rows.Count);
            foreach (var row in rows)
            {
                if (row.Position > storeUpTo)
                {
                    break;
                }

                page.Add(toEvent(row));
            }

            if (page.Count > 0)
            {
                FeedMetrics.CaughtUpFromStore(page.Count);
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
}
