namespace ClaimTracker.Storage;

/// <summary>What became of one write of a committed batch: kept, rolled back (false), or rolled back with an error.</summary>
internal readonly record struct WriteOutcome(bool Committed, Exception? Error);

/// <summary>Runs one batch of a <see cref="GroupCommit{TWrite}"/>.</summary>
internal interface IBatchWriter<TWrite> : IAsyncDisposable
{
    /// <summary>
    /// Runs <paramref name="writes"/> in one transaction and commits it. A write that returns false or
    /// throws has its own changes rolled back and its outcome recorded in <paramref name="outcomes"/>;
    /// the others still commit. Throws if the transaction as a whole failed (then nothing is durable).
    /// </summary>
    Task RunAsync(IReadOnlyList<TWrite> writes, WriteOutcome[] outcomes);
}
