using System.Data.Common;
using System.Globalization;

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
    public static GroupCommit<DbWrite> GroupCommit(Func<CancellationToken, Task<DbConnection>> open, Func<Exception, bool> isConflict) =>
        new(new PooledBatchWriter(open, isConflict));

    public async Task RunAsync(IReadOnlyList<DbWrite> writes, WriteOutcome[] outcomes)
    {
        await using var connection = await open(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < writes.Count; i++)
        {
            var savepoint = "w" + i.ToString(CultureInfo.InvariantCulture);
            await transaction.SaveAsync(savepoint);
            try
            {
                outcomes[i] = new WriteOutcome(await writes[i](connection, transaction), null);
            }
            catch (Exception ex)
            {
                outcomes[i] = new WriteOutcome(false, isConflict(ex) ? null : ex);
            }

            if (outcomes[i].Committed)
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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
