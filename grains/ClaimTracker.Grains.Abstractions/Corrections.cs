namespace ClaimTracker.Grains;

public enum CorrectionKind
{
    Unspecified = 0,
    MergeClaims = 1,
    UnmergeClaims = 2,
    RelinkStatement = 3,
    MergeActors = 4,
    SplitActor = 5,
    RelateClaims = 6,
    UnrelateClaims = 7,
    CorrectReport = 8,
    RetractReport = 9,
}

public enum ClaimRelationKind
{
    Unspecified = 0,
    /// <summary>The subject states the object more precisely.</summary>
    Refines = 1,
    /// <summary>The subject (a newer figure) replaces the object.</summary>
    Supersedes = 2,
    /// <summary>Looks contradictory, but concerns another time, place or unit.</summary>
    ScopeDiffers = 3,
}

/// <summary>
/// One correction by an analyst (or an outlet's correction recorded by one): who, when, why and what it
/// touched. Its id is the client's idempotency key; it travels in the journal events it causes.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.Correction")]
public sealed record Correction
{
    [Id(0)] public required string CorrectionId { get; init; }
    [Id(1)] public CorrectionKind Kind { get; init; }
    [Id(2)] public required string Analyst { get; init; }
    [Id(3)] public required string Reason { get; init; }
    [Id(4)] public DateTimeOffset RecordedAt { get; init; }
    [Id(5)] public string[] ClaimIds { get; init; } = [];
    [Id(6)] public string[] ActorIds { get; init; } = [];
    [Id(7)] public string ReportId { get; init; } = string.Empty;
    [Id(8)] public string[] StatementIds { get; init; } = [];
    /// <summary>What was done, in words.</summary>
    [Id(9)] public string Summary { get; init; } = string.Empty;
    /// <summary>For an unmerge: the merge's correction id.</summary>
    [Id(10)] public string MergeId { get; init; } = string.Empty;
    [Id(11)] public ClaimRelationKind Relation { get; init; }
    /// <summary>For an actor split or merge: the aliases moved.</summary>
    [Id(12)] public string[] Aliases { get; init; } = [];
}

/// <summary>A typed relation as the claim carrying it sees it.</summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimRelation")]
public sealed record ClaimRelation(
    [property: Id(0)] ClaimRelationKind Kind,
    [property: Id(1)] string OtherClaimId,
    [property: Id(2)] bool IsSubject,
    [property: Id(3)] string CorrectionId);

/// <summary>What a correction could not do, in words for the caller, and whether the target was missing or in the wrong state.</summary>
public enum CorrectionRefusal
{
    None = 0,
    NotFound = 1,
    FailedPrecondition = 2,
    /// <summary>Done before under another correction (its id is the message), e.g. a second analyst's merge of the same pair.</summary>
    AlreadyDone = 3,
}

[GenerateSerializer, Immutable, Alias("ct.CorrectionOutcome")]
public sealed record CorrectionOutcome(
    [property: Id(0)] Correction? Correction,
    [property: Id(1)] CorrectionRefusal Refusal,
    [property: Id(2)] string Message)
{
    public static CorrectionOutcome Done(Correction correction) => new(correction, CorrectionRefusal.None, string.Empty);

    public static CorrectionOutcome NotFound(string message) => new(null, CorrectionRefusal.NotFound, message);

    public static CorrectionOutcome Refused(string message) => new(null, CorrectionRefusal.FailedPrecondition, message);

    public static CorrectionOutcome DoneBefore(string correctionId) => new(null, CorrectionRefusal.AlreadyDone, correctionId);
}

/// <summary>A claim's state as a merge needs it.</summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimMergeState")]
public sealed record ClaimMergeState(
    [property: Id(0)] bool Exists,
    [property: Id(1)] string MergedInto,
    [property: Id(2)] string MergeId);

/// <summary>
/// Claim journal: this claim was merged into <paramref name="TargetClaimId"/>; it answers with the target until unmerged.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimMergedInto")]
public sealed record ClaimMergedInto(
    [property: Id(0)] string TargetClaimId,
    [property: Id(1)] Correction Correction) : ClaimJournalEvent;

/// <summary>Claim journal: a statement of a claim merged into this one (its own, or one that reached it while merged).</summary>
[GenerateSerializer, Immutable, Alias("ct.StatementAbsorbed")]
public sealed record StatementAbsorbed(
    [property: Id(0)] StatementRecord Statement,
    [property: Id(1)] string MergeId) : ClaimJournalEvent;

/// <summary>
/// Claim journal: the merge <paramref name="MergeId"/> was undone. On the target, the statements it absorbed
/// leave; on the source, the merge ends and <paramref name="Arrived"/> (statements that reached it while merged)
/// join it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimMergeUndone")]
public sealed record ClaimMergeUndone(
    [property: Id(0)] string MergeId,
    [property: Id(1)] Correction Correction,
    [property: Id(2)] StatementRecord[] Arrived) : ClaimJournalEvent;

/// <summary>Claim journal: the statement no longer counts here (relinked away, corrected, retracted); it stays in the history.</summary>
[GenerateSerializer, Immutable, Alias("ct.StatementWithdrawn")]
public sealed record StatementWithdrawn(
    [property: Id(0)] string StatementId,
    [property: Id(1)] Correction Correction,
    [property: Id(2)] string Note) : ClaimJournalEvent;

/// <summary>Claim journal: an analyst linked the statement here (possibly with another stance); it counts here from now on.</summary>
[GenerateSerializer, Immutable, Alias("ct.StatementRelinked")]
public sealed record StatementRelinked(
    [property: Id(0)] StatementRecord Statement,
    [property: Id(1)] Correction Correction) : ClaimJournalEvent;

/// <summary>
/// Claim journal: a typed relation to another claim (<paramref name="Removed"/>: ended). For SCOPE_DIFFERS,
/// <paramref name="OtherOrigins"/> are the other claim's supporting origins: their contradictions here are set aside.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimRelationChanged")]
public sealed record ClaimRelationChanged(
    [property: Id(0)] ClaimRelation Relation,
    [property: Id(1)] bool Removed,
    [property: Id(2)] string[] OtherOrigins,
    [property: Id(3)] Correction Correction) : ClaimJournalEvent;

/// <summary>
/// Claim journal: an analyst moved the statement to another actor (a split or merge of actors): it counts under that actor,
/// as that origin, from now on. <paramref name="Statement"/> is the statement as it reads now.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.StatementReattributed")]
public sealed record StatementReattributed(
    [property: Id(0)] StatementRecord Statement,
    [property: Id(1)] Correction Correction) : ClaimJournalEvent;
