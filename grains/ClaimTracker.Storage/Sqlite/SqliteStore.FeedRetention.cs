namespace ClaimTracker.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public override Task MarkFeedAsync(DateTimeOffset recordedAt, long position, CancellationToken cancellationToken = default) =>
        WriteAsync(scope =>
        {
            scope.Execute(InsertFeedMarkSql, ("@at", recordedAt.ToUnixTimeMilliseconds()), ("@position", position));
            return true;
        }).WaitAsync(cancellationToken);

    public override async Task<int> PruneFeedAsync(long throughPosition, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        var deleted = 0;
        // Through the writer like every other write: a prune is one more write of a group commit.
        await WriteAsync(scope =>
        {
            deleted = scope.Execute(PruneFeedSql, ("@through", throughPosition), ("@limit", maxEntries));
            return true;
        }).WaitAsync(cancellationToken);
        StorageMetrics.FeedPruned(deleted);
        return deleted;
    }

    public override Task ForgetFeedMarksAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken = default) =>
        WriteAsync(scope =>
        {
            scope.Execute(ForgetFeedMarksSql, ("@before", recordedBefore.ToUnixTimeMilliseconds()));
            return true;
        }).WaitAsync(cancellationToken);
}
