using System.Data.Common;
using System.Globalization;

namespace ClaimTracker.Storage;

/// <summary>
/// Claim lists with words, so that their cost does not grow with how many claims contain the words: by relevance the
/// store ranks only the newest matches (<see cref="RelevanceCandidates"/>); in another order, when many claims match,
/// the order's index is walked and each row checked against the matches (<see cref="OrderIndex"/>); the count reads
/// the full-text index alone.
/// </summary>
public abstract partial class SqlStore
{
    /// <summary>How many of the newest matching claims a relevance order ranks: all matches when fewer.</summary>
    public const int RelevanceCandidates = 2_000;

    /// <summary>Above this many matches a sorted list with words walks its order's index (where the dialect has one).</summary>
    protected const int OrderIndexThreshold = 2_000;

    /// <summary>
    /// The matching claims (conditions <paramref name="where"/>, the words first) as rows of (seq, rank), newest
    /// first, for a LIMIT to follow; <paramref name="filtered"/> when conditions other than the words apply.
    /// </summary>
    protected abstract string RelevanceCandidatesSql(string where, bool filtered);

    /// <summary>One row per claim that has the words (parameter @q), read from the full-text index alone where it can.</summary>
    protected abstract string WordCountSql { get; }

    /// <summary>The words condition as a test of c.seq against the full-text index, for an index walk.</summary>
    protected virtual string MatchesSubquery => throw new NotSupportedException("this store has no index walk with words");

    /// <summary>The hint that makes a claim query walk the index of <paramref name="sort"/>; null to leave it to the planner.</summary>
    protected virtual string? OrderIndex(ClaimSort sort) => null;

    private async Task<StoredPage> QueryByRelevanceAsync(
        DbCommand command, ClaimQuery query, List<string> where, CancellationToken cancellationToken)
    {
        var keyset = string.Empty;
        if (query.After is { } after)
        {
            keyset = "WHERE (m.rank > @afterRank OR (m.rank = @afterRank AND m.seq < @afterSeq))";
            command.AddParameter("@afterRank", after.Rank);
            command.AddParameter("@afterSeq", after.Seq);
        }

        var candidates = RelevanceCandidatesSql(WhereClause(where), where.Count > 1);
        // The page is picked from the candidates before any claim row is read: only its rows are joined.
        command.CommandText = $"""
            SELECT p.seq, c.summary, p.rank
            FROM (SELECT m.seq, m.rank FROM ({candidates} LIMIT @candidates) m {keyset} ORDER BY m.rank ASC, m.seq DESC LIMIT @limit) p
            JOIN claims c ON c.seq = p.seq
            ORDER BY p.rank ASC, p.seq DESC
            """;
        command.AddParameter("@candidates", RelevanceCandidates);
        command.AddParameter("@limit", query.PageSize + 1);
        return await ReadClaimPageAsync(command, query.PageSize, ranked: true, cancellationToken);
    }

    /// <summary>Whether more than <see cref="OrderIndexThreshold"/> claims have the words (counted in the full-text index).</summary>
    private async Task<bool> ManyMatchesAsync(DbConnection connection, string text, CancellationToken cancellationToken)
    {
        if (OrderIndex(ClaimSort.Newest) is null)
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM ({WordCountSql} LIMIT @n) x";
        command.AddParameter("@q", TextQuery(Words(text)));
        command.AddParameter("@n", OrderIndexThreshold + 1);
        var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return count > OrderIndexThreshold;
    }
}
