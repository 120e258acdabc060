namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// The cluster database's schema as ordered migrations, each applied once (recorded in
/// <c>schema_migrations</c>) by <see cref="PostgresMigrator"/>. Never edit a published migration:
/// add the next one.
/// </summary>
public static class PostgresSchema
{
    public static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        new(1, "claimtracker journal, feed, projections, reports, aliases", """
            CREATE TABLE journal (
                stream     text    NOT NULL,
                version    integer NOT NULL,
                event_key  text    NOT NULL,
                payload    bytea   NOT NULL,
                PRIMARY KEY (stream, version),
                CONSTRAINT journal_event_key UNIQUE (stream, event_key)
            );

            -- The feed's single sequencer row. An append transaction bumps it as its last step, so the
            -- row lock orders feed positions by commit (see PostgresStore).
            CREATE TABLE feed_head (
                id         integer PRIMARY KEY CHECK (id = 1),
                position   bigint  NOT NULL
            );
            INSERT INTO feed_head (id, position) VALUES (1, 0);

            CREATE TABLE claim_feed (
                position   bigint PRIMARY KEY,
                claim_id   text   NOT NULL,
                payload    bytea  NOT NULL
            );

            CREATE TABLE claims (
                seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                claim_id   text    PRIMARY KEY,
                text_norm  text    NOT NULL,
                status     integer NOT NULL,
                updated_at timestamptz NOT NULL,
                summary    bytea   NOT NULL
            );
            CREATE INDEX claims_status ON claims (status, seq);

            CREATE TABLE claim_actors (
                actor_id   text NOT NULL,
                claim_id   text NOT NULL,
                PRIMARY KEY (actor_id, claim_id)
            );

            CREATE TABLE actors (
                seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                actor_id   text  PRIMARY KEY,
                names_norm text  NOT NULL,
                snapshot   bytea NOT NULL
            );

            CREATE TABLE reports (
                report_id  text  PRIMARY KEY,
                payload    bytea NOT NULL
            );

            CREATE TABLE actor_aliases (
                alias_key  text PRIMARY KEY,
                actor_id   text NOT NULL
            );
            """),
        new(2, "Orleans ADO.NET clustering: membership tables and the provider's stored queries", OrleansClustering),
        new(3, "claim index log for the matchers' per-silo replicas", """
            CREATE TABLE claim_index_head (
                id         int    PRIMARY KEY CHECK (id = 1),
                position   bigint NOT NULL
            );
            INSERT INTO claim_index_head (id, position) VALUES (1, 0);

            CREATE TABLE claim_index (
                position   bigint PRIMARY KEY,
                claim_id   text   NOT NULL UNIQUE,
                text       text   NOT NULL,
                embedding  bytea  NOT NULL
            );
            """),
        new(4, "claim index: a claim may be stored under several phrasings", """
            ALTER TABLE claim_index DROP CONSTRAINT claim_index_claim_id_key;
            CREATE UNIQUE INDEX claim_index_phrasing ON claim_index (claim_id, md5(text));
            """),
        new(5, "journal: event keys are no longer indexed (see SqliteSchema migration 5)", """
            ALTER TABLE journal DROP CONSTRAINT journal_event_key;
            """),
        new(10, "corrections: the audit trail of analysts' and outlets' corrections", """
            CREATE TABLE corrections (
                seq           bigserial PRIMARY KEY,
                correction_id text   NOT NULL UNIQUE,
                analyst       text   NOT NULL,
                recorded_at   text   NOT NULL,
                subjects      text   NOT NULL,
                payload       bytea  NOT NULL
            );
            CREATE INDEX corrections_analyst ON corrections (analyst, seq);
            """),
        new(11, "alias pins: analysts bind an alias to an actor (splits and merges of actors); the latest pin of a key wins", """
            CREATE TABLE actor_alias_pins (
                seq           bigserial PRIMARY KEY,
                alias_key     text NOT NULL,
                actor_id      text NOT NULL,
                correction_id text NOT NULL,
                UNIQUE (correction_id, alias_key)
            );
            """),
        new(35, "claim lists: sort and filter keys, full-text search (tsvector + GIN) over the claim words", """
            ALTER TABLE claims
                ADD COLUMN first_reported_ms bigint  NOT NULL DEFAULT 0,
                ADD COLUMN updated_ms        bigint  NOT NULL DEFAULT 0,
                ADD COLUMN credibility       integer NOT NULL DEFAULT 6,
                ADD COLUMN origin_count      integer NOT NULL DEFAULT 0,
                ADD COLUMN statement_count   bigint  NOT NULL DEFAULT 0,
                ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', text_norm)) STORED;
            UPDATE claims SET updated_ms = (extract(epoch FROM updated_at) * 1000)::bigint,
                              first_reported_ms = (extract(epoch FROM updated_at) * 1000)::bigint;
            CREATE INDEX claims_first_reported ON claims (first_reported_ms, seq);
            CREATE INDEX claims_updated ON claims (updated_ms, seq);
            CREATE INDEX claims_statement_count ON claims (statement_count, seq);
            CREATE INDEX claims_search ON claims USING gin (search);
            """),
        new(36, "statement and report lists", """
            CREATE TABLE statements (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                statement_id    text    NOT NULL UNIQUE,
                claim_id        text    NOT NULL,
                report_id       text    NOT NULL,
                actor_id        text    NOT NULL,
                origin_actor_id text    NOT NULL,
                source_actor_id text    NOT NULL,
                stance          integer NOT NULL,
                published_ms    bigint,
                payload         bytea   NOT NULL
            );
            CREATE INDEX statements_actor ON statements (actor_id, seq);
            CREATE INDEX statements_origin ON statements (origin_actor_id, seq);
            CREATE INDEX statements_source ON statements (source_actor_id, seq);
            CREATE INDEX statements_report ON statements (report_id, seq);
            CREATE INDEX statements_claim ON statements (claim_id, seq);

            CREATE TABLE report_list (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                report_id       text   NOT NULL UNIQUE,
                source_actor_id text   NOT NULL,
                published_ms    bigint,
                text_norm       text   NOT NULL,
                search tsvector GENERATED ALWAYS AS (to_tsvector('simple', text_norm)) STORED
            );
            CREATE INDEX report_list_source ON report_list (source_actor_id, seq);
            CREATE INDEX report_list_search ON report_list USING gin (search);
            """),
        new(40, "source reliability overrides: an append-only record, the latest row per source wins", """
            CREATE TABLE reliability_overrides (
                seq         bigserial PRIMARY KEY,
                actor_id    text NOT NULL,
                role        text NOT NULL,
                grade       text NOT NULL,
                reason      text NOT NULL,
                analyst     text NOT NULL,
                recorded_at text NOT NULL
            );
            """),
        new(41, "statements: one unique index on (report_id, statement_id) instead of statement_id's and the report's", """
            ALTER TABLE statements DROP CONSTRAINT statements_statement_id_key;
            DROP INDEX statements_report;
            CREATE UNIQUE INDEX statements_report ON statements (report_id, statement_id);
            """),
        new(47, "statements: the note of a withdrawn statement, shown in statement lists", """
            ALTER TABLE statements ADD COLUMN withdrawn_note text;
            """),
        // A claim's row changes with every statement, and its sort keys with it, so no update of it is HOT: each wrote a
        // new entry into every index of the table, the GIN index of its words included, and recomputed the words. The
        // words never change: they move to a table of their own, written once per claim.
        new(48, "claim words: the full-text index of claims in an insert-only table of its own", """
            CREATE TABLE claim_words (
                seq    bigint   PRIMARY KEY,
                search tsvector NOT NULL
            );
            INSERT INTO claim_words (seq, search) SELECT seq, search FROM claims;
            CREATE INDEX claim_words_search ON claim_words USING gin (search);
            ALTER TABLE claims DROP COLUMN search;
            """),
        new(49, "feed retention: the feed's head at moments, so that entries older than a retention can be found", """
            CREATE TABLE feed_marks (
                recorded_ms bigint PRIMARY KEY,
                position    bigint NOT NULL
            );
            """),
        // Identifiers are opaque: only their equality and the indexes' order matter, never a language's sorting rules. In the
        // database's own collation (en_US.UTF-8, an ICU locale) every index comparison of an id goes through the locale's
        // collation; in "C" it is a comparison of bytes. SQLite compares text byte by byte already (BINARY). Changing a
        // column's collation rebuilds the indexes over it, not the table.
        new(50, "identifiers compared byte by byte: every id and key column in collation \"C\"", """
            ALTER TABLE journal ALTER COLUMN stream TYPE text COLLATE "C";
            ALTER TABLE claim_feed ALTER COLUMN claim_id TYPE text COLLATE "C";
            ALTER TABLE claims ALTER COLUMN claim_id TYPE text COLLATE "C";
            ALTER TABLE claim_actors
                ALTER COLUMN actor_id TYPE text COLLATE "C",
                ALTER COLUMN claim_id TYPE text COLLATE "C";
            ALTER TABLE actors ALTER COLUMN actor_id TYPE text COLLATE "C";
            ALTER TABLE reports ALTER COLUMN report_id TYPE text COLLATE "C";
            ALTER TABLE actor_aliases
                ALTER COLUMN alias_key TYPE text COLLATE "C",
                ALTER COLUMN actor_id TYPE text COLLATE "C";
            ALTER TABLE claim_index ALTER COLUMN claim_id TYPE text COLLATE "C";
            ALTER TABLE corrections
                ALTER COLUMN correction_id TYPE text COLLATE "C",
                ALTER COLUMN analyst TYPE text COLLATE "C";
            ALTER TABLE actor_alias_pins
                ALTER COLUMN alias_key TYPE text COLLATE "C",
                ALTER COLUMN actor_id TYPE text COLLATE "C",
                ALTER COLUMN correction_id TYPE text COLLATE "C";
            ALTER TABLE statements
                ALTER COLUMN statement_id TYPE text COLLATE "C",
                ALTER COLUMN claim_id TYPE text COLLATE "C",
                ALTER COLUMN report_id TYPE text COLLATE "C",
                ALTER COLUMN actor_id TYPE text COLLATE "C",
                ALTER COLUMN origin_actor_id TYPE text COLLATE "C",
                ALTER COLUMN source_actor_id TYPE text COLLATE "C";
            ALTER TABLE report_list
                ALTER COLUMN report_id TYPE text COLLATE "C",
                ALTER COLUMN source_actor_id TYPE text COLLATE "C";
            ALTER TABLE reliability_overrides ALTER COLUMN actor_id TYPE text COLLATE "C";
            """),
    ];

    /// <summary>
    /// Orleans' ADO.NET clustering provider reads its SQL from <c>OrleansQuery</c> (QueryKey, QueryText)
    /// at start-up; it binds parameters by name (@DeploymentId = ClusterId, @Address, @Port, @Generation,
    /// @SiloName, @HostName, @Status, @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime, @Version) and
    /// reads result columns by name. Our tables are our own; only these names are the contract.
    /// Conditional writes (insert/update a member) bump the table version only if it still equals
    /// @Version (optimistic concurrency), and answer one boolean column.
    /// </summary>
    private const string OrleansClustering = """
        CREATE TABLE OrleansQuery (
            QueryKey   varchar(64) PRIMARY KEY,
            QueryText  text NOT NULL
        );

        CREATE TABLE orleans_membership_version (
            deployment_id varchar(150) PRIMARY KEY,
            changed_at    timestamptz NOT NULL DEFAULT now(),
            version       integer NOT NULL DEFAULT 0
        );

        CREATE TABLE orleans_membership (
            deployment_id  varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
            address        varchar(45)  NOT NULL,
            port           integer      NOT NULL,
            generation     integer      NOT NULL,
            silo_name      varchar(150) NOT NULL,
            host_name      varchar(150) NOT NULL,
            status         integer      NOT NULL,
            proxy_port     integer,
            suspect_times  text,
            start_time     timestamptz  NOT NULL,
            i_am_alive     timestamptz  NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );

        INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
        ('InsertMembershipVersionKey', $q$
            WITH inserted AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT (deployment_id) DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
        $q$),

        ('MembershipReadAllKey', $q$
            SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
                   m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
                   m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
                   m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime", v.version AS "Version"
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
        $q$),

        ('MembershipReadRowKey', $q$
            SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
                   m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
                   m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
                   m.start_time AS "StartTime", m.i_am_alive AS "IAmAliveTime", v.version AS "Version"
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
        $q$),

        ('InsertMembershipKey', $q$
            WITH bumped AS (
                UPDATE orleans_membership_version v SET version = v.version + 1, changed_at = now()
                WHERE v.deployment_id = @DeploymentId AND v.version = @Version
                  AND NOT EXISTS (SELECT 1 FROM orleans_membership m
                                  WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                                    AND m.port = @Port AND m.generation = @Generation)
                RETURNING v.deployment_id),
            inserted AS (
                INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                                status, proxy_port, start_time, i_am_alive)
                SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
                       @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM bumped b
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
        $q$),

        ('UpdateMembershipKey', $q$
            WITH bumped AS (
                UPDATE orleans_membership_version v SET version = v.version + 1, changed_at = now()
                WHERE v.deployment_id = @DeploymentId AND v.version = @Version
                  AND EXISTS (SELECT 1 FROM orleans_membership m
                              WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                                AND m.port = @Port AND m.generation = @Generation)
                RETURNING v.deployment_id),
            updated AS (
                UPDATE orleans_membership m
                SET status = @Status, suspect_times = @SuspectTimes, i_am_alive = GREATEST(m.i_am_alive, @IAmAliveTime)
                FROM bumped b
                WHERE m.deployment_id = b.deployment_id AND m.address = @Address
                  AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM updated) AS "Updated"
        $q$),

        ('UpdateIAmAlivetimeKey', $q$
            UPDATE orleans_membership SET i_am_alive = GREATEST(i_am_alive, @IAmAliveTime)
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
        $q$),

        ('GatewaysQueryKey', $q$
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
        $q$),

        ('DeleteMembershipTableEntriesKey', $q$
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
        $q$),

        ('CleanupDefunctSiloEntriesKey', $q$
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = 6
              AND i_am_alive < @IAmAliveTime AND start_time < @IAmAliveTime
              AND COALESCE(suspect_times, '') = ''
        $q$),

        ('CleanupDefunctSiloEntryKey', $q$
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = 6
              AND address = @Address AND port = @Port AND generation = @Generation
              AND i_am_alive = @IAmAliveTime AND start_time = @StartTime
              AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
        $q$);
        """;
}

/// <summary>One schema step: applied once, in version order, inside the migration transaction.</summary>
public sealed record PostgresMigration(int Version, string Description, string Sql);
