using System.Data.Common;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Storage;

/// <summary>What the SQLite and PostgreSQL stores share for list queries: word filters and keyset pages.</summary>
internal static class ListQueries
{
    /// <summary>The normalised words a list query's text must all contain (letters and digits only, so no escaping).</summary>
    public static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : ClaimText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public const string CountClaimsByStatusSql = "SELECT status, COUNT(*) FROM claims GROUP BY status";

    public static async Task<IReadOnlyDictionary<Analysis.CorroborationStatus, long>> ReadStatusCountsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<Analysis.CorroborationStatus, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(Analysis.CorroborationStatus)reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public static string WhereClause(List<string> where) => where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);

    /// <summary>Reads up to <paramref name="pageSize"/> (seq, payload) rows; the query asked for one more, which tells whether a next page exists.</summary>
    public static async Task<StoredPage> ReadPageAsync(DbCommand command, int pageSize, CancellationToken cancellationToken)
    {
        var items = new List<byte[]>();
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
        }

        return new StoredPage(items, more ? lastSeq : null);
    }
}
