using System.Globalization;
using Npgsql;

namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// A write of a PostgreSQL group commit: adds its commands to the batch, and returns the check that
/// decides, once the batch has run, whether the write stands (false: its changes are undone).
/// </summary>
internal delegate Func<bool> PostgresWrite(PostgresWriteBatch batch);

/// <summary>The commands of a group commit's transaction, and the feed rows its writes leave for its end.</summary>
internal sealed class PostgresWriteBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresFeedTail feed)
    : NpgsqlBatch(connection, transaction)
{
    public PostgresFeedTail Feed => feed;
}

/// <summary>
/// Runs a group commit's writes on one pooled connection in one transaction, pipelined: all writes go
/// to the server in one batch, each after a savepoint of its own, so a batch of a hundred writes costs
/// one round trip and the commit, not a few round trips per write. A write whose check fails is undone
/// with everything after it (savepoints nest), and those after it run again in the next batch; so does
/// a write whose command fails (a conflict, or an error reported to that write alone). The feed rows
/// of the writes that stand go in last, all in one statement (<see cref="PostgresFeedTail"/>). Runs share nothing, so
/// several may run at once, each on its own connection.
/// </summary>
internal sealed class PostgresBatchWriter(
    NpgsqlDataSource dataSource,
    Func<PostgresException, bool> isConflict) : IBatchWriter<PostgresWrite>
{
    /// <param name="isConflict">Whether a command's error means "someone else wrote first": the write then returns false instead of
    /// failing.</param>
    /// <param name="inFlight">How many group commits may run at once.</param>
    public static GroupCommit<PostgresWrite> GroupCommit(
        NpgsqlDataSource dataSource,
        Func<PostgresException, bool> isConflict,
        int inFlight = 1) =>
        new(new PostgresBatchWriter(dataSource, isConflict), inFlight);

    public async Task RunAsync(IReadOnlyList<PostgresWrite> writes, WriteOutcome[] outcomes)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var checks = new Func<bool>?[writes.Count];
        var start = 0;
        var feed = new PostgresFeedTail();
        while (start < writes.Count)
        {
            await using var batch = new PostgresWriteBatch(connection, transaction, feed);
            var owners = new List<int>();
            feed.DropFrom(start);
            for (var i = start; i < writes.Count; i++)
            {
                Add(batch, owners, i, "SAVEPOINT " + Savepoint(i));
                var before = batch.BatchCommands.Count;
                feed.CurrentWrite = i;
                try
                {
                    checks[i] = writes[i](batch);
                }
                catch (Exception ex)
                {
                    // The write could not even say what to run: it fails alone.
                    while (batch.BatchCommands.Count > before)
                    {
                        batch.BatchCommands.RemoveAt(batch.BatchCommands.Count - 1);
                    }

                    checks[i] = null;
                    outcomes[i] = new WriteOutcome(false, ex);
                }

                owners.AddRange(Enumerable.Repeat(i, batch.BatchCommands.Count - owners.Count));
            }

            // Which writes ran: all of them, or those before the one whose command failed.
            var ran = writes.Count;
            PostgresException? failure = null;
            try
            {
                await batch.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex) when (FailedCommand(ex, batch) is var at and >= 0)
            {
                failure = ex;
                ran = owners[at];
                await ExecuteAsync(connection, transaction, "ROLLBACK TO SAVEPOINT " + Savepoint(ran));
            }

            var refused = FirstRefused(checks, start, ran);
            if (refused >= 0)
            {
                // Undo it and all after it; those after it run again.
                await ExecuteAsync(connection, transaction, "ROLLBACK TO SAVEPOINT " + Savepoint(refused));
                MarkCommitted(checks, outcomes, start, refused);
                outcomes[refused] = new WriteOutcome(false, null);
                start = refused + 1;
                continue;
            }

            MarkCommitted(checks, outcomes, start, ran);
            if (failure is null)
            {
                break;
            }

            outcomes[ran] = new WriteOutcome(false, isConflict(failure) ? null : failure);
            start = ran + 1;
        }

        await using (var last = new NpgsqlBatch(connection, transaction))
        {
            if (feed.AddTo(last, outcomes))
            {
                await last.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// The index of the batch command that failed, or -1 if unknown (then the batch fails as a whole).
    /// Npgsql leaves <see cref="NpgsqlException.BatchCommand"/> unset here; the server stops at the
    /// failing command, which is the first one that never completed (its statement type still unknown).
    /// </summary>
    private static int FailedCommand(PostgresException exception, NpgsqlBatch batch)
    {
        if (exception.BatchCommand is { } reported)
        {
            return batch.BatchCommands.IndexOf(reported);
        }

        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].StatementType == StatementType.Unknown)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Savepoint(int write) => "w" + write.ToString(CultureInfo.InvariantCulture);

    private static void Add(NpgsqlBatch batch, List<int> owners, int write, string sql)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        owners.Add(write);
    }

    /// <summary>The first write in [start, end) whose check says it does not stand, or -1.</summary>
    private static int FirstRefused(Func<bool>?[] checks, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (checks[i] is { } check && !check())
            {
                return i;
            }
        }

        return -1;
    }

    private static void MarkCommitted(Func<bool>?[] checks, WriteOutcome[] outcomes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (checks[i] is not null)
            {
                outcomes[i] = new WriteOutcome(true, null);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
