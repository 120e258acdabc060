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

    /// <summary>The outlet retracted the report: every statement is withdrawn; the report stays readable, marked retracted.</summary>
    [Alias("Retract")]
    Task<CorrectionOutcome> Retract(Correction correction);

    /// <summary>
    /// A new revision: statements the report no longer makes are withdrawn, new ones are linked, the rest stay as they are.
    /// <paramref name="revision"/> carries the new content under this report's id and source.
    /// </summary>
    [Alias("Correct")]
    Task<CorrectionOutcome> Correct(ReportSubmission revision, Correction correction);

    /// <summary>An analyst moved one of the report's statements to <paramref name="claimId"/>: the report remembers where it is.</summary>
    [Alias("StatementMoved")]
    Task StatementMoved(string statementId, string claimId);

    /// <summary>The claims the report's current statements are on (after any relinks).</summary>
    [Alias("CurrentClaims")]
    Task<string[]> CurrentClaims();

    /// <summary>
    /// The current statements of actor <paramref name="actorId"/> in this report (their ClaimId is the claim they are on
    /// now); with <paramref name="aliasKey"/>, only those made under that alias (the words at their source span, else the
    /// speaker, normalised).
    /// </summary>
    [Alias("StatementsOf")]
    Task<StatementRecord[]> StatementsOf(string actorId, string? aliasKey);

    /// <summary>An analyst moved these statements to another actor: the report remembers it.</summary>
    [Alias("StatementsReattributed")]
    Task StatementsReattributed(string[] statementIds, string fromActorId, string toActorId, string toName);
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

    // Corrections (see ClaimGrain.Corrections); each is idempotent under its correction id.

    [Alias("GetMergeState")]
    Task<ClaimMergeState> GetMergeState();

    /// <summary>Source side of a merge: from now on this claim answers with the target; returns the statements that counted here.</summary>
    [Alias("MergeInto")]
    Task<StatementRecord[]> MergeInto(string targetClaimId, Correction correction);

    /// <summary>Target side of a merge: the source's statements count here too.</summary>
    [Alias("Absorb")]
    Task Absorb(StatementRecord[] statements, Correction merge);

    /// <summary>A statement that reached a merged-away claim: it counts here, and returns with the source if the merge is undone.</summary>
    [Alias("AbsorbArrived")]
    Task<AddStatementResult> AbsorbArrived(StatementRecord statement, string mergeId);

    /// <summary>Target side of an unmerge: the merge's statements leave; returns them.</summary>
    [Alias("ReleaseMerge")]
    Task<StatementRecord[]> ReleaseMerge(Correction unmerge);

    /// <summary>Source side of an unmerge: the claim stands alone again, with the statements that reached it meanwhile.</summary>
    [Alias("EndMerge")]
    Task EndMerge(Correction unmerge, StatementRecord[] absorbed);

    /// <summary>The statement as this claim holds it; null when it never reached this claim.</summary>
    [Alias("GetStatement")]
    Task<StatementRecord?> GetStatement(string statementId);

    /// <summary>
    /// Why the statement no longer counts here, when a correction other than <paramref name="correctionId"/> withdrew it
    /// (relinked away, corrected, retracted); null when it still counts or that correction is the one that withdrew it.
    /// </summary>
    [Alias("WithdrawnByAnother")]
    Task<string?> WithdrawnByAnother(string statementId, string correctionId);

    /// <summary>The statement stops counting here (it stays in the history); false when it is not on this claim.</summary>
    [Alias("Withdraw")]
    Task<bool> Withdraw(string statementId, Correction correction, string note);

    /// <summary>An analyst links the statement here; it counts here from now on, whatever the matcher says later.</summary>
    [Alias("Relink")]
    Task<AddStatementResult> Relink(StatementRecord statement, Correction correction);

    /// <summary>Records (or ends) a relation; returns this claim's supporting origin ids.</summary>
    [Alias("Relate")]
    Task<string[]> Relate(ClaimRelation relation, bool removed, string[] otherOrigins, Correction correction);

    [Alias("SupportingOriginIds")]
    Task<string[]> SupportingOriginIds();

    /// <summary>An analyst moved these statements (as they read now) to another actor; they count as that origin from now on.</summary>
    [Alias("Reattribute")]
    Task Reattribute(StatementRecord[] statements, Correction correction);
}

/// <summary>
/// Serialises merges between two claims, keyed by the pair's ids in ordinal order ("c-1|c-2"): two analysts merging the
/// same pair at once, in either direction, get one merge.
/// </summary>
[Alias("ct.IClaimPairGrain")]
public interface IClaimPairGrain : IGrainWithStringKey
{
    [Alias("Merge")]
    Task<CorrectionOutcome> Merge(string sourceClaimId, string targetClaimId, Correction correction);

    [Alias("Unmerge")]
    Task<CorrectionOutcome> Unmerge(string sourceClaimId, string targetClaimId, Correction unmerge);
}

/// <summary>One actor, keyed by actor id: aliases (and the reports they came from), statements, claims.</summary>
[Alias("ct.IActorGrain")]
public interface IActorGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(ActorActivity activity);

    [Alias("Get")]
    Task<ActorSnapshot?> Get();

    /// <summary>Journals an analyst's correction (an alias moved in or out, a merge); one applied before changes nothing.</summary>
    [Alias("Correct")]
    Task Correct(ActorJournalEvent correction);
}

/// <summary>
/// Serialises the corrections that move aliases out of one actor, keyed by that actor's id (non-reentrant): of two
/// analysts moving the same alias, or merging the same actor, at once, the second finds it done and is refused.
/// </summary>
[Alias("ct.IActorCorrectionGrain")]
public interface IActorCorrectionGrain : IGrainWithStringKey
{
    [Alias("Split")]
    Task<CorrectionOutcome> Split(Correction correction, string alias, string toActorId);

    [Alias("Merge")]
    Task<CorrectionOutcome> Merge(Correction correction, string targetActorId);
}
