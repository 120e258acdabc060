using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.Grains.Storage;

/// <summary>
/// Group commit for the embedded store: writes queue up and one writer runs as many as are waiting
/// in one transaction, each inside its own savepoint, and commits once. An fsync per transaction
/// rather than per write is what lets many concurrent reports be durable before they are
/// acknowledged: a caller's task completes only after the commit that holds its write.
/// </summary>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> open;
    private readonly Lazy<Task> writer;

    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        this.open = open;
        writer = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Runs <paramref name="work"/> in the next batch; false from it rolls back only its own changes.</summary>
    public Task<bool> WriteAsync(Func<SqliteConnection, SqliteTransaction, Task<bool>> work)
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
        SqliteConnection? connection = null;
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                try
                {
                    connection ??= await open(CancellationToken.None);
                    await RunBatchAsync(connection, batch);
                }
                catch (Exception ex)
                {
                    // The commit (or the connection) failed: nothing in this batch is durable.
                    foreach (var pending in batch)
                    {
                        pending.Done.TrySetException(ex);
                    }

                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task RunBatchAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        var results = new (bool Committed, Exception? Error)[batch.Count];
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint);
                try
                {
                    results[i] = (await batch[i].Work(connection, transaction), null);
                }
                catch (Exception ex)
                {
                    results[i] = (false, ex);
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

    private sealed record PendingWrite(Func<SqliteConnection, SqliteTransaction, Task<bool>> Work, TaskCompletionSource<bool> Done);
}
