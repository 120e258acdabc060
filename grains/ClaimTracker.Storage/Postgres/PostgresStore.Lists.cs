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
    // in a short text weighs more.
    protected override TextSearchSql TextSearch(string table, string alias) =>
        new(string.Empty, $"{alias}.search @@ to_tsquery('simple', @q)", $"(-ts_rank({alias}.search, to_tsquery('simple', @q), 1))");

    // The GIN index yields the matches unordered: the newest are picked by seq first, and only they are ranked.
    protected override string RelevanceCandidatesSql(string where, bool filtered) => $"""
        SELECT n.seq AS seq, (-ts_rank(n.search, to_tsquery('simple', @q), 1)) AS rank
        FROM (SELECT c.seq, c.search FROM claims c {where} ORDER BY c.seq DESC LIMIT @candidates) n
        """;

    protected override string WordCountSql => "SELECT 1 FROM claims c WHERE c.search @@ to_tsquery('simple', @q)";

    /// <summary>The words joined by &amp; (normalised words hold letters and digits only, nothing tsquery would parse).</summary>
    protected override string TextQuery(IReadOnlyList<string> words) => string.Join(" & ", words);

    private static void AddClaimListRows(NpgsqlBatch batch, string claimId, ClaimRow projection)
    {
        var keys = projection.Keys;
        var upsert = Add(batch, """
            INSERT INTO claims (claim_id, text_norm, status, updated_at, summary,
                                first_reported_ms, updated_ms, credibility, origin_count, statement_count)
            VALUES (@claim, @text, @status, @updated, @summary, @first, @updatedMs, @credibility, @origins, @statements)
            ON CONFLICT (claim_id) DO UPDATE SET
                status = excluded.status, updated_at = excluded.updated_at, summary = excluded.summary,
                first_reported_ms = excluded.first_reported_ms, updated_ms = excluded.updated_ms,
                credibility = excluded.credibility, origin_count = excluded.origin_count,
                statement_count = excluded.statement_count
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

        if (projection.Statements.Count == 0)
        {
            return;
        }

        var rows = projection.Statements;
        var statements = Add(batch, """
            INSERT INTO statements
                (statement_id, claim_id, report_id, actor_id, origin_actor_id, source_actor_id, stance, published_ms, payload)
            SELECT s.id, @claim, s.report, s.actor, s.origin, s.source, s.stance, s.published, s.payload
            FROM unnest(@ids, @reports, @actors, @origins, @sources, @stances, @published, @payloads)
                AS s(id, report, actor, origin, source, stance, published, payload)
            ON CONFLICT (report_id, statement_id) DO UPDATE
                SET claim_id = EXCLUDED.claim_id, stance = EXCLUDED.stance, payload = EXCLUDED.payload
                WHERE statements.claim_id <> EXCLUDED.claim_id
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
