namespace ClaimTracker.Grains.Feed;

/// <summary>
/// The newest entries this silo has dispatched, oldest first, in a ring of fixed capacity: every entry
/// in (floor, head] is held. A catch-up within them reads no store and shares the entries (and their
/// encoding) with the live watchers.
/// </summary>
internal sealed class RecentFeedEntries(int capacity)
{
    private readonly Lock gate = new();
    private readonly FeedEvent[] ring = new FeedEvent[Math.Max(1, capacity)];
    private int start;
    private int count;
    private long floor;
    private long head;

    /// <summary>The position of the newest entry dispatched.</summary>
    public long Head
    {
        get
        {
            lock (gate)
            {
                return head;
            }
        }
    }

    /// <summary>Starts empty at <paramref name="position"/>: the feed's head when the silo starts.</summary>
    public void StartAt(long position)
    {
        lock (gate)
        {
            head = position;
            floor = position;
        }
    }

    /// <summary>Moves the head to <paramref name="position"/> (if later) holding nothing: the entries up to it are read from the store.</summary>
    public void SkipTo(long position)
    {
        lock (gate)
        {
            if (position <= head)
            {
                return;
            }

            Array.Clear(ring);
            start = 0;
            count = 0;
            head = position;
            floor = position;
        }
    }

    /// <summary>Adds dispatched entries (oldest first, all after the head); the oldest held fall out.</summary>
    public void Append(FeedEvent[] events)
    {
        lock (gate)
        {
            foreach (var feedEvent in events)
            {
                if (count == ring.Length)
                {
                    floor = ring[start].Position;
                    start = (start + 1) % ring.Length;
                    count--;
                }

                ring[(start + count) % ring.Length] = feedEvent;
                count++;
            }

            head = events[^1].Position;
        }
    }

    /// <summary>
    /// The entries in (<paramref name="after"/>, <paramref name="upTo"/>], at most <paramref name="limit"/>;
    /// a null page when some of them are no longer (or not yet) held. Floor: every entry after it is
    /// held (<see cref="long.MaxValue"/>: this read cannot be served from memory).
    /// </summary>
    public (List<FeedEvent>? Page, long Floor) Read(long after, long upTo, int limit)
    {
        lock (gate)
        {
            if (upTo > head)
            {
                return (null, long.MaxValue);
            }

            if (after < floor)
            {
                return (null, floor);
            }

            // Binary search for the first entry after 'after'.
            int low = 0, high = count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (ring[(start + middle) % ring.Length].Position <= after)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var page = new List<FeedEvent>(Math.Min(limit, count - low));
            for (var i = low; i < count && page.Count < limit; i++)
            {
                var feedEvent = ring[(start + i) % ring.Length];
                if (feedEvent.Position > upTo)
                {
                    break;
                }

                page.Add(feedEvent);
            }

            return (page, floor);
        }
    }
}
