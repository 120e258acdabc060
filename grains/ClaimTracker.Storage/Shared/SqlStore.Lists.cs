using System.Data.Common;
using System.Globalization;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Storage;

/// <summary>
/// Claim, statement and report lists: each reads one index in its order (keyset pages, newest first) and
/// filters the rows it walks; words go through the store's full-text index (<see cref="TextSearch"/>).
/// </summary>
public abstract partial class SqlStore
{
    private const string ClaimCountSql = "SELECT COALESCE(MAX(seq), 0) FROM claims";

    /// <summary>How the dialect matches words in <paramref name="table"/> (alias <paramref name="alias"/>) through its full-text
    /// index: a join to add, the condition (on the parameter @q) and a rank expression, lower is better.</summary>
    protected abstract TextSearchSql TextSearch(string table, string alias);

    /// <summary>The value of @q that matches rows containing every one of <paramref name="words"/> as a word.</summary>
    protected abstract string TextQuery(IReadOnlyList<string> words);

    public async Task<StoredPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (from, where, rank) = ClaimConditions(command, query);
        var sort = query.Sort == ClaimSort.Relevance && rank is null ? ClaimSort.Newest : query.Sort;
        if (sort == ClaimSort.Relevance)
        {
            return await QueryByRelevanceAsync(command, query, where, cancellationToken);
        }

        if (rank is not null && sort != ClaimSort.Arrival
            && await ManyMatchesAsync(connection, query.Text!, cancellationToken) && OrderIndex(sort) is { } orderIndex)
        {
            // Many claims have the words: walk the order's index and keep the rows among the matches, instead of
            // reading every match to sort them.
            from = $"claims c {orderIndex}";
            where[0] = MatchesSubquery;
        }

        if (sort == ClaimSort.Arrival)
        {
            return await ReadPageAsync(command, $"SELECT c.seq, c.summary FROM {from}", "c.seq", where, query.PageSize, query.Before,
                cancellationToken);
        }

        var key = sort switch
        {
            ClaimSort.RecentlyUpdated => "c.updated_ms",
            ClaimSort.MostStatements => "c.statement_count",
            _ => "c.first_reported_ms",
        };
        if (query.After is { } after)
        {
            where.Add($"({key}, c.seq) < (@afterKey, @afterSeq)");
            command.AddParameter("@afterKey", after.Key);
            command.AddParameter("@afterSeq", after.Seq);
        }

        command.CommandText =
            $"SELECT c.seq, c.summary, {key} FROM {from} {WhereClause(where)} ORDER BY {key} DESC, c.seq DESC LIMIT @limit";
        command.AddParameter("@limit", query.PageSize + 1);
        return await ReadClaimPageAsync(command, query.PageSize, ranked: false, cancellationToken);
    }

    /// <summary>Reads a sorted claim page: rows of (seq, summary, key or rank), one more than the page to tell if more follow.</summary>
    private static async Task<StoredPage> ReadClaimPageAsync(
        DbCommand command, int pageSize, bool ranked, CancellationToken cancellationToken)
    {
        var items = new List<byte[]>();
        ListPosition? last = null;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == pageSize)
            {
                more = true;
                break;
            }

            items.Add((byte[])reader.GetValue(1));
            last = ranked
                ? new ListPosition(0, Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetInt64(0))
                : new ListPosition(reader.GetInt64(2), 0, reader.GetInt64(0));
        }

        return new StoredPage(items, null) { Next = more ? last : null };
    }

    public async Task<CountEstimate> EstimateClaimsAsync(ClaimQuery query, int cap, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (from, where, rank) = ClaimConditions(command, query);
        var sql = rank is not null && where.Count == 1 ? WordCountSql : $"SELECT 1 FROM {from} {WhereClause(where)}";
        command.CommandText = $"SELECT COUNT(*) FROM ({sql} LIMIT @cap) x";
        command.AddParameter("@cap", cap + 1);
        var counted = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (counted <= cap)
        {
            return new CountEstimate(counted, true);
        }

        if (where.Count > 0)
        {
            return new CountEstimate(cap, false);
        }

        // Claims are only ever added, so the last seq is their number (up to seqs a failed write skipped).
        await using var total = Command(connection, ClaimCountSql);
        return new CountEstimate(Convert.ToInt64(await total.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture), false);
    }

    public async Task<StoredPage> QueryStatementsAsync(StatementQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        Equal(command, where, "s.actor_id", "@actor", query.ActorId);
        Equal(command, where, "s.origin_actor_id", "@origin", query.OriginActorId);
        Equal(command, where, "s.source_actor_id", "@source", query.SourceActorId);
        Equal(command, where, "s.report_id", "@report", query.ReportId);
        Equal(command, where, "s.claim_id", "@claim", query.ClaimId);
        if (query.Stance is { } stance)
        {
            where.Add("s.stance = @stance");
            command.AddParameter("@stance", stance);
        }

        InRange(command, where, "s.published_ms", "@published", query.Published);
        return await ReadPageAsync(
            command, $"SELECT s.seq, s.payload, s.withdrawn_note FROM {StatementsFrom(query)}", "s.seq", where, query.PageSize,
            query.Before, cancellationToken, notes: true);
    }

    /// <summary>The statements a statement query reads, as <c>s</c> (the conditions on s follow, with @origin bound when
    /// the query names an origin): the table itself by default.</summary>
    protected virtual string StatementsFrom(StatementQuery query) => "statements s";

    public async Task<StoredPage> QueryReportsAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        var from = "report_list l";
        var words = Words(query.Text);
        if (words.Count > 0)
        {
            var search = TextSearch("report_list", "l");
            from += " " + search.Join;
            where.Add(search.Condition);
            command.AddParameter("@q", TextQuery(words));
        }

        Equal(command, where, "l.source_actor_id", "@source", query.SourceActorId);
        InRange(command, where, "l.published_ms", "@published", query.Published);
        return await ReadPageAsync(
            command,
            $"SELECT l.seq, r.payload FROM {from} JOIN reports r ON r.report_id = l.report_id",
            "l.seq",
            where,
            query.PageSize,
            query.Before,
            cancellationToken);
    }

    /// <summary>The FROM clause, conditions and rank expression (null without words) of a claim query.</summary>
    private (string From, List<string> Where, string? Rank) ClaimConditions(DbCommand command, ClaimQuery query)
    {
        var where = new List<string>();
        var from = "claims c";
        string? rank = null;
        var words = Words(query.Text);
        if (words.Count > 0)
        {
            var search = TextSearch("claims", "c");
            from += " " + search.Join;
            where.Add(search.Condition);
            rank = search.Rank;
            command.AddParameter("@q", TextQuery(words));
        }

        if (query.Status is { } status)
        {
            where.Add("c.status = @status");
            command.AddParameter("@status", (int)status);
        }

        if (!string.IsNullOrEmpty(query.ActorId))
        {
            where.Add("EXISTS (SELECT 1 FROM claim_actors a WHERE a.actor_id = @actor AND a.claim_id = c.claim_id)");
            command.AddParameter("@actor", query.ActorId);
        }

        InRange(command, where, "c.first_reported_ms", "@first", query.FirstReported);
        InRange(command, where, "c.updated_ms", "@updated", query.Updated);
        if (query.MaxCredibility is { } credibility)
        {
            where.Add("c.credibility <= @credibility");
            command.AddParameter("@credibility", credibility);
        }

        if (query.MinOrigins is { } origins)
        {
            where.Add("c.origin_count >= @origins");
            command.AddParameter("@origins", origins);
        }

        return (from, where, rank);
    }

    /// <summary>The normalised words of <paramref name="text"/> (letters and digits only), none for blank text.</summary>
    private static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : ClaimText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void Equal(DbCommand command, List<string> where, string column, string parameter, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            where.Add($"{column} = {parameter}");
            command.AddParameter(parameter, value);
        }
    }

    private static void InRange(DbCommand command, List<string> where, string column, string parameter, TimeRange range)
    {
        if (range.From is { } from)
        {
            where.Add($"{column} >= {parameter}From");
            command.AddParameter(parameter + "From", from.ToUnixTimeMilliseconds());
        }

        if (range.To is { } to)
        {
            where.Add($"{column} < {parameter}To");
            command.AddParameter(parameter + "To", to.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Milliseconds since the Unix epoch: the integer time the list columns hold.</summary>
    protected static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>A dialect's full-text match: see <see cref="TextSearch"/>.</summary>
    protected sealed record TextSearchSql(string Join, string Condition, string Rank);
}
