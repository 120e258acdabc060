using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClaimTracker.Server.Api;

/// <summary>
/// Tells a store that cannot be reached (PostgreSQL down or restarting, a connection dropped, the SQLite
/// file locked or unreadable) from a fault in the request or the code: the first is worth retrying.
/// </summary>
internal static class StoreOutage
{
    /// <summary>How long a client should wait before it retries, sent as the <c>retry-after</c> trailer (seconds).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // SQLite primary result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN.
    private static readonly HashSet<int> TransientSqliteCodes = [5, 6, 10, 13, 14];

    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage))
            {
                return true;
            }

            if (IsOutageItself(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOutageItself(Exception exception) => exception switch
    {
        // Class 08: connection exceptions; 57P01–57P03: the server shuts down or is starting; 53: out of resources.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal),
        // Any other Npgsql failure is one of the connection: it could not be opened, or broke mid-command.
        NpgsqlException => true,
        SqliteException sqlite => TransientSqliteCodes.Contains(sqlite.SqliteErrorCode),
        SocketException => true,
        _ => false,
    };
}
