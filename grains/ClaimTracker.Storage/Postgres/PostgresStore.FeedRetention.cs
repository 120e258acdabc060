namespace ClaimTracker.Storage.Postgres;

public sealed partial class PostgresStore
{
    // Outside the group commit: no append waits for these, and a prune's deletes touch rows no append writes.
    public override async Task MarkFeedAsync(DateTimeOffset recordedAt, long position, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(InsertFeedMarkSql);
        command.Parameters.AddWithValue("at", recordedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("position", position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<int> PruneFeedAsync(long throughPosition, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        await using var command = dataSource.CreateCommand(PruneFeedSql);
        command.Parameters.AddWithValue("through", throughPosition);
        command.Parameters.AddWithValue("limit", maxEntries);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        StorageMetrics.FeedPruned(deleted);
        return deleted;
    }

    public override async Task ForgetFeedMarksAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ForgetFeedMarksSql);
        command.Parameters.AddWithValue("before", recordedBefore.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
