using System.Data.Common;
using System.Globalization;
using ClaimTracker.Analysis.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a committed append
/// survives a crash. All writes go through one group-committing writer (SQLite has one writer
/// anyway): concurrent appends share a transaction and its fsync.
/// </summary>
public sealed partial class SqliteStore : SqlStore, IAsyncDisposable
{
    private readonly string connectionString;
    private readonly string writerConnectionString;
    private readonly int writerCacheKilobytes;
    private readonly int pageSize;
    private readonly int checkpointMegabytes;
    private readonly GroupCommit<SqliteWrite> groupCommit;
    private readonly Lazy<Task> initialization;
    private readonly KnownAliases aliases = new();

    public SqliteStore(IOptions<StorageOptions> options)
    {
        var path = options.Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        // The writer lives as long as the store: kept out of the readers' pool, its large cache never serves a reader.
        writerConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        writerCacheKilobytes = options.Value.WriterCacheMegabytes is >= 1 and <= 65536 and var megabytes
            ? megabytes * 1024
            : throw new ArgumentOutOfRangeException(
                nameof(options), options.Value.WriterCacheMegabytes, "Storage:WriterCacheMegabytes must be between 1 and 65536");
        pageSize = options.Value.PageSizeBytes is >= 512 and <= 65536 and var size && int.IsPow2(size)
            ? size
            : throw new ArgumentOutOfRangeException(
                nameof(options), options.Value.PageSizeBytes, "Storage:PageSizeBytes must be a power of two between 512 and 65536");
        checkpointMegabytes = options.Value.CheckpointMegabytes is >= 1 and <= 65536 and var log
            ? log
            : throw new ArgumentOutOfRangeException(
                nameof(options), options.Value.CheckpointMegabytes, "Storage:CheckpointMegabytes must be between 1 and 65536");
        initialization = new Lazy<Task>(InitializeAsync);
        groupCommit = SqliteBatchWriter.GroupCommit(OpenWriter);
    }

    public ValueTask DisposeAsync() => groupCommit.DisposeAsync();

    public override Task<bool> AppendClaimAsync(
        string claimId, int expectedVersion, IReadOnlyList<JournalAppend> events, IReadOnlyList<byte[]> feedEntries, ClaimRow projection) =>
        WriteAsync(scope =>
        {
            if (!AppendJournal(scope, JournalStreams.Claim(claimId), expectedVersion, events))
            {
                return false;
            }

            foreach (var entry in feedEntries)
            {
                scope.Execute(
                    "INSERT INTO claim_feed (claim_id, payload) VALUES ($claim, $payload)",
                    ("$claim", claimId),
                    ("$payload", entry));
            }

            WriteClaimListRows(scope, claimId, projection);
            foreach (var actorId in projection.ActorIds)
            {
                scope.Execute(
                    "INSERT OR IGNORE INTO claim_actors (actor_id, claim_id) VALUES ($actor, $claim)",
                    ("$actor", actorId),
                    ("$claim", claimId));
            }

            return true;
        });

    public override Task<bool> AppendActorAsync(
        string actorId,
        int expectedVersion,
        IReadOnlyList<JournalAppend> events,
        ActorRow projection) =>
        WriteAsync(scope =>
        {
            if (!AppendJournal(scope, JournalStreams.Actor(actorId), expectedVersion, events))
            {
                return false;
            }

            var names = projection.NormalizedNames();
            scope.Execute("""
                INSERT INTO actors (actor_id, names_norm, snapshot) VALUES ($actor, $names, $snapshot)
                ON CONFLICT (actor_id) DO UPDATE SET names_norm = excluded.names_norm, snapshot = excluded.snapshot
                """,
                ("$actor", actorId), ("$names", names), ("$snapshot", projection.Snapshot));
            return true;
        });

    public override async Task<long> ReadFeedHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM claim_feed";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public override Task WriteReportAsync(string reportId, byte[] payload, ReportRow? row = null) =>
        WriteAsync(scope =>
        {
            scope.Execute("""
                INSERT INTO reports (report_id, payload) VALUES ($id, $payload)
                ON CONFLICT (report_id) DO UPDATE SET payload = excluded.payload
                """, ("$id", reportId), ("$payload", payload));
            if (row is not null)
            {
                WriteReportListRow(scope, reportId, row);
            }

            return true;
        });

    public override async Task<string[]> ResolveActorIdsAsync(IReadOnlyList<ActorAliasCandidate> candidates)
    {
        // Most aliases are known after the first few reports: look them up without taking the writer.
        var pinned = await PinnedActorsAsync(candidates);
        var known = await LookUpAliasesAsync(candidates.SelectMany(c => c.AliasKeys));
        var resolved = candidates.Select((c, i) =>
            pinned[i] ?? c.AliasKeys.Select(known.GetValueOrDefault).FirstOrDefault(id => id is not null) ?? c.ProposedId).ToArray();
        if (candidates.All(c => c.AliasKeys.All(known.ContainsKey)))
        {
            return resolved;
        }

        var registered = new List<(string Key, string ActorId)>();
        await WriteAsync(scope =>
        {
            registered.Clear();
            for (var i = 0; i < candidates.Count; i++)
            {
                foreach (var key in pinned[i] is null ? candidates[i].AliasKeys : [])
                {
                    if (scope.Scalar("SELECT actor_id FROM actor_aliases WHERE alias_key = $key", ("$key", key)) is string winner)
                    {
                        resolved[i] = winner;
                        break;
                    }
                }

                foreach (var key in candidates[i].AliasKeys)
                {
                    if (scope.Execute(
                        "INSERT OR IGNORE INTO actor_aliases (alias_key, actor_id) VALUES ($key, $actor)",
                        ("$key", key),
                        ("$actor", resolved[i])) == 1)
                    {
                        registered.Add((key, resolved[i]));
                    }
                }
            }

            return true;
        });

        // Committed. Only the keys this write registered are known for sure here: a key it left alone
        // may belong to another actor, and is cached when a lookup reads it.
        foreach (var (key, actorId) in registered)
        {
            aliases.Remember(key, actorId);
        }

        return resolved;
    }

    private async Task<Dictionary<string, string>> LookUpAliasesAsync(IEnumerable<string> keys)
    {
        var (known, unknown) = aliases.Split(keys);
        if (unknown is null)
        {
            return known;
        }

        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        var names = unknown.Select((key, i) =>
        {
            var name = "$k" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, key);
            return name;
        });
        command.CommandText = $"SELECT alias_key, actor_id FROM actor_aliases WHERE alias_key IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            aliases.Learn(known, reader.GetString(0), reader.GetString(1));
        }

        return known;
    }

    public override Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> entries) =>
        WriteAsync(scope =>
        {
            foreach (var entry in entries)
            {
                scope.Execute("INSERT OR IGNORE INTO claim_index (claim_id, text, embedding) VALUES ($claim, $text, $embedding)",
                    ("$claim", entry.ClaimId), ("$text", entry.Text), ("$embedding", EmbeddingCodec.ToBytes(entry.Embedding)));
            }

            return true;
        });

    /// <summary>
    /// Appends <paramref name="events"/> after <paramref name="expectedVersion"/>; false (nothing kept, the
    /// savepoint rolls back) if another write got there first. The primary key (stream, version) is the
    /// check: a version already taken, or an event key already journaled, inserts nothing.
    /// </summary>
    private static bool AppendJournal(SqliteWriteScope scope, string stream, int expectedVersion, IReadOnlyList<JournalAppend> events)
    {
        var version = expectedVersion;
        foreach (var entry in events)
        {
            version++;
            var inserted = scope.Execute("INSERT INTO journal (stream, version, event_key, payload) VALUES ($stream, $version, $key, " +
                "$payload) ON CONFLICT DO NOTHING",
                ("$stream", stream), ("$version", version), ("$key", entry.EventKey), ("$payload", entry.Payload));
            if (inserted == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection,
        DbTransaction transaction,
        string sql,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private Task<bool> WriteAsync(SqliteWrite work) =>
        initialization.Value.IsCompletedSuccessfully ? groupCommit.WriteAsync(work) : WriteAfterInitializationAsync(work);

    private async Task<bool> WriteAfterInitializationAsync(SqliteWrite work)
    {
        await initialization.Value;
        return await groupCommit.WriteAsync(work);
    }

    protected override string PositionFunction => "instr";

    protected override async ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
        => await OpenAsync(cancellationToken);

    /// <summary>A pooled connection for reading: WAL readers neither wait for the writer nor sync, so no pragmas.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await initialization.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(writerConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Each write's savepoint keeps the pages it changes as they were before it (to roll back to), in a temporary file
        // unless temp_store is MEMORY: two system calls per page, twice the log's own (docs/storage.md). Nothing durable
        // is in it: a crash loses the transaction whole, whose log frames are not committed.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA temp_store = MEMORY; " +
            $"PRAGMA cache_size = -{writerCacheKilobytes.ToString(CultureInfo.InvariantCulture)};";
        pragma.ExecuteNonQuery();

        // Counted in pages of the file's own size. Checkpointing every 64 MB of WAL instead of every 4 MB copies a page
        // that many commits rewrite (a hot claim's row, an index leaf) into the database once instead of once per 4 MB.
        pragma.CommandText = "PRAGMA page_size";
        var pages = checkpointMegabytes * (1L << 20) / Convert.ToInt64(pragma.ExecuteScalar(), CultureInfo.InvariantCulture);
        pragma.CommandText = $"PRAGMA wal_autocheckpoint = {pages.ToString(CultureInfo.InvariantCulture)};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private async Task InitializeAsync()
    {
        await using var connection = OpenWriter();
        await using (var wal = connection.CreateCommand())
        {
            // The page size applies only to a file that has no page yet: before WAL mode writes the first.
            wal.CommandText = $"PRAGMA page_size = {pageSize.ToString(CultureInfo.InvariantCulture)}; PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(
            connection,
            transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        // By set, not by the highest version: a migration numbered below one already applied still runs.
        var applied = new HashSet<int>();
        await using (var current = connection.CreateCommand())
        {
            current.Transaction = (SqliteTransaction)transaction;
            current.CommandText = "SELECT version FROM schema_migrations";
            await using var rows = await current.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                applied.Add(rows.GetInt32(0));
            }
        }

        foreach (var (version, sql) in SqliteSchema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, sql);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at)",
                ("$v", version), ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        }

        await transaction.CommitAsync();
    }
}
