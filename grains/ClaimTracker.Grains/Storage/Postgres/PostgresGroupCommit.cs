using System.Threading.Channels;
using Npgsql;

namespace ClaimTracker.Grains.Storage.Postgres;

/// <summary>
/// Group commit for one silo's writes to PostgreSQL: queued writes run in one transaction, each in its
/// own savepoint, and commit together. Every claim append ends by taking feed positions under the
/// single <c>feed_head</c> row lock, which is held to commit; batching turns one lock hold and one
/// WAL flush per append into one per batch. A caller's task completes only after its batch commits.
/// </summary>
internal sealed class PostgresGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private const string UniqueViolation = "23505";
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource dataSource;
    private readonly Lazy<Task> writer;

    public PostgresGroupCommit(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        writer = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Runs <paramref name="work"/> in the next batch; false from it (or a unique violation) undoes only its own changes.</summary>
    public Task<bool> WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> work)
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
                // nothing in it is durable; each caller's own retry logic takes over.
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
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint);
                try
                {
                    results[i] = (await batch[i].Work(connection, transaction), null);
                }
                catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
                {
                    // Another writer appended at this version (or this event) first.
                    results[i] = (false, null);
                }
                catch (PostgresException ex)
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

    private sealed record PendingWrite(Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> Work, TaskCompletionSource<bool> Done);
}
