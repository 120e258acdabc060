using System.Diagnostics;
using System.Threading.Channels;

namespace ClaimTracker.Storage;

/// <summary>
/// Group commit: writes queue up, and one writer runs as many as are waiting in one transaction, each
/// isolated from the others (see <see cref="IBatchWriter{TWrite}"/>), and commits once. A caller's task
/// completes only after the commit that holds its write, so "durable before acknowledged" costs one
/// flush per batch rather than per write (and, on PostgreSQL, one short hold of the <c>feed_head</c> lock per batch,
/// at its end). With more than one writer, as many batches run at once, each on its own connection (PostgreSQL: a second
/// backend works while the first commits); a write is in exactly one of them.
/// </summary>
internal sealed class GroupCommit<TWrite> : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingWrite> queue;
    private readonly IBatchWriter<TWrite> batchWriter;
    private readonly Lazy<Task> writer;

    /// <param name="writers">How many batches may run at once (1: one transaction at a time); the batch writer must allow as
    /// many concurrent runs.</param>
    public GroupCommit(IBatchWriter<TWrite> batchWriter, int writers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        this.batchWriter = batchWriter;
        queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = writers == 1 });
        writer = new Lazy<Task>(() => Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync))));
    }

    /// <summary>Runs <paramref name="work"/> in the next batch; false from it rolls back only its own changes.</summary>
    public Task<bool> WriteAsync(TWrite work)
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

        await batchWriter.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        var writes = new List<TWrite>(MaxBatch);
        var outcomes = new WriteOutcome[MaxBatch];
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            writes.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                writes.Add(pending.Work);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                Array.Clear(outcomes);
                await batchWriter.RunAsync(writes, outcomes);
                StorageMetrics.Committed(batch.Count);
            }
            catch (Exception ex)
            {
                // The transaction failed as a whole (connection lost, deadlock victim, failed commit):
                // nothing in it is durable, and each caller's own retry takes over.
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }

                continue;
            }
            finally
            {
                StorageMetrics.BatchRan(Stopwatch.GetElapsedTime(started));
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Error is { } error)
                {
                    batch[i].Done.TrySetException(error);
                }
                else
                {
                    batch[i].Done.TrySetResult(outcomes[i].Committed);
                }
            }
        }
    }

    private sealed record PendingWrite(TWrite Work, TaskCompletionSource<bool> Done);
}
