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
    ];
}
