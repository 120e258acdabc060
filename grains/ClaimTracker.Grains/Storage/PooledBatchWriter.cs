using System.Data.Common;

namespace ClaimTracker.Grains.Storage;

/// <summary>A write of a batch on a pooled ADO.NET connection, inside the batch's transaction.</summary>
internal delegate Task<bool> DbWrite(DbConnection connection, DbTransaction transaction);

/// <summary>
/// Runs each batch on a connection taken from the provider's pool, each write inside its own savepoint
/// (PostgreSQL: a failed statement aborts the transaction unless rolled back to a savepoint).
/// </summary>
internal sealed class PooledBatchWriter(Func<CancellationToken, Task<DbConnection>> open, Func<Exception, bool> isConflict) : IBatchWriter<DbWrite>
{
    /// <param name="open">Opens a connection for one batch.</param>
    /// <param name="isConflict">Whether a write's exception means "someone else wrote first": it then returns false instead of failing.</param>
    private const string Savepoint = "w";

    public static GroupCommit<DbWrite> GroupCommit(Func<CancellationToken, Task<DbConnection>> open, Func<Exception, bool> isConflict) =>
        new(new PooledBatchWriter(open, isConflict));

    public async Task RunAsync(IReadOnlyList<DbWrite> writes, WriteOutcome[] outcomes)
    {
        await using var connection = await open(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < writes.Count; i++)
        {
            // One name for all: a savepoint of the same name nests, and ROLLBACK TO undoes the newest.
            // A write that succeeds keeps its savepoint open until commit, since releasing it would
            // cost a round trip per write.
            await transaction.SaveAsync(Savepoint);
            try
            {
                outcomes[i] = new WriteOutcome(await writes[i](connection, transaction), null);
            }
            catch (Exception ex)
            {
                outcomes[i] = new WriteOutcome(false, isConflict(ex) ? null : ex);
            }

            if (!outcomes[i].Committed)
            {
                await transaction.RollbackAsync(Savepoint);
                await transaction.ReleaseAsync(Savepoint);
            }
        }

        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
