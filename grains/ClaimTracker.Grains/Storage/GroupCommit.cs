using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;

namespace ClaimTracker.Grains.Storage;

/// <summary>
/// Group commit: writes queue up, and one writer runs as many as are waiting in one transaction, each
/// inside its own savepoint, and commits once. A caller's task completes only after the commit that
/// holds its write, so "durable before acknowledged" costs one flush per batch rather than per write
/// (and, on PostgreSQL, one hold of the <c>feed_head</c> lock per batch).
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<DbConnection>> open;
    private readonly Func<Exception, bool> isConflict;
    private readonly Lazy<Task> writer;

    /// <param name="open">Opens a connection for one batch.</param>
    /// <param name="isConflict">Whether a write's exception means "someone else wrote first": it then returns false instead of failing.</param>
    public GroupCommit(Func<CancellationToken, Task<DbConnection>> open, Func<Exception, bool> isConflict)
    {
        this.open = open;
        this.isConflict = isConflict;
        writer = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Runs <paramref name="work"/> in the next batch; false from it rolls back only its own changes.</summary>
    public Task<bool> WriteAsync(Func<DbConnection, DbTransaction, Task<bool>> work)
    {
        var pending = new PendingWrite(work, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);
        _ = writer.Value;
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer.IsValueCreated)
        {
            await writer.Value;
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await RunBatchAsync(batch);
            }
            catch (Exception ex)
            {
                // The transaction failed as a whole (connection lost, deadlock victim, failed commit):
                // nothing in it is durable, and each caller's own retry takes over.
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        var results = new (bool Committed, Exception? Error)[batch.Count];
        await using (var connection = await open(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "w" + i.ToString(CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint);
                try
                {
                    results[i] = (await batch[i].Work(connection, transaction), null);
                }
                catch (Exception ex)
                {
                    results[i] = (false, isConflict(ex) ? null : ex);
                }

                if (results[i].Committed)
                {
                    await transaction.ReleaseAsync(savepoint);
                }
                else
                {
                    await transaction.RollbackAsync(savepoint);
                }
            }

            await transaction.CommitAsync();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i].Committed);
            }
        }
    }

    private sealed record PendingWrite(Func<DbConnection, DbTransaction, Task<bool>> Work, TaskCompletionSource<bool> Done);
}
