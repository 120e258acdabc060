using System.Globalization;
using System.Text;
using Npgsql;

namespace ClaimTracker.Benchmarks;

/// <summary>
/// Where a database's time goes in a measured window, from <c>pg_stat_statements</c> (the server must preload it): per SQL
/// statement its calls, execution and planning time and rows, per unit of work; and per table its indexes, rows inserted
/// and updated, and how many updates were HOT (no new index entries). Savepoint names are folded into one line.
/// </summary>
internal sealed class PostgresStatementProfile
{
    /// <summary>The server setting that loads the extension; pass it to the throwaway server's start.</summary>
    public const string Setting = "shared_preload_libraries=pg_stat_statements";

    /// <summary>Also times planning (off by default in PostgreSQL).</summary>
    public const string PlanningSetting = "pg_stat_statements.track_planning=on";

    private readonly string connectionString;

    private PostgresStatementProfile(string connectionString) => this.connectionString = connectionString;

    /// <summary>Installs the extension in the database and clears its counters and the tables' counters.</summary>
    public static async Task<PostgresStatementProfile> StartAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand(
            "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset(); SELECT pg_stat_reset();",
            connection);
        await reset.ExecuteNonQueryAsync();
        return new PostgresStatementProfile(connectionString);
    }

    public async Task<string> DescribeAsync(long units, string unit)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"PostgreSQL statements in the window, per {unit} (µs execution + planning, calls, rows; by execution time):");
        await using (var statements = new NpgsqlCommand("""
            SELECT regexp_replace(regexp_replace(query, '\s+', ' ', 'g'), '(SAVEPOINT|RELEASE|ROLLBACK TO SAVEPOINT) w[0-9]+', '\1 wN'),
                   sum(calls), sum(total_exec_time), sum(total_plan_time), sum(rows)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            GROUP BY 1 ORDER BY 3 DESC LIMIT 25
            """, connection))
        {
            await using var reader = await statements.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var query = reader.GetString(0);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {reader.GetDouble(2) * 1000 / units,7:N1} + {reader.GetDouble(3) * 1000 / units,5:N1} µs  " +
                    $"{reader.GetDecimal(1) / units,5:N2} calls  {reader.GetDecimal(4) / units,5:N2} rows  " +
                    $"{(query.Length > 110 ? query[..110] + "…" : query)}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"tables, per {unit}: indexes, rows inserted, rows updated (HOT of them), size");
        await using (var tables = new NpgsqlCommand("""
            SELECT t.relname, (SELECT count(*) FROM pg_index i WHERE i.indrelid = t.relid), t.n_tup_ins, t.n_tup_upd, t.n_tup_hot_upd,
                   pg_total_relation_size(t.relid)
            FROM pg_stat_user_tables t WHERE t.n_tup_ins + t.n_tup_upd > 0 ORDER BY t.n_tup_ins + t.n_tup_upd DESC
            """, connection))
        {
            await using var reader = await tables.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {reader.GetString(0),-16} {reader.GetInt64(1),2} indexes  {reader.GetInt64(2) / (double)units,5:N2} inserted  " +
                    $"{reader.GetInt64(3) / (double)units,5:N2} updated ({reader.GetInt64(4) / (double)units:N2} HOT)  " +
                    $"{reader.GetInt64(5) / 1048576.0,6:N1} MB");
            }
        }

        return text.ToString().TrimEnd();
    }
}
