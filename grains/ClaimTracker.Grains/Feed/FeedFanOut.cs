namespace ClaimTracker.Grains.Feed;

/// <summary>
/// This silo's watchers and the handing of each dispatched entry to them. Each watcher has its own
/// bounded channel: one that falls behind is cut loose (its channel completes with
/// <see cref="FeedOverflowException"/>) and catches up from storage, so a slow client never slows the feed.
/// </summary>
internal sealed class FeedFanOut(RecentFeedEntries recent)
{
    private readonly Lock gate = new();
    private readonly List<FeedSubscription> subscribers = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return subscribers.Count;
            }
        }
    }

    /// <summary>
    /// A new watcher: every entry dispatched after its start position (the head now) that passes
    /// <paramref name="filter"/> reaches it.
    /// </summary>
    public FeedSubscription Subscribe(Func<FeedEventKey, bool> filter, int capacity)
    {
        // Under the gate, so no dispatch falls between reading the head and joining.
        lock (gate)
        {
            var subscription = new FeedSubscription(this, filter, capacity, recent.Head);
            subscribers.Add(subscription);
            return subscription;
        }
    }

    public void Remove(FeedSubscription subscription)
    {
        lock (gate)
        {
            subscribers.Remove(subscription);
        }
    }

    /// <summary>
    /// Hands <paramref name="events"/> (oldest first) to every watcher in one pass, then makes them the
    /// newest remembered: the first entry wakes a waiting watcher, the rest are in its buffer when it runs.
    /// </summary>
    public void Dispatch(FeedEvent[] events)
    {
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
                        FeedMetrics.Overflowed();
                        break;
                    }
                }
            }

            recent.Append(events);
        }
    }

    /// <summary>
    /// With nobody watching, moves the head to <paramref name="position"/> without reading the entries up to it: no one needs
    /// them live, and a watcher that comes later reads them from the store. False (nothing moved) when someone watches.
    /// Under the gate, so a watcher joins either before (and the entries are dispatched) or after (and it starts there).
    /// </summary>
    public bool SkipIfUnwatched(long position)
    {
        lock (gate)
        {
            if (subscribers.Count > 0)
            {
                return false;
            }

            recent.SkipTo(position);
            return true;
        }
    }

    /// <summary>Ends every watch (the feed stops).</summary>
    public void CompleteAll()
    {
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
