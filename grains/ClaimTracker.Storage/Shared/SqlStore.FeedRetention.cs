namespace ClaimTracker.Storage;

public abstract partial class SqlStore : IClaimFeedRetention
{
    /// <summary>Both dialects: a second mark at the same millisecond (another silo's) is the same fact.</summary>
    protected const string InsertFeedMarkSql =
        "INSERT INTO feed_marks (recorded_ms, position) VALUES (@at, @position) ON CONFLICT (recorded_ms) DO NOTHING";

    /// <summary>The oldest entries up to a position, never the newest one of the feed.</summary>
    protected const string PruneFeedSql = """
        DELETE FROM claim_feed WHERE position IN (
            SELECT position FROM claim_feed
            WHERE position <= @through AND position < (SELECT MAX(position) FROM claim_feed)
            ORDER BY position LIMIT @limit)
        """;

    protected const string ForgetFeedMarksSql = "DELETE FROM feed_marks WHERE recorded_ms < @before";

    private const string ReadFeedMarkSql =
        "SELECT recorded_ms, position FROM feed_marks WHERE recorded_ms <= @at ORDER BY recorded_ms DESC LIMIT 1";

    private const string ReadFeedFloorSql = "SELECT MIN(position) FROM claim_feed";

    public abstract Task MarkFeedAsync(DateTimeOffset recordedAt, long position, CancellationToken cancellationToken = default);

    public abstract Task<int> PruneFeedAsync(long throughPosition, int maxEntries, CancellationToken cancellationToken = default);

    public abstract Task ForgetFeedMarksAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default);

    public async Task<FeedMark?> ReadFeedMarkAsync(DateTimeOffset notAfter, CancellationToken cancellationToken = default)
    {
        var rows = await ReadRowsAsync(
            ReadFeedMarkSql,
            [("@at", notAfter.ToUnixTimeMilliseconds())],
            reader => new FeedMark(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetInt64(1)),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<long> ReadFeedFloorAsync(CancellationToken cancellationToken = default)
    {
        // Positions start at 1 and are contiguous: the entry before the oldest one kept is the last one pruned.
        var rows = await ReadRowsAsync(
            ReadFeedFloorSql, [], reader => reader.IsDBNull(0) ? 0L : reader.GetInt64(0) - 1, cancellationToken);
        return rows[0];
    }
}
