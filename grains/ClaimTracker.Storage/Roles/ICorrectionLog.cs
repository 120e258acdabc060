namespace ClaimTracker.Storage;

/// <summary>
/// The audit trail of corrections: one row per correction, keyed by its id (the client's idempotency key), with the
/// subjects it touched so it can be listed by analyst, claim, actor, report and time.
/// </summary>
public interface ICorrectionLog
{
    /// <summary>Records a correction; a correction id already recorded is left as it is (false).</summary>
    Task<bool> RecordCorrectionAsync(StoredCorrection correction);

    /// <summary>The correction's serialized record, or null.</summary>
    Task<byte[]?> ReadCorrectionAsync(string correctionId, CancellationToken cancellationToken = default);

    /// <summary>Newest first, keyset pages.</summary>
    Task<StoredPage> QueryCorrectionsAsync(CorrectionQuery query, CancellationToken cancellationToken = default);
}

/// <param name="Subjects">What it touched, as "claim:c-1", "actor:a-x", "report:r-9".</param>
public sealed record StoredCorrection(
    string CorrectionId, string Analyst, DateTimeOffset RecordedAt, IReadOnlyList<string> Subjects, byte[] Payload)
{
    /// <summary>The subjects as one column, each between spaces, so that " claim:c-1 " finds exactly one subject.</summary>
    public string SubjectColumn() => " " + string.Join(' ', Subjects) + " ";
}

/// <param name="Subjects">Subjects the correction must all have touched ("claim:c-1"); empty for any.</param>
public sealed record CorrectionQuery(
    string? Analyst, IReadOnlyList<string> Subjects, DateTimeOffset? Since, DateTimeOffset? Until, int PageSize, long? Before);
