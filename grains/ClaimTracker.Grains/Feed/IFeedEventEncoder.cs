namespace ClaimTracker.Grains.Feed;

/// <summary>
/// The front door's wire form of a feed entry. When one is registered, <see cref="ClaimFeed"/> encodes
/// each entry once, when a watcher first needs it, and every watcher of the silo sends those same bytes
/// (<see cref="FeedEvent.Encoded"/>) instead of mapping and serializing the entry itself.
/// </summary>
public interface IFeedEventEncoder
{
    byte[] Encode(long position, ClaimChange change);
}
