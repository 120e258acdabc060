using System.Globalization;

namespace ClaimTracker.Grains.Feed;

/// <summary>
/// A WatchClaims resume point: the position of an event in the durable claim feed. Positions are
/// assigned when the event's journal append commits, and the feed is read in position order, so
/// "strictly after cursor" is exactly the events the client has not seen.
/// </summary>
public static class FeedCursor
{
    private const string Prefix = "f";

    public static string Format(long position) => Prefix + position.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? cursor, out long position)
    {
        position = 0;
        return cursor is not null
            && cursor.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(cursor.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out position)
            && position >= 0;
    }
}
