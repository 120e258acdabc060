namespace ClaimTracker.Grains.Journal;

/// <summary>
/// Lets one journal write of a [Reentrant] grain run at a time, in arrival order. Used from the grain's own
/// scheduler (one turn at a time), so a chain of tasks needs no lock and nothing to dispose.
/// </summary>
internal sealed class WriteGate
{
    private Task tail = Task.CompletedTask;

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var previous = tail;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tail = done.Task;
        try
        {
            await previous;
            return await work();
        }
        finally
        {
            done.SetResult();

            // The last write leaves no finished task behind: an idle grain holds none.
            if (tail == done.Task)
            {
                tail = Task.CompletedTask;
            }
        }
    }
}
