using System.Globalization;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Storage.Sqlite;

/// <summary>The embedded store's list rows and its full-text search (FTS5 tables kept in step by triggers, see migration 35).</summary>
public sealed partial class SqliteStore
{
    protected override TextSearchSql TextSearch(string table, string alias) =>
        new($"JOIN {table}_fts ON {table}_fts.rowid = {alias}.seq", $"{table}_fts MATCH @q", $"{table}_fts.rank");

    /// <summary>Each word a quoted FTS5 string (normalised words hold letters and digits only); juxtaposed strings must all
    /// match.</summary>
    protected override string TextQuery(IReadOnlyList<string> words) => string.Join(' ', words.Select(word => "\"" + word + "\""));

    // FTS5 yields matches in rowid (= seq) order, either way, and computes a row's rank only when it is read: the
    // newest matches and their BM25 come from the full-text index alone, and only a page's rows are joined.
    protected override string RelevanceCandidatesSql(string where, bool filtered) => filtered
        ? $"SELECT c.seq AS seq, claims_fts.rank AS rank FROM claims_fts JOIN claims c ON c.seq = claims_fts.rowid {where} "
            + "ORDER BY claims_fts.rowid DESC"
        : "SELECT rowid AS seq, rank FROM claims_fts WHERE claims_fts MATCH @q ORDER BY rowid DESC";

    protected override string WordCountSql => "SELECT 1 FROM claims_fts WHERE claims_fts MATCH @q";

    protected override string MatchesSubquery => "c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH @q)";

    protected override string? OrderIndex(ClaimSort sort) => sort switch
    {
        ClaimSort.Newest => "INDEXED BY claims_first_reported",
        ClaimSort.RecentlyUpdated => "INDEXED BY claims_updated",
        ClaimSort.MostStatements => "INDEXED BY claims_statement_count",
        _ => null,
    };

    /// <summary>
    /// Migration 41's indexes. A report has few statements: its index (report_id, statement_id) is named, since it cannot
    /// give seq order and the planner would otherwise walk all of, say, an actor's statements for the few of one report.
    /// The origin index holds only statements whose origin is not their speaker (none the planner writes today): an
    /// origin's statements are those of the speaker's index whose origin is theirs, merged in seq order with that index's.
    /// </summary>
    protected override string StatementsFrom(StatementQuery query) =>
        !string.IsNullOrEmpty(query.ReportId) ? "statements s INDEXED BY statements_report"
        : !string.IsNullOrEmpty(query.OriginActorId) ? """
            (SELECT * FROM statements WHERE actor_id = @origin AND origin_actor_id = @origin
             UNION ALL
             SELECT * FROM statements WHERE origin_actor_id = @origin AND origin_actor_id <> actor_id) s
            """
        : "statements s";

    /// <summary>
    /// The claim's row. An update sets only what a statement changes every time (summary, time of update, counts), and
    /// status and first-report time only when they differ: SQLite rewrites an index entry for every column an UPDATE
    /// sets, changed or not, and each is a B-tree page in the commit (docs/BENCHMARKS.md, 2026-12-06 write path).
    /// </summary>
    private static void WriteClaimListRows(SqliteWriteScope scope, string claimId, ClaimRow projection)
    {
        var keys = projection.Keys;
        var updatedAt = projection.UpdatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        // Most appends are to a claim that exists: the update comes first, and a claim it did not find is inserted.
        var updated = scope.Execute("""
            UPDATE claims SET updated_at = $updated, summary = $summary, updated_ms = $updatedMs,
                              credibility = $credibility, origin_count = $origins, statement_count = $statements
            WHERE claim_id = $claim
            """,
            ("$claim", claimId),
            ("$updated", updatedAt),
            ("$summary", projection.Summary),
            ("$updatedMs", Millis(projection.UpdatedAt)),
            ("$credibility", keys.Credibility),
            ("$origins", keys.OriginCount),
            ("$statements", keys.StatementCount));
        if (updated == 0)
        {
            scope.Execute("""
                INSERT INTO claims (claim_id, text_norm, status, updated_at, summary,
                                    first_reported_ms, updated_ms, credibility, origin_count, statement_count)
                VALUES ($claim, $text, $status, $updated, $summary, $first, $updatedMs, $credibility, $origins, $statements)
                """,
                ("$claim", claimId),
                ("$text", ClaimText.Normalize(projection.Text)),
                ("$status", (int)projection.Status),
                ("$updated", updatedAt),
                ("$summary", projection.Summary),
                ("$first", Millis(keys.FirstReportedAt)),
                ("$updatedMs", Millis(projection.UpdatedAt)),
                ("$credibility", keys.Credibility),
                ("$origins", keys.OriginCount),
                ("$statements", keys.StatementCount));
        }
        else
        {
            scope.Execute("""
                UPDATE claims SET status = $status, first_reported_ms = $first
                WHERE claim_id = $claim AND (status <> $status OR first_reported_ms <> $first)
                """,
                ("$claim", claimId),
                ("$status", (int)projection.Status),
                ("$first", Millis(keys.FirstReportedAt)));
        }

        foreach (var statement in projection.Statements)
        {
            scope.Execute("""
                INSERT INTO statements
                    (statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload,
                     withdrawn_note)
                VALUES ($id, $claim, $report, $actor, $origin, $source, $stance, $published, $payload, $note)
                ON CONFLICT (report_id, statement_id) DO UPDATE
                    SET claim_id = excluded.claim_id, actor_id = excluded.actor_id, origin_actor_id = excluded.origin_actor_id,
                        source_actor_id = excluded.source_actor_id, stance = excluded.stance, payload = excluded.payload,
                        withdrawn_note = excluded.withdrawn_note
                    WHERE statements.claim_id <> excluded.claim_id OR statements.actor_id <> excluded.actor_id
                        OR statements.origin_actor_id <> excluded.origin_actor_id OR statements.stance <> excluded.stance
                """,
                ("$id", statement.StatementId),
                ("$claim", claimId),
                ("$report", statement.ReportId),
                ("$actor", statement.ActorId),
                ("$origin", statement.OriginActorId),
                ("$source", statement.SourceActorId),
                ("$stance", statement.Stance),
                ("$published", statement.PublishedAt is { } published ? Millis(published) : DBNull.Value),
                ("$payload", statement.Payload),
                ("$note", (object?)statement.WithdrawnNote ?? DBNull.Value));
        }

        foreach (var withdrawal in projection.Withdrawals)
        {
            scope.Execute("""
                UPDATE statements SET withdrawn_note = $note
                WHERE report_id = $report AND statement_id = $id AND claim_id = $claim
                """,
                ("$report", withdrawal.ReportId),
                ("$id", withdrawal.StatementId),
                ("$claim", claimId),
                ("$note", withdrawal.Note));
        }
    }

    private static void WriteReportListRow(SqliteWriteScope scope, string reportId, ReportRow row) =>
        scope.Execute("""
            INSERT OR IGNORE INTO report_list (report_id, source_actor_id, published_ms, text_norm)
            VALUES ($id, $source, $published, $text)
            """,
            ("$id", reportId),
            ("$source", row.SourceActorId),
            ("$published", row.PublishedAt is { } published ? Millis(published) : DBNull.Value),
            ("$text", ClaimText.Normalize(row.Title + "\n" + row.Text)));
}
