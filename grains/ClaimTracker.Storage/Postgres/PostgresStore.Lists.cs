using ClaimTracker.Analysis.Identity;
using Npgsql;
using NpgsqlTypes;

namespace ClaimTracker.Storage.Postgres;

/// <summary>The cluster store's list rows and its full-text search (generated tsvector columns with GIN indexes, migration
/// 35).</summary>
public sealed partial class PostgresStore
{
    // The 'simple' configuration lowercases and splits on words, without stemming or stop words: the same
    // words as the embedded store's FTS5 index. Rank normalisation 1 divides by 1 + log(length): like BM25, a word
    // in a short text weighs more. A claim's words are in claim_words (migration 48), a report's in its list row.
    protected override TextSearchSql TextSearch(string table, string alias)
    {
        var (join, words) = table == "claims" ? ($"JOIN claim_words w ON w.seq = {alias}.seq", "w") : (string.Empty, alias);
        return new(join, $"{words}.search @@ to_tsquery('simple', @q)", $"(-ts_rank({words}.search, to_tsquery('simple', @q), 1))");
    }

    // The GIN index yields the matches unordered: the newest are picked by seq first, and only they are ranked. With the
    // words alone, the claims table is not read.
    protected override string RelevanceCandidatesSql(string where, bool filtered) => $"""
        SELECT n.seq AS seq, (-ts_rank(n.search, to_tsquery('simple', @q), 1)) AS rank
        FROM (SELECT w.seq, w.search FROM {(filtered ? "claims c JOIN claim_words w ON w.seq = c.seq" : "claim_words w")} {where}
              ORDER BY w.seq DESC LIMIT @candidates) n
        """;

    protected override string WordCountSql => "SELECT 1 FROM claim_words w WHERE w.search @@ to_tsquery('simple', @q)";

    /// <summary>The words joined by &amp; (normalised words hold letters and digits only, nothing tsquery would parse).</summary>
    protected override string TextQuery(IReadOnlyList<string> words) => string.Join(" & ", words);

    private static void AddClaimListRows(NpgsqlBatch batch, string claimId, ClaimRow projection)
    {
        var keys = projection.Keys;
        // An update first: an INSERT … ON CONFLICT of an existing claim would take a number of the seq identity it then
        // throws away (seq counts the claims, SqlStore.EstimateClaimsAsync) and compute the row to insert for nothing. A
        // claim written first by another silo at the same moment is updated by the insert's ON CONFLICT.
        var upsert = Add(batch, """
            WITH updated AS (
                UPDATE claims SET
                    status = @status, updated_at = @updated, summary = @summary, first_reported_ms = @first,
                    updated_ms = @updatedMs, credibility = @credibility, origin_count = @origins, statement_count = @statements
                WHERE claim_id = @claim
                RETURNING seq),
            inserted AS (
                INSERT INTO claims (claim_id, text_norm, status, updated_at, summary,
                                    first_reported_ms, updated_ms, credibility, origin_count, statement_count)
                SELECT @claim, @text, @status, @updated, @summary, @first, @updatedMs, @credibility, @origins, @statements
                WHERE NOT EXISTS (SELECT 1 FROM updated)
                ON CONFLICT (claim_id) DO UPDATE SET
                    status = excluded.status, updated_at = excluded.updated_at, summary = excluded.summary,
                    first_reported_ms = excluded.first_reported_ms, updated_ms = excluded.updated_ms,
                    credibility = excluded.credibility, origin_count = excluded.origin_count,
                    statement_count = excluded.statement_count
                RETURNING seq, text_norm)
            INSERT INTO claim_words (seq, search) SELECT seq, to_tsvector('simple', text_norm) FROM inserted
            ON CONFLICT (seq) DO NOTHING
            """);
        upsert.Parameters.AddWithValue("claim", claimId);
        upsert.Parameters.AddWithValue("text", ClaimText.Normalize(projection.Text));
        upsert.Parameters.AddWithValue("status", (int)projection.Status);
        upsert.Parameters.AddWithValue("updated", projection.UpdatedAt.ToUniversalTime());
        upsert.Parameters.AddWithValue("summary", projection.Summary);
        upsert.Parameters.AddWithValue("first", Millis(keys.FirstReportedAt));
        upsert.Parameters.AddWithValue("updatedMs", Millis(projection.UpdatedAt));
        upsert.Parameters.AddWithValue("credibility", keys.Credibility);
        upsert.Parameters.AddWithValue("origins", keys.OriginCount);
        upsert.Parameters.AddWithValue("statements", keys.StatementCount);

        AddWithdrawals(batch, claimId, projection.Withdrawals);
        if (projection.Statements.Count == 0)
        {
            return;
        }

        var rows = projection.Statements;
        var statements = Add(batch, """
            INSERT INTO statements
                (statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload,
                 withdrawn_note)
            SELECT s.id, @claim, s.report, s.actor, s.origin, s.source, s.stance, s.published, s.payload, s.note
            FROM unnest(@ids, @reports, @actors, @origins, @sources, @stances, @published, @payloads, @notes)
                AS s(id, report, actor, origin, source, stance, published, payload, note)
            ON CONFLICT (report_id, statement_id) DO UPDATE
                SET claim_id = EXCLUDED.claim_id, actor_id = EXCLUDED.actor_id, origin_actor_id = EXCLUDED.origin_actor_id,
                    source_actor_id = EXCLUDED.source_actor_id, stance = EXCLUDED.stance, payload = EXCLUDED.payload,
                    withdrawn_note = EXCLUDED.withdrawn_note
                WHERE statements.claim_id <> EXCLUDED.claim_id OR statements.actor_id <> EXCLUDED.actor_id
                    OR statements.origin_actor_id <> EXCLUDED.origin_actor_id OR statements.stance <> EXCLUDED.stance
            """);
        statements.Parameters.AddWithValue("claim", claimId);
        statements.Parameters.AddWithValue("ids", rows.Select(r => r.StatementId).ToArray());
        statements.Parameters.AddWithValue("reports", rows.Select(r => r.ReportId).ToArray());
        statements.Parameters.AddWithValue("actors", rows.Select(r => r.ActorId).ToArray());
        statements.Parameters.AddWithValue("origins", rows.Select(r => r.OriginActorId).ToArray());
        statements.Parameters.AddWithValue("sources", rows.Select(r => r.SourceActorId).ToArray());
        statements.Parameters.AddWithValue("stances", rows.Select(r => r.Stance).ToArray());
        statements.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = rows.Select(r => r.PublishedAt is { } published ? Millis(published) : (long?)null).ToArray(),
        });
        statements.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            Value = rows.Select(r => r.Payload).ToArray(),
        });
        statements.Parameters.Add(new NpgsqlParameter("notes", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = rows.Select(r => r.WithdrawnNote).ToArray(),
        });
    }

    private static void AddWithdrawals(NpgsqlBatch batch, string claimId, IReadOnlyList<StatementWithdrawal> withdrawals)
    {
        if (withdrawals.Count == 0)
        {
            return;
        }

        var update = Add(batch, """
            UPDATE statements SET withdrawn_note = w.note
            FROM unnest(@reports, @ids, @notes) AS w(report, id, note)
            WHERE statements.report_id = w.report AND statements.statement_id = w.id AND statements.claim_id = @claim
            """);
        update.Parameters.AddWithValue("claim", claimId);
        update.Parameters.AddWithValue("reports", withdrawals.Select(w => w.ReportId).ToArray());
        update.Parameters.AddWithValue("ids", withdrawals.Select(w => w.StatementId).ToArray());
        update.Parameters.AddWithValue("notes", withdrawals.Select(w => w.Note).ToArray());
    }

    private static void AddReportListRow(NpgsqlBatch batch, string reportId, ReportRow row)
    {
        var insert = Add(batch, """
            INSERT INTO report_list (report_id, source_actor_id, published_ms, text_norm)
            VALUES (@id, @source, @published, @text)
            ON CONFLICT (report_id) DO NOTHING
            """);
        insert.Parameters.AddWithValue("id", reportId);
        insert.Parameters.AddWithValue("source", row.SourceActorId);
        insert.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Bigint)
        {
            Value = row.PublishedAt is { } published ? Millis(published) : DBNull.Value,
        });
        insert.Parameters.AddWithValue("text", ClaimText.Normalize(row.Title + "\n" + row.Text));
    }
}
