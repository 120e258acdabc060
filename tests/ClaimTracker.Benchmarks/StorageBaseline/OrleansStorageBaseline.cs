using Npgsql;

namespace ClaimTracker.Benchmarks.StorageBaseline;

/// <summary>
/// The database side of the per-write baseline: a table of grain states and the three queries that
/// Orleans' ADO.NET grain storage reads at start-up from <c>OrleansQuery (QueryKey, QueryText)</c>.
/// A measurement baseline, not product schema: it lives with the benchmarks.
/// </summary>
/// <remarks>
/// The provider's contract: it binds @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
/// @GrainTypeString, @GrainIdExtensionString (null when none) and @ServiceId, for a write or clear also
/// @GrainStateVersion (null before the first write), for a write also @PayloadBinary. A write answers
/// one row with NewGrainStateVersion; answering the version it was given means "not written"
/// (optimistic concurrency: another activation wrote first). A read answers PayloadBinary and Version,
/// or no row. A clear answers the new version in its first column.
/// The natural key identifies a grain, so the hashes are not stored. The write and clear are PL/pgSQL
/// functions with typed arguments: the provider sends a null version or key extension without a type.
/// </remarks>
internal static class OrleansStorageBaseline
{
    private const string Schema = """
        CREATE TABLE baseline_grain_state (
            service_id  text    NOT NULL,
            grain_type  text    NOT NULL,
            key_n0      bigint  NOT NULL,
            key_n1      bigint  NOT NULL,
            key_ext     text    NOT NULL,  -- '' when the grain id has no extension
            version     integer NOT NULL,
            state       bytea,             -- null once cleared
            PRIMARY KEY (service_id, grain_type, key_n0, key_n1, key_ext)
        );

        CREATE FUNCTION baseline_write_grain_state(
            p_service_id text, p_grain_type text, p_key_n0 bigint, p_key_n1 bigint, p_key_ext text,
            p_expected_version integer, p_state bytea) RETURNS integer
        LANGUAGE plpgsql AS $fn$
        DECLARE
            written integer;
        BEGIN
            IF p_expected_version IS NULL THEN
                INSERT INTO baseline_grain_state (service_id, grain_type, key_n0, key_n1, key_ext, version, state)
                VALUES (p_service_id, p_grain_type, p_key_n0, p_key_n1, coalesce(p_key_ext, ''), 1, p_state)
                ON CONFLICT DO NOTHING
                RETURNING version INTO written;
            ELSE
                UPDATE baseline_grain_state SET version = version + 1, state = p_state
                WHERE service_id = p_service_id AND grain_type = p_grain_type AND key_n0 = p_key_n0
                  AND key_n1 = p_key_n1 AND key_ext = coalesce(p_key_ext, '') AND version = p_expected_version
                RETURNING version INTO written;
            END IF;
            -- Not written: answer the version the grain holds, which the provider reads as a conflict.
            RETURN coalesce(written, p_expected_version);
        END
        $fn$;

        CREATE FUNCTION baseline_clear_grain_state(
            p_service_id text, p_grain_type text, p_key_n0 bigint, p_key_n1 bigint, p_key_ext text,
            p_expected_version integer) RETURNS integer
        LANGUAGE plpgsql AS $fn$
        DECLARE
            cleared integer;
        BEGIN
            UPDATE baseline_grain_state SET version = version + 1, state = NULL
            WHERE service_id = p_service_id AND grain_type = p_grain_type AND key_n0 = p_key_n0
              AND key_n1 = p_key_n1 AND key_ext = coalesce(p_key_ext, '') AND version = p_expected_version
            RETURNING version INTO cleared;
            RETURN coalesce(cleared, p_expected_version);
        END
        $fn$;

        CREATE TABLE OrleansQuery (
            QueryKey   varchar(64) PRIMARY KEY,
            QueryText  text NOT NULL
        );
        """;

    private const string GrainArguments = "@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString::text";

    private static readonly (string Key, string Sql)[] Queries =
    [
        ("WriteToStorageKey", $"SELECT baseline_write_grain_state({GrainArguments}, @GrainStateVersion::integer, @PayloadBinary) AS " +
            $"\"NewGrainStateVersion\""),
        ("ReadFromStorageKey", """
            SELECT state AS "PayloadBinary", version AS "Version" FROM baseline_grain_state
            WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND key_n0 = @GrainIdN0
              AND key_n1 = @GrainIdN1 AND key_ext = coalesce(@GrainIdExtensionString::text, '')
            """),
        ("ClearStorageKey", $"SELECT baseline_clear_grain_state({GrainArguments}, @GrainStateVersion::integer)"),
    ];

    public static async Task InstallAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var schema = new NpgsqlCommand(Schema, connection))
        {
            await schema.ExecuteNonQueryAsync();
        }

        foreach (var (key, sql) in Queries)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ($1, $2)", connection);
            insert.Parameters.AddWithValue(key);
            insert.Parameters.AddWithValue(sql);
            await insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>What landed: grain rows, and the sum of their versions (one per acknowledged write).</summary>
    public static async Task<(long Grains, long Writes)> TallyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*), coalesce(sum(version), 0)::bigint FROM baseline_grain_state",
            connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
