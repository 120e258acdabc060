namespace ClaimTracker.Storage.Sqlite;

/// <summary>The embedded database's schema, as ordered migrations applied once each.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE journal (
                stream     TEXT    NOT NULL,
                version    INTEGER NOT NULL,
                event_key  TEXT    NOT NULL,
                payload    BLOB    NOT NULL,
                PRIMARY KEY (stream, version)
            );
            CREATE UNIQUE INDEX journal_event_key ON journal (stream, event_key);

            CREATE TABLE claim_feed (
                position   INTEGER PRIMARY KEY AUTOINCREMENT,
                claim_id   TEXT NOT NULL,
                payload    BLOB NOT NULL
            );

            CREATE TABLE claims (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                claim_id   TEXT    NOT NULL UNIQUE,
                text_norm  TEXT    NOT NULL,
                status     INTEGER NOT NULL,
                updated_at TEXT    NOT NULL,
                summary    BLOB    NOT NULL
            );
            CREATE INDEX claims_status ON claims (status, seq);

            CREATE TABLE claim_actors (
                actor_id   TEXT NOT NULL,
                claim_id   TEXT NOT NULL,
                PRIMARY KEY (actor_id, claim_id)
            );

            CREATE TABLE actors (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                actor_id   TEXT NOT NULL UNIQUE,
                names_norm TEXT NOT NULL,
                snapshot   BLOB NOT NULL
            );

            CREATE TABLE reports (
                report_id  TEXT PRIMARY KEY,
                payload    BLOB NOT NULL
            );
            """),
        (2, """
            CREATE TABLE actor_aliases (
                alias_key  TEXT PRIMARY KEY,
                actor_id   TEXT NOT NULL
            );
            """),
        (3, """
            CREATE TABLE claim_index (
                position   INTEGER PRIMARY KEY AUTOINCREMENT,
                claim_id   TEXT NOT NULL UNIQUE,
                text       TEXT NOT NULL,
                embedding  BLOB NOT NULL
            );
            """),
        (4, """
            CREATE TABLE claim_index_phrasings (
                position   INTEGER PRIMARY KEY AUTOINCREMENT,
                claim_id   TEXT NOT NULL,
                text       TEXT NOT NULL,
                embedding  BLOB NOT NULL,
                UNIQUE (claim_id, text)
            );
            INSERT INTO claim_index_phrasings (position, claim_id, text, embedding)
                SELECT position, claim_id, text, embedding FROM claim_index;
            DROP TABLE claim_index;
            ALTER TABLE claim_index_phrasings RENAME TO claim_index;
            """),

        // Every append inserted into this index at a random place (a long key per event): about 40 % of
        // the pages each commit wrote. It guarded nothing the grains do not already ensure: a grain
        // skips events its journal holds (re-read after any failed write), and two writers of one
        // stream clash on the primary key (stream, version).
        (5, """
            DROP INDEX journal_event_key;
            """),

        // The corrections audit trail (docs/corrections.md): subjects are " claim:c-1 report:r-2 ", searched by substring.
        (10, """
            CREATE TABLE corrections (
                seq           INTEGER PRIMARY KEY AUTOINCREMENT,
                correction_id TEXT NOT NULL UNIQUE,
                analyst       TEXT NOT NULL,
                recorded_at   TEXT NOT NULL,
                subjects      TEXT NOT NULL,
                payload       BLOB NOT NULL
            );
            CREATE INDEX corrections_analyst ON corrections (analyst, seq);
            """),
        // Analysts' alias pins (docs/corrections.md, "Actors"): append-only, the latest pin of a key wins.
        (11, """
            CREATE TABLE actor_alias_pins (
                seq           INTEGER PRIMARY KEY AUTOINCREMENT,
                alias_key     TEXT NOT NULL,
                actor_id      TEXT NOT NULL,
                correction_id TEXT NOT NULL,
                UNIQUE (correction_id, alias_key)
            );
            """),
        // Claim lists: filter and sort keys as integer columns with an index per order, and the words of
        // every claim in an FTS5 index (external content: the claims table holds the text once). Triggers
        // keep the index in the claim write's transaction. Claims from before keep zero keys until their
        // next statement, but for their time of update.
        (35, """
            ALTER TABLE claims ADD COLUMN first_reported_ms INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE claims ADD COLUMN updated_ms INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE claims ADD COLUMN credibility INTEGER NOT NULL DEFAULT 6;
            ALTER TABLE claims ADD COLUMN origin_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE claims ADD COLUMN statement_count INTEGER NOT NULL DEFAULT 0;
            UPDATE claims SET updated_ms = CAST(ROUND((julianday(updated_at) - 2440587.5) * 86400000) AS INTEGER);
            UPDATE claims SET first_reported_ms = updated_ms;
            CREATE INDEX claims_first_reported ON claims (first_reported_ms, seq);
            CREATE INDEX claims_updated ON claims (updated_ms, seq);
            CREATE INDEX claims_statement_count ON claims (statement_count, seq);

            CREATE VIRTUAL TABLE claims_fts USING fts5(text_norm, content='claims', content_rowid='seq');
            INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
            CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
                INSERT INTO claims_fts (rowid, text_norm) VALUES (new.seq, new.text_norm);
            END;
            CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
                INSERT INTO claims_fts (claims_fts, rowid, text_norm) VALUES ('delete', old.seq, old.text_norm);
            END;
            CREATE TRIGGER claims_fts_update AFTER UPDATE OF text_norm ON claims BEGIN
                INSERT INTO claims_fts (claims_fts, rowid, text_norm) VALUES ('delete', old.seq, old.text_norm);
                INSERT INTO claims_fts (rowid, text_norm) VALUES (new.seq, new.text_norm);
            END;
            """),

        // Statement and report lists, written with the claim and the report. Statements and reports stored
        // before stay readable one by one but are not listed.
        (36, """
            CREATE TABLE statements (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                statement_id    TEXT    NOT NULL UNIQUE,
                claim_id        TEXT    NOT NULL,
                report_id       TEXT    NOT NULL,
                actor_id        TEXT    NOT NULL,
                origin_actor_id TEXT    NOT NULL,
                source_actor_id TEXT    NOT NULL,
                stance          INTEGER NOT NULL,
                published_ms    INTEGER,
                payload         BLOB    NOT NULL
            );
            CREATE INDEX statements_actor ON statements (actor_id, seq);
            CREATE INDEX statements_origin ON statements (origin_actor_id, seq);
            CREATE INDEX statements_source ON statements (source_actor_id, seq);
            CREATE INDEX statements_report ON statements (report_id, seq);
            CREATE INDEX statements_claim ON statements (claim_id, seq);

            CREATE TABLE report_list (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                report_id       TEXT    NOT NULL UNIQUE,
                source_actor_id TEXT    NOT NULL,
                published_ms    INTEGER,
                text_norm       TEXT    NOT NULL
            );
            CREATE INDEX report_list_source ON report_list (source_actor_id, seq);
            CREATE VIRTUAL TABLE report_list_fts USING fts5(text_norm, content='report_list', content_rowid='seq');
            CREATE TRIGGER report_list_fts_insert AFTER INSERT ON report_list BEGIN
                INSERT INTO report_list_fts (rowid, text_norm) VALUES (new.seq, new.text_norm);
            END;
            CREATE TRIGGER report_list_fts_delete AFTER DELETE ON report_list BEGIN
                INSERT INTO report_list_fts (report_list_fts, rowid, text_norm) VALUES ('delete', old.seq, old.text_norm);
            END;
            """),
        // Analysts' overrides of source reliability grades: an append-only record; the latest row per source wins.
        (40, """
            CREATE TABLE reliability_overrides (
                seq         INTEGER PRIMARY KEY AUTOINCREMENT,
                actor_id    TEXT NOT NULL,
                role        TEXT NOT NULL,
                grade       TEXT NOT NULL,
                reason      TEXT NOT NULL,
                analyst     TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            """),
        // Two B-trees fewer written per statement (each a leaf page of the write-ahead log, 6–8 % of a commit's pages):
        // - a statement's id is unique within its report (s-<hash of the report>-<index>), so one index on (report_id,
        //   statement_id) both keeps a retried write from listing a statement twice and finds a report's statements;
        // - the origin index keeps only statements whose origin is not their speaker; the others are found through the
        //   speaker's index (SqliteStore.StatementsFrom).
        // The table is rebuilt, since SQLite cannot drop a column's UNIQUE; rows keep their seq, and the sequence goes on
        // from where it was.
        (41, """
            CREATE TABLE statements_rebuilt (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                statement_id    TEXT    NOT NULL,
                claim_id        TEXT    NOT NULL,
                report_id       TEXT    NOT NULL,
                actor_id        TEXT    NOT NULL,
                origin_actor_id TEXT    NOT NULL,
                source_actor_id TEXT    NOT NULL,
                stance          INTEGER NOT NULL,
                published_ms    INTEGER,
                payload         BLOB    NOT NULL
            );
            INSERT INTO statements_rebuilt
                (seq, statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload)
                SELECT seq, statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload
                FROM statements ORDER BY seq;
            DELETE FROM sqlite_sequence WHERE name = 'statements_rebuilt';
            UPDATE sqlite_sequence SET name = 'statements_rebuilt' WHERE name = 'statements';
            DROP TABLE statements;
            ALTER TABLE statements_rebuilt RENAME TO statements;
            CREATE INDEX statements_actor ON statements (actor_id, seq);
            CREATE INDEX statements_origin ON statements (origin_actor_id, seq) WHERE origin_actor_id <> actor_id;
            CREATE INDEX statements_source ON statements (source_actor_id, seq);
            CREATE UNIQUE INDEX statements_report ON statements (report_id, statement_id);
            CREATE INDEX statements_claim ON statements (claim_id, seq);
            """),
        // A claim's actors are only ever looked up by their key: one B-tree keyed (actor_id, claim_id) instead of a rowid
        // table beside its primary-key index, so linking an actor to a claim inserts into one B-tree instead of two.
        (42, """
            CREATE TABLE claim_actors_rebuilt (
                actor_id   TEXT NOT NULL,
                claim_id   TEXT NOT NULL,
                PRIMARY KEY (actor_id, claim_id)
            ) WITHOUT ROWID;
            INSERT INTO claim_actors_rebuilt (actor_id, claim_id) SELECT actor_id, claim_id FROM claim_actors;
            DROP TABLE claim_actors;
            ALTER TABLE claim_actors_rebuilt RENAME TO claim_actors;
            """),
        // The note of a withdrawn statement (relinked away, corrected, retracted), so statement lists can show it; null while
        // the statement counts.
        (47, """
            ALTER TABLE statements ADD COLUMN withdrawn_note TEXT;
            """),
        // Feed retention: the feed's head at moments, so that entries older than a retention can be found without a time per entry.
        (49, """
            CREATE TABLE feed_marks (
                recorded_ms INTEGER PRIMARY KEY,
                position    INTEGER NOT NULL
            );
            """),
    ];
}
