using System.Data.Common;
using System.Globalization;
using ClaimTracker.Analysis.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// The cluster store: every silo process writes the same PostgreSQL database. Same contract as the
/// embedded SQLite store: an append writes its journal rows (unique (stream, version); event keys are
/// stored, not indexed: grains skip what their journal holds), its feed rows and its projection in
/// one transaction, and answers false when the stream is not at the expected version (including when
/// another writer won the race).
/// <para>
/// <b>Feed order across processes.</b> A watcher's exactly-once guarantee needs feed positions to
/// become visible in position order, with no gap ever observable: a reader that has seen position
/// p must never later find a row at a position below p. Sequences cannot give that (a transaction
/// holding a lower number can commit after one holding a higher number). So each append transaction
/// writes its journal rows and projections first and then, as its very last step, runs
/// <c>UPDATE feed_head SET position = position + n RETURNING position</c>, inserts its n feed rows at
/// the positions it was handed, and commits. The updated row stays locked until commit, so the next
/// appender cannot take positions before this one is committed and visible: positions are assigned
/// in commit order, and a reader's <c>position &gt; after ORDER BY position</c> never skips a row
/// that shows up later. The feed rows of all the appends of a group commit go in together, as the
/// transaction's last statement (<see cref="PostgresFeedTail"/>), so the lock is held only for that
/// statement and the commit itself.
/// </para>
/// </summary>
public sealed partial class PostgresStore : SqlStore, IAsyncDisposable, IDisposable
{
    /// <summary>The LISTEN/NOTIFY channel every claim append notifies inside its transaction.</summary>
    public const string FeedChannel = "claimtracker_feed";

    private readonly NpgsqlDataSource dataSource;
    private readonly GroupCommit<PostgresWrite> groupCommit;
    private readonly KnownAliases aliases = new();

    public PostgresStore(IOptions<StorageOptions> options)
        : this(options.Value.RequireConnectionString(), CommitsInFlight(options.Value))
    {
    }

    private static int CommitsInFlight(StorageOptions options) =>
        options.PostgresCommitsInFlight is >= 1 and <= 16
            ? options.PostgresCommitsInFlight
            : throw new ArgumentOutOfRangeException(
                nameof(options), options.PostgresCommitsInFlight, "Storage:PostgresCommitsInFlight must be between 1 and 16");

    /// <param name="commitsInFlight">How many group commits may run at once, each on its own connection.</param>
    public PostgresStore(string connectionString, int commitsInFlight = StorageOptions.DefaultPostgresCommitsInFlight)
    {
        dataSource = NpgsqlDataSource.Create(WithPoolSettings(connectionString));
        groupCommit = PostgresBatchWriter.GroupCommit(dataSource, IsConflict, commitsInFlight);
    }

    /// <summary>
    /// A unique violation means another writer appended at this version first. A deadlock means two group commits (two
    /// silos, e.g. a claim briefly active on both) each wait for a version the other inserted and has not committed: the
    /// victim cannot wait it out in its own transaction (it still holds what the other waits for), so its write answers
    /// "someone else wrote", and the caller reads the claim again and retries, as after a unique violation.
    /// </summary>
    private static bool IsConflict(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected;

    /// <summary>
    /// The store's pool settings, each unless the connection string sets it itself:
    /// <list type="bullet">
    /// <item>Statements run again and again are prepared on each connection (parsed and planned once): that halved
    /// PostgreSQL's CPU per statement. Room for the group commit's savepoints (one name per write of a batch) besides the store's
    /// own statements. <c>Max Auto Prepare=0</c> behind a pooler in transaction mode.</item>
    /// <item>A pooled connection is not reset when it goes back to the pool: the store leaves nothing on its connections
    /// beyond a transaction (no SET, no lock held past a commit, no LISTEN: the feed listener and the migrator open their
    /// own), and the reset cost seven statements per reuse (docs/BENCHMARKS.md, 2026-12-07 17:02 UTC). An open transaction
    /// is still rolled back on return.</item>
    /// </list>
    /// </summary>
    internal static string WithPoolSettings(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 512;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    protected override string PositionFunction => "strpos";

    protected override async ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await groupCommit.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    // Appends add their commands to the group commit's batch (see PostgresBatchWriter); the check runs after it.
    public override Task<bool> AppendClaimAsync(
        string claimId, int expectedVersion, IReadOnlyList<JournalAppend> events, IReadOnlyList<byte[]> feedEntries, ClaimRow projection) =>
        groupCommit.WriteAsync(batch =>
        {
            var journal = AddJournalInsert(batch, JournalStreams.Claim(claimId), expectedVersion, events);

            AddClaimListRows(batch, claimId, projection);

            if (projection.ActorIds.Length > 0)
            {
                var actors = Add(batch, """
                    INSERT INTO claim_actors (actor_id, claim_id) SELECT a, @claim FROM unnest(@actors) AS a
                    ON CONFLICT DO NOTHING
                    """);
                actors.Parameters.AddWithValue("claim", claimId);
                actors.Parameters
                    .AddWithValue("actors", projection.ActorIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
            }

            // Positions are taken at the end of the transaction, for all its appends at once.
            batch.Feed.Add(claimId, feedEntries);

            // Fewer journal rows than events: the stream had moved on; the write's savepoint undoes the rest.
            return () => JournalAppended(journal, events);
        });

    public override Task<bool> AppendActorAsync(
        string actorId,
        int expectedVersion,
        IReadOnlyList<JournalAppend> events,
        ActorRow projection) =>
        groupCommit.WriteAsync(batch =>
        {
            var journal = AddJournalInsert(batch, JournalStreams.Actor(actorId), expectedVersion, events);
            var upsert = Add(batch, """
                INSERT INTO actors (actor_id, names_norm, snapshot) VALUES (@actor, @names, @snapshot)
                ON CONFLICT (actor_id) DO UPDATE SET names_norm = excluded.names_norm, snapshot = excluded.snapshot
                """);
            upsert.Parameters.AddWithValue("actor", actorId);
            upsert.Parameters.AddWithValue("names", projection.NormalizedNames());
            upsert.Parameters.AddWithValue("snapshot", projection.Snapshot);
            return () => JournalAppended(journal, events);
        });

    public override async Task<long> ReadFeedHeadAsync(CancellationToken cancellationToken = default)
    {
        // The committed head: every position up to it is committed and visible (see the class remarks).
        await using var command = dataSource.CreateCommand("SELECT position FROM feed_head WHERE id = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // Through group commit, like the appends: on its own, every report write paid a commit (a WAL flush).
    public override Task WriteReportAsync(string reportId, byte[] payload, ReportRow? row = null) =>
        groupCommit.WriteAsync(batch =>
        {
            var upsert = Add(batch, """
                INSERT INTO reports (report_id, payload) VALUES (@id, @payload)
                ON CONFLICT (report_id) DO UPDATE SET payload = excluded.payload
                """);
            upsert.Parameters.AddWithValue("id", reportId);
            upsert.Parameters.AddWithValue("payload", payload);
            if (row is not null)
            {
                AddReportListRow(batch, reportId, row);
            }

            return () => true;
        });

    /// <summary>
    /// First writer wins, across processes: each key is registered with <c>INSERT … ON CONFLICT DO
    /// NOTHING</c> and then read back, so two silos resolving the same new actor at once agree on the
    /// id that landed. Each statement commits on its own (no multi-key locks, so no deadlocks); a crash
    /// midway leaves some keys registered, which the retry completes with the same answer.
    /// </summary>
    public override async Task<string[]> ResolveActorIdsAsync(IReadOnlyList<ActorAliasCandidate> candidates)
    {
        // Most aliases are known after the first few reports: answer from memory or one lookup, and
        // register (a commit per key) only when some key is new.
        var pinned = await PinnedActorsAsync(candidates);
        var registered = await LookUpAliasesAsync(candidates);
        if (candidates.All(c => c.AliasKeys.All(registered.ContainsKey)))
        {
            return candidates.Select((c, i) => pinned[i] ?? (c.AliasKeys.Count == 0 ? c.ProposedId : registered[c.AliasKeys[0]])).ToArray();
        }

        var resolved = new string[candidates.Count];
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var keys = candidate.AliasKeys.Distinct(StringComparer.Ordinal).ToArray();
            if (keys.Length == 0)
            {
                resolved[i] = pinned[i] ?? candidate.ProposedId;
                continue;
            }

            var known = pinned[i];
            if (known is null)
            {
                await using var lookup = new NpgsqlCommand("""
                    SELECT a.actor_id FROM unnest(@keys) WITH ORDINALITY AS k(alias_key, ord)
                    JOIN actor_aliases a ON a.alias_key = k.alias_key ORDER BY k.ord LIMIT 1
                    """, connection);
                lookup.Parameters.AddWithValue("keys", keys);
                known = await lookup.ExecuteScalarAsync() as string;
            }

            if (known is null)
            {
                // Claim the first key for the proposed id, then read back whoever won it.
                await using var claim = new NpgsqlCommand("""
                    INSERT INTO actor_aliases (alias_key, actor_id) VALUES (@key, @actor) ON CONFLICT (alias_key) DO NOTHING;
                    SELECT actor_id FROM actor_aliases WHERE alias_key = @key;
                    """, connection);
                claim.Parameters.AddWithValue("key", keys[0]);
                claim.Parameters.AddWithValue("actor", candidate.ProposedId);
                known = (string)(await claim.ExecuteScalarAsync())!;
            }

            resolved[i] = known;
            foreach (var key in keys)
            {
                await using var register = new NpgsqlCommand(
                    "INSERT INTO actor_aliases (alias_key, actor_id) VALUES (@key, @actor) ON CONFLICT (alias_key) DO NOTHING",
                    connection);
                register.Parameters.AddWithValue("key", key);
                register.Parameters.AddWithValue("actor", known);
                await register.ExecuteNonQueryAsync();
            }
        }

        return resolved;
    }

    /// <summary>The alias keys of <paramref name="candidates"/> that are registered, with their actor: from memory, else one
    /// query.</summary>
    private async Task<Dictionary<string, string>> LookUpAliasesAsync(IReadOnlyList<ActorAliasCandidate> candidates)
    {
        var (known, unknown) = aliases.Split(candidates.SelectMany(c => c.AliasKeys));
        if (unknown is null)
        {
            return known;
        }

        await using var command = dataSource.CreateCommand("SELECT alias_key, actor_id FROM actor_aliases WHERE alias_key = ANY(@keys)");
        command.Parameters.AddWithValue("keys", unknown);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            aliases.Learn(known, reader.GetString(0), reader.GetString(1));
        }

        return known;
    }

    /// <summary>
    /// Same sequencing as the feed: positions come from a single-row head updated as the transaction's
    /// last step, so replicas reading "after my last position" never skip an entry that commits late.
    /// </summary>
    public override async Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fresh = new List<ClaimIndexEntry>();
        foreach (var entry in entries)
        {
            await using var exists = new NpgsqlCommand(
                "SELECT 1 FROM claim_index WHERE claim_id = @claim AND md5(text) = md5(@text)",
                connection,
                transaction);
            exists.Parameters.AddWithValue("claim", entry.ClaimId);
            exists.Parameters.AddWithValue("text", entry.Text);
            if (await exists.ExecuteScalarAsync() is null)
            {
                fresh.Add(entry);
            }
        }

        if (fresh.Count == 0)
        {
            return;
        }

        long last;
        await using (var head = new NpgsqlCommand(
            "UPDATE claim_index_head SET position = position + @n WHERE id = 1 RETURNING position",
            connection,
            transaction))
        {
            head.Parameters.AddWithValue("n", (long)fresh.Count);
            last = (long)(await head.ExecuteScalarAsync())!;
        }

        var position = last - fresh.Count;
        foreach (var entry in fresh)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO claim_index (position, claim_id, text, embedding) VALUES (@position, @claim, @text, @embedding) ON CONFLICT " +
                    "(claim_id, md5(text)) DO NOTHING",
                connection, transaction);
            insert.Parameters.AddWithValue("position", ++position);
            insert.Parameters.AddWithValue("claim", entry.ClaimId);
            insert.Parameters.AddWithValue("text", entry.Text);
            insert.Parameters.AddWithValue("embedding", EmbeddingCodec.ToBytes(entry.Embedding));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// Adds the insert of <paramref name="events"/> after <paramref name="expectedVersion"/>. A version
    /// already taken (another writer got there first: a second activation during a membership change)
    /// inserts nothing: the primary key (stream, version) is the check, so no read of the stream's head.
    /// </summary>
    private static NpgsqlBatchCommand? AddJournalInsert(
        NpgsqlBatch batch,
        string stream,
        int expectedVersion,
        IReadOnlyList<JournalAppend> events)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var insert = Add(batch, """
            INSERT INTO journal (stream, version, event_key, payload)
            SELECT @stream, @first + e.ord - 1, e.event_key, e.payload
            FROM unnest(@keys, @payloads) WITH ORDINALITY AS e(event_key, payload, ord)
            ON CONFLICT DO NOTHING
            """);
        insert.Parameters.AddWithValue("stream", stream);
        insert.Parameters.AddWithValue("first", expectedVersion + 1);
        insert.Parameters.AddWithValue("keys", events.Select(e => e.EventKey).ToArray());
        insert.Parameters.Add(
            new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = events.Select(e => e.Payload).ToArray() });
        return insert;
    }

    private static bool JournalAppended(NpgsqlBatchCommand? journal, IReadOnlyList<JournalAppend> events) =>
        journal is null || journal.RecordsAffected == events.Count;

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        batch.BatchCommands.Add(command);
        return command;
    }
}
