namespace ClaimTracker.Grains;

/// <summary>One report, keyed by the client's report_id.</summary>
[Alias("ct.IReportGrain")]
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>Stores the report and links its statements; idempotent for identical content.</summary>
    [Alias("Register")]
    Task<RegistrationResult> Register(ReportSubmission submission);

    [Alias("Get")]
    Task<ReportRecord?> Get();
}

/// <summary>One claim, keyed by claim id: its statements, origins and corroboration.</summary>
[Alias("ct.IClaimGrain")]
public interface IClaimGrain : IGrainWithStringKey
{
    /// <summary>Appends a statement; a statement id seen before returns the earlier result.</summary>
    [Alias("AddStatement")]
    Task<AddStatementResult> AddStatement(StatementRecord statement);

    [Alias("Exists")]
    Task<bool> Exists();

    /// <summary>The claim with its most recent statements first; null when the claim does not exist.</summary>
    [Alias("GetDetails")]
    Task<ClaimDetails?> GetDetails(int statementPageSize, string statementPageToken);
}

/// <summary>One actor, keyed by actor id: aliases (and the reports they came from), statements, claims.</summary>
[Alias("ct.IActorGrain")]
public interface IActorGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(ActorActivity activity);

    [Alias("Get")]
    Task<ActorSnapshot?> Get();
}
