using System.Data.Common;
using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: every read, as one statement text both dialects accept
/// (parameters named <c>@name</c>), and the reading of its rows. The stores add their writes, which
/// differ (SQLite runs a write's statements one by one on its single group-committing writer;
/// PostgreSQL sends each group of writes as one batch), and the little where the dialects disagree.
/// </summary>
public abstract partial class SqlStore
    : IClaimJournal, IActorJournal, IReportStore, IAliasDirectory, IClaimFeedLog, IClaimIndexLog, IProjectionQueries, IListQueries
{
    private const string ReadJournalSql =
        "SELECT version, payload FROM journal WHERE stream = @stream AND version BETWEEN @first AND @last ORDER BY version";

    private const string ReadFeedSql =
        "SELECT position, claim_id, payload FROM claim_feed WHERE position > @after ORDER BY position LIMIT @limit";

    private const string ReadReportSql = "SELECT payload FROM reports WHERE report_id = @id";

    private const string ReadClaimIndexSql =
        "SELECT position, claim_id, text, embedding FROM claim_index WHERE position > @after ORDER BY position LIMIT @limit";

    private const string CountClaimsByStatusSql = "SELECT status, COUNT(*) FROM claims GROUP BY status";

    /// <summary>
    /// The function that gives a substring's position in a string (0 when absent): instr in SQLite,
    /// strpos in PostgreSQL.
    /// </summary>
    protected abstract string PositionFunction { get; }

    /// <summary>A connection for reading, open.</summary>
    protected abstract ValueTask<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    public abstract Task<bool> AppendClaimAsync(
        string claimId, int expectedVersion, IReadOnlyList<JournalAppend> events, IReadOnlyList<byte[]> feedEntries, ClaimRow projection);

    public abstract Task<bool> AppendActorAsync(
        string actorId, int expectedVersion, IReadOnlyList<JournalAppend> events, ActorRow projection);

    public abstract Task WriteReportAsync(string reportId, byte[] payload, ReportRow? row = null);

    public abstract Task<string[]> ResolveActorIdsAsync(IReadOnlyList<ActorAliasCandidate> candidates);

    public abstract Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> entries);

    public abstract Task<long> ReadFeedHeadAsync(CancellationToken cancellationToken = default);

    public Task<IReadOnlyList<JournalEntry>> ReadClaimAsync(string claimId, CancellationToken cancellationToken = default) =>
        ReadJournalAsync(JournalStreams.Claim(claimId), 1, int.MaxValue, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> ReadClaimAsync(
        string claimId, int firstVersion, int lastVersion, CancellationToken cancellationToken = default) =>
        ReadJournalAsync(JournalStreams.Claim(claimId), firstVersion, lastVersion, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> ReadActorAsync(string actorId, CancellationToken cancellationToken = default) =>
        ReadJournalAsync(JournalStreams.Actor(actorId), 1, int.MaxValue, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> ReadActorAsync(
        string actorId, int firstVersion, int lastVersion, CancellationToken cancellationToken = default) =>
        ReadJournalAsync(JournalStreams.Actor(actorId), firstVersion, lastVersion, cancellationToken);

    public Task<IReadOnlyList<FeedRow>> ReadFeedAsync(long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        ReadRowsAsync(
            ReadFeedSql,
            [("@after", afterPosition), ("@limit", limit)],
            reader => new FeedRow(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)),
            cancellationToken);

    public async Task<byte[]?> ReadReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, ReadReportSql, ("@id", reportId));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public Task<IReadOnlyList<StoredClaimIndexEntry>> ReadClaimIndexAsync(
        long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        ReadRowsAsync(
            ReadClaimIndexSql,
            [("@after", afterPosition), ("@limit", limit)],
            reader => new StoredClaimIndexEntry(
                reader.GetInt64(0),
                new ClaimIndexEntry(reader.GetString(1), reader.GetString(2), EmbeddingCodec.FromBytes((byte[])reader.GetValue(3)))),
            cancellationToken);

    public async Task<StoredPage> QueryActorsAsync(ActorQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        AddWordFilters(command, where, "names_norm", query.Text);
        return await ReadPageAsync(
            command, "SELECT seq, snapshot FROM actors", "seq", where, query.PageSize, query.Before, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<CorroborationStatus, long>> CountClaimsByStatusAsync(
        CancellationToken cancellationToken = default)
    {
        var rows = await ReadRowsAsync(
            CountClaimsByStatusSql, [], reader => ((CorroborationStatus)reader.GetInt32(0), reader.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(row => row.Item1, row => row.Item2);
    }

    private Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(
        string stream, int firstVersion, int lastVersion, CancellationToken cancellationToken) =>
        ReadRowsAsync(
            ReadJournalSql,
            [("@stream", stream), ("@first", firstVersion), ("@last", lastVersion)],
            reader => new JournalEntry(reader.GetInt32(0), (byte[])reader.GetValue(1)),
            cancellationToken);

    private async Task<IReadOnlyList<T>> ReadRowsAsync<T>(
        string sql, (string Name, object Value)[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }

    /// <summary>One condition per normalised word of <paramref name="text"/>: <paramref name="column"/> must contain them all.</summary>
    private void AddWordFilters(DbCommand command, List<string> where, string column, string? text)
    {
        // Normalised words are letters and digits only, so no escaping.
        var words = string.IsNullOrWhiteSpace(text) ? [] : ClaimText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var name = "@w" + i.ToString(CultureInfo.InvariantCulture);
            where.Add($"{PositionFunction}({column}, {name}) > 0");
            command.AddParameter(name, words[i]);
        }
    }

    private static string WhereClause(List<string> where) => where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);

    /// <summary>
    /// Completes a list query (<paramref name="select"/> of (seq, payload) rows under the conditions in
    /// <paramref name="where"/>) as a keyset page: newest first, before <paramref name="before"/>, one row
    /// more than the page, which tells whether a next page exists. With <paramref name="notes"/>, a third column
    /// (text or null) is read into the page's notes.
    /// </summary>
    private static async Task<StoredPage> ReadPageAsync(
        DbCommand command,
        string select,
        string seq,
        List<string> where,
        int pageSize,
        long? before,
        CancellationToken cancellationToken,
        bool notes = false)
    {
        if (before is { } value)
        {
            where.Add($"{seq} < @before");
            command.AddParameter("@before", value);
        }

        command.CommandText = $"{select} {WhereClause(where)} ORDER BY {seq} DESC LIMIT @limit";
        command.AddParameter("@limit", pageSize + 1);
        var items = new List<byte[]>();
        var itemNotes = new List<string?>();
        long? lastSeq = null;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == pageSize)
            {
                more = true;
                break;
            }

            lastSeq = reader.GetInt64(0);
            items.Add((byte[])reader.GetValue(1));
            if (notes)
            {
                itemNotes.Add(reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }

        return new StoredPage(items, more ? lastSeq : null) { Notes = itemNotes };
    }
}
