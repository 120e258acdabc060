using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// Applies <see cref="PostgresSchema.Migrations"/> that the database has not seen. Safe when several
/// silos start at once: the whole run is one transaction that first takes a transaction-scoped
/// advisory lock, so concurrent runs queue behind each other and each later one finds the versions
/// already recorded in <c>schema_migrations</c> (PostgreSQL DDL is transactional: a failed run leaves
/// nothing behind).
/// </summary>
public static partial class PostgresMigrator
{
    /// <summary>The advisory lock key of the migration run ("ClaimTrk" as a 64-bit number).</summary>
    public const long LockKey = 0x436C61696D54726B;

    /// <summary>Applies the pending migrations; returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(
        string connectionString,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var done = new List<int>();
        foreach (var migration in PostgresSchema.Migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, description) VALUES (@v, @d)",
                connection,
                transaction);
            record.Parameters.AddWithValue("v", migration.Version);
            record.Parameters.AddWithValue("d", migration.Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
            done.Add(migration.Version);
            if (logger is not null)
            {
                LogApplied(logger, migration.Version, migration.Description);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version}: {Description}")]
    private static partial void LogApplied(ILogger logger, int version, string description);
}
