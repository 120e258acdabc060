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
        var done = Add(key, item);
        StartFlush(writeAsync);
        return done;
    }

    /// <summary>Queues <paramref name="items"/> so that they go out in one write, unless one is already queued or in
    /// flight; completes once every one is durable.</summary>
    public Task EnqueueAll(IEnumerable<(string Key, TItem Item)> items, Func<List<TItem>, Task<IReadOnlyList<TResult>>> writeAsync)
    {
        List<Task<TResult>>? pending = null;
        foreach (var (key, item) in items)
        {
            (pending ??= []).Add(Add(key, item));
        }

        StartFlush(writeAsync);
        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    private Task<TResult> Add(string key, TItem item)
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
        return done.Task;
    }

    private void StartFlush(Func<List<TItem>, Task<IReadOnlyList<TResult>>> writeAsync)
    {
        if (!flushing && queued is { Count: > 0 })
        {
            flushing = true;
            _ = FlushAsync(writeAsync);
        }
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
