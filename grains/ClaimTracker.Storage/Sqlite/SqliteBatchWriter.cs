using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClaimTracker.Storage.Sqlite;

/// <summary>A write of a batch on the SQLite writer connection, inside the batch's transaction.</summary>
internal delegate bool SqliteWrite(SqliteWriteScope scope);

/// <summary>
/// The SQLite side of group commit: one long-lived writer connection whose commands are prepared once
/// and re-bound for every write (SQLite parses nothing on the hot path). Each write runs inside a
/// savepoint, so one that fails or returns false leaves no trace while the rest of its batch commits.
/// After a failure of the transaction itself the connection is closed and the next batch opens a new one.
/// </summary>
internal sealed class SqliteBatchWriter(Func<SqliteConnection> open) : IBatchWriter<SqliteWrite>
{
    private SqliteWriteScope? scope;

    public static GroupCommit<SqliteWrite> GroupCommit(Func<SqliteConnection> open) => new(new SqliteBatchWriter(open));

    public Task RunAsync(IReadOnlyList<SqliteWrite> writes, WriteOutcome[] outcomes)
    {
        var current = scope ??= new SqliteWriteScope(open());
        try
        {
            current.Control("BEGIN IMMEDIATE");
            for (var i = 0; i < writes.Count; i++)
            {
                current.Control("SAVEPOINT w");
                try
                {
                    outcomes[i] = new WriteOutcome(writes[i](current), null);
                }
                catch (Exception ex)
                {
                    outcomes[i] = new WriteOutcome(false, ex);
                }

                if (!outcomes[i].Committed)
                {
                    current.Control("ROLLBACK TO w");
                }

                // After ROLLBACK TO the savepoint is still open; RELEASE closes it either way.
                current.Control("RELEASE w");
            }

            current.Control("COMMIT");
            return Task.CompletedTask;
        }
        catch
        {
            // Whatever state the connection is in (a transaction still open, a statement mid-step),
            // a fresh one is the safe start for the next batch; closing it rolls back what is open.
            scope = null;
            current.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        scope?.Dispose();
        scope = null;
        return ValueTask.CompletedTask;
    }
}

/// <summary>The writer connection and its prepared commands, one per SQL text.</summary>
internal sealed class SqliteWriteScope(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs transaction control (BEGIN, SAVEPOINT, RELEASE, COMMIT …) straight on the connection's
    /// handle: four of these go with every write, and as commands each cost a data reader and its
    /// statement enumeration.
    /// </summary>
    public void Control(string sql) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(connection.Handle, sql), connection.Handle);

    public int Execute(string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        Bind(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        Bind(sql, parameters).ExecuteScalar();

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
        connection.Dispose();
    }

    private SqliteCommand Bind(string sql, ReadOnlySpan<(string Name, object Value)> parameters)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            command.Prepare();
            prepared.Add(sql, command);
            return command;
        }

        // Every call site passes one SQL text with the same parameters in the same order.
        var bound = command.Parameters;
        if (bound.Count != parameters.Length)
        {
            throw new ArgumentException($"expected {bound.Count} parameters for: {sql}", nameof(parameters));
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(bound[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"parameter {i} is {bound[i].ParameterName}, not {parameters[i].Name}, for: {sql}",
                    nameof(parameters));
            }

            bound[i].Value = parameters[i].Value;
        }

        return command;
    }
}
