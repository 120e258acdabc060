using System.Globalization;

namespace ClaimTracker.Storage;

/// <summary>The corrections audit trail's reads, shared by both dialects (times are stored as sortable UTC text).</summary>
public abstract partial class SqlStore : ICorrectionLog
{
    public abstract Task<bool> RecordCorrectionAsync(StoredCorrection correction);

    public async Task<byte[]?> ReadCorrectionAsync(string correctionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, "SELECT payload FROM corrections WHERE correction_id = @id", ("@id", correctionId));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<StoredPage> QueryCorrectionsAsync(CorrectionQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (!string.IsNullOrEmpty(query.Analyst))
        {
            where.Add("analyst = @analyst");
            command.AddParameter("@analyst", query.Analyst);
        }

        for (var i = 0; i < query.Subjects.Count; i++)
        {
            var name = "@subject" + i.ToString(CultureInfo.InvariantCulture);
            where.Add($"{PositionFunction}(subjects, {name}) > 0");
            command.AddParameter(name, " " + query.Subjects[i] + " ");
        }

        if (query.Since is { } since)
        {
            where.Add("recorded_at >= @since");
            command.AddParameter("@since", StoredTime(since));
        }

        if (query.Until is { } until)
        {
            where.Add("recorded_at < @until");
            command.AddParameter("@until", StoredTime(until));
        }

        return await ReadPageAsync(
            command, "SELECT seq, payload FROM corrections", "seq", where, query.PageSize, query.Before, cancellationToken);
    }

    /// <summary>UTC, fixed width, so that text order is time order.</summary>
    protected static string StoredTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
