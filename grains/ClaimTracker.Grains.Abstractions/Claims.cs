using ClaimTracker.Analysis;

namespace ClaimTracker.Grains;

/// <summary>A statement as stored on its claim: who said it, through whom, and how it bears on the claim.</summary>
[GenerateSerializer, Immutable, Alias("ct.StatementRecord")]
public sealed record StatementRecord
{
    [Id(0)] public required string StatementId { get; init; }
    [Id(1)] public required string ReportId { get; init; }
    [Id(2)] public required string ClaimId { get; init; }
    /// <summary>The speaker's actor id.</summary>
    [Id(3)] public required string ActorId { get; init; }
    /// <summary>The speaker as written.</summary>
    [Id(4)] public required string Speaker { get; init; }
    [Id(5)] public required string Content { get; init; }
    [Id(6)] public string Quote { get; init; } = string.Empty;
    /// <summary>Intermediaries, nearest the source first.</summary>
    [Id(7)] public string[] Via { get; init; } = [];
    [Id(8)] public string[] ViaActorIds { get; init; } = [];
    /// <summary>The end of the attribution chain: the speaker, or the source when the source speaks.</summary>
    [Id(9)] public required string OriginActorId { get; init; }
    [Id(10)] public required string OriginName { get; init; }
    /// <summary>The publishing outlet that carried the statement.</summary>
    [Id(11)] public required string Source { get; init; }
    [Id(12)] public required string SourceActorId { get; init; }
    [Id(13)] public Stance Stance { get; init; }
    [Id(14)] public Modality Modality { get; init; }
    [Id(15)] public string StanceReason { get; init; } = string.Empty;
    [Id(16)] public TextRange? SourceSpan { get; init; }
    [Id(17)] public TextRange? CueSpan { get; init; }
    [Id(18)] public TextRange? ContentSpan { get; init; }
    [Id(19)] public DateTimeOffset? PublishedAt { get; init; }
    [Id(20)] public DateTimeOffset RecordedAt { get; init; }
    /// <summary>The attribution cue as written, when extracted from text.</summary>
    [Id(21)] public string Cue { get; init; } = string.Empty;
    /// <summary>The stance model's probability of <see cref="Stance"/> (0–1); 0 when no model judged it.</summary>
    [Id(22)] public float StanceConfidence { get; init; }
    /// <summary>The content rewritten to read out of context, when extraction had to; empty when the content reads as it stands.</summary>
    [Id(23)] public string Proposition { get; init; } = string.Empty;

    /// <summary>What the statement claims, in words readable out of context: the proposition, else the content.</summary>
    public string ClaimText => Proposition.Length > 0 ? Proposition : Content;
}

/// <summary>A claim without its statements: what lists and stream events carry.</summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimSummary")]
public sealed record ClaimSummary
{
    [Id(0)] public required string ClaimId { get; init; }
    [Id(1)] public required string Text { get; init; }
    [Id(2)] public CorroborationStatus Status { get; init; }
    [Id(3)] public int Credibility { get; init; }
    [Id(4)] public string[] Reasons { get; init; } = [];
    [Id(5)] public string[] SupportingOrigins { get; init; } = [];
    [Id(6)] public string[] ContradictingOrigins { get; init; } = [];
    [Id(7)] public long StatementCount { get; init; }
    [Id(8)] public DateTimeOffset FirstReportedAt { get; init; }
    [Id(9)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(10)] public long Version { get; init; }
    [Id(11)] public string[] ActorIds { get; init; } = [];
    /// <summary>The founding statement's words as written, when <see cref="Text"/> (its proposition) differs from them.</summary>
    [Id(12)] public string Verbatim { get; init; } = string.Empty;
    /// <summary>The claim this one was merged into, while merged.</summary>
    [Id(13)] public string MergedInto { get; init; } = string.Empty;
    /// <summary>Claims merged into this one and not unmerged.</summary>
    [Id(14)] public string[] MergedClaimIds { get; init; } = [];
    [Id(15)] public ClaimRelation[] Relations { get; init; } = [];
    /// <summary>Statements in the history that no longer count.</summary>
    [Id(16)] public long WithdrawnCount { get; init; }
}

[GenerateSerializer, Immutable, Alias("ct.ClaimDetails")]
public sealed record ClaimDetails(
    [property: Id(0)] ClaimSummary Summary,
    [property: Id(1)] StatementRecord[] Statements,
    [property: Id(2)] string NextStatementPageToken)
{
    /// <summary>Why each withdrawn statement of the page no longer counts, by statement id.</summary>
    [Id(3)] public IReadOnlyDictionary<string, string> Withdrawn { get; init; } = new Dictionary<string, string>();
}

[GenerateSerializer, Immutable, Alias("ct.AddStatementResult")]
public sealed record AddStatementResult(
    [property: Id(0)] string StatementId,
    [property: Id(1)] Stance Stance,
    [property: Id(2)] bool ClaimCreated,
    [property: Id(3)] CorroborationStatus Status)
{
    /// <summary>
    /// The claim held the statement already: this answer is the earlier one's, read back. Where the answer came from, not
    /// part of it: two results that differ only here are equal.
    /// </summary>
    [Id(4)] public bool AlreadyRecorded { get; init; }

    public bool Equals(AddStatementResult? other) =>
        other is not null
        && StatementId == other.StatementId
        && Stance == other.Stance
        && ClaimCreated == other.ClaimCreated
        && Status == other.Status;

    public override int GetHashCode() => HashCode.Combine(StatementId, Stance, ClaimCreated, Status);
}

public enum ClaimChangeKind
{
    Unspecified = 0,
    ClaimCreated = 1,
    StatementAdded = 2,
    StatusChanged = 3,
    ClaimsMerged = 10,
    ClaimsUnmerged = 11,
    StatementRelinked = 12,
    StatementWithdrawn = 13,
    ActorsMerged = 14,
    ActorSplit = 15,
    ClaimsRelated = 16,
}

/// <summary>One entry of the durable claim feed that WatchClaims replays and streams.</summary>
[GenerateSerializer, Immutable, Alias("ct.ClaimChange")]
public sealed record ClaimChange
{
    [Id(0)] public ClaimChangeKind Kind { get; init; }
    [Id(1)] public required ClaimSummary Claim { get; init; }
    [Id(2)] public StatementRecord? Statement { get; init; }
    [Id(3)] public CorroborationStatus PreviousStatus { get; init; }
    [Id(4)] public DateTimeOffset OccurredAt { get; init; }
    /// <summary>For the correction kinds: the correction that caused the change.</summary>
    [Id(5)] public Correction? Correction { get; init; }
}

/// <summary>Events in a claim's journal.</summary>
[GenerateSerializer, Alias("ct.ClaimJournalEvent")]
public abstract record ClaimJournalEvent;

[GenerateSerializer, Immutable, Alias("ct.StatementRecorded")]
public sealed record StatementRecorded([property: Id(0)] StatementRecord Statement) : ClaimJournalEvent;
