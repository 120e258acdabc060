namespace ClaimTracker.Grains.Journal;

/// <summary>
/// The write side of a grain event-sourced over the journal: items (statements, events) queue while a
/// journal write is in flight and go out together in the next one, so a busy grain pays one commit
/// round trip per batch, not per item. An item already queued or in flight under the same key is not
/// queued twice: its caller shares the first caller's result. Used from the grain's own scheduler (a
/// [Reentrant] grain), so it needs no locks.
/// </summary>
internal sealed class JournalWriteQueue<TItem, TResult>
{
    // Allocated while writes are pending only: most grains sit idle between them.
    private List<(string Key, TItem Item, TaskCompletionSource<TResult> Done)>? queued;
    private Dictionary<string, Task<TResult>>? inFlight;
    private bool flushing;

    /// <summary>Queues <paramref name="item"/> for the next journal write; completes once that write is durable.</summary>
    /// <param name="writeAsync">Writes a batch, oldest first, and returns one result per item in order (the grain's method: a
    /// delegate is not kept between writes, so an idle grain holds no more than this queue's empty fields).</param>
    public Task<TResult> Enqueue(string key, TItem item, Func<List<TItem>, Task<IReadOnlyList<TResult>>> writeAsync)
    {
        inFlight ??= new Dictionary<string, Task<TResult>>(StringComparer.Ordinal);
        if (inFlight.TryGetValue(key, out var pending))
        {
            return pending;
        }

        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        queued ??= [];
        queued.Add((key, item, done));
        inFlight[key] = done.Task;
        if (!flushing)
        {
            flushing = true;
            _ = FlushAsync(writeAsync);
        }

        return done.Task;
    }

    private async Task FlushAsync(Func<List<TItem>, Task<IReadOnlyList<TResult>>> writeAsync)
    {
        try
        {
            while (queued is { Count: > 0 })
            {
                var batch = queued;
                queued = null;
                try
                {
                    var results = await writeAsync(batch.ConvertAll(b => b.Item));
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.TrySetResult(results[i]);
                    }
                }
                catch (Exception ex)
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                }
                finally
                {
                    batch.ForEach(b => inFlight!.Remove(b.Key));
                }
            }
        }
        finally
        {
            flushing = false;
            queued = null;
            inFlight = null;
        }
    }
}
