namespace ClaimTracker.Grains.Journal;

/// <summary>
/// How a grain event-sourced over the journal gets its write through: after a failed write (whose
/// outcome is unknown) or a version conflict (another activation wrote first, during a membership
/// change), it reads the journal again and writes what is still missing, a few times at most.
/// </summary>
internal static class JournalRetry
{
    public const int MaxAttempts = 5;

    /// <param name="stream">What is being appended to, for the error message ("claim c-1").</param>
    /// <param name="appendAsync">Writes what the journal still lacks and applies it: true when done (also when nothing was left to write),
    /// false on a version conflict.</param>
    /// <param name="rereadAsync">Reads the journal again into the grain's state.</param>
    /// <param name="logRetry">Told about a failed attempt that will be retried.</param>
    public static async Task RunAsync(string stream, Func<Task<bool>> appendAsync, Func<Task> rereadAsync, Action<Exception, int> logRetry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await appendAsync())
                {
                    return;
                }
            }
            catch (Exception ex) when (attempt < MaxAttempts)
            {
                logRetry(ex, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(50 << attempt));
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"{stream}: the journal moved on {MaxAttempts} times while appending");
            }

            await rereadAsync();
        }
    }
}
