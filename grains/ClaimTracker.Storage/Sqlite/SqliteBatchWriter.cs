using System.Globalization;
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

/// <summary>
/// The writer connection and its prepared statements, one per SQL text. Statements run on SQLite's own handles
/// (prepare once; bind, step and reset for every write): a write makes about a dozen of them per statement stored, and as
/// ADO.NET commands each cost a data reader, a statement enumerator and a binder per parameter.
/// </summary>
internal sealed class SqliteWriteScope(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, PreparedStatement> prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs transaction control (BEGIN, SAVEPOINT, RELEASE, COMMIT …), prepared once like the writes: four of these go
    /// with every write, and none is parsed again.
    /// </summary>
    public void Control(string sql) => Execute(sql);

    /// <summary>Runs one SQL statement; the number of rows it inserted, updated or deleted.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var statement = Bind(sql, parameters);
        try
        {
            var rc = raw.sqlite3_step(statement);
            while (rc == raw.SQLITE_ROW)
            {
                rc = raw.sqlite3_step(statement);
            }

            Check(rc);
            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>The first column of the first row (null when there is none or it is NULL).</summary>
    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var statement = Bind(sql, parameters);
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW)
            {
                Check(rc);
                return null;
            }

            return raw.sqlite3_column_type(statement, 0) switch
            {
                raw.SQLITE_NULL => null,
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, 0),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, 0).ToArray(),
                _ => raw.sqlite3_column_text(statement, 0).utf8_to_string(),
            };
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose()
    {
        foreach (var statement in prepared.Values)
        {
            statement.Handle.Dispose();
        }

        prepared.Clear();
        connection.Dispose();
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    private sqlite3_stmt Bind(string sql, ReadOnlySpan<(string Name, object Value)> parameters)
    {
        if (!prepared.TryGetValue(sql, out var statement))
        {
            statement = Prepare(sql, parameters);
            prepared.Add(sql, statement);
        }

        // Every call site passes one SQL text with the same parameters in the same order.
        var names = statement.Names;
        if (names.Length != parameters.Length)
        {
            throw new ArgumentException($"expected {names.Length} parameters for: {sql}", nameof(parameters));
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(names[i], parameters[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"parameter {i} is {names[i]}, not {parameters[i].Name}, for: {sql}", nameof(parameters));
            }

            BindValue(statement.Handle, statement.Indexes[i], parameters[i].Value);
        }

        return statement.Handle;
    }

    private PreparedStatement Prepare(string sql, ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var rc = raw.sqlite3_prepare_v3(connection.Handle, sql, raw.SQLITE_PREPARE_PERSISTENT, out var handle, out var tail);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        if (handle.IsInvalid || !string.IsNullOrWhiteSpace(tail))
        {
            handle.Dispose();
            throw new ArgumentException($"one SQL statement expected: {sql}", nameof(sql));
        }

        var names = new string[parameters.Length];
        var indexes = new int[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            names[i] = parameters[i].Name;
            indexes[i] = raw.sqlite3_bind_parameter_index(handle, names[i]);
            if (indexes[i] == 0)
            {
                handle.Dispose();
                throw new ArgumentException($"no parameter {names[i]} in: {sql}", nameof(parameters));
            }
        }

        if (raw.sqlite3_bind_parameter_count(handle) != parameters.Length)
        {
            handle.Dispose();
            throw new ArgumentException($"every parameter of the SQL must be passed: {sql}", nameof(parameters));
        }

        return new PreparedStatement(handle, names, indexes);
    }

    /// <summary>The values the store writes: text, integers (and enums), reals, blobs and NULL.</summary>
    private void BindValue(sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(statement, index, 0),
            byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(statement, index, real),
            float real => raw.sqlite3_bind_double(statement, index, real),
            Enum member => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(member, CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"cannot store a {value.GetType().Name} in SQLite", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    private sealed record PreparedStatement(sqlite3_stmt Handle, string[] Names, int[] Indexes);
}
