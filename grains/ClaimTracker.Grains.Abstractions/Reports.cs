using ClaimTracker.Analysis;

namespace ClaimTracker.Grains;

/// <summary>Character offsets (UTF-16) into a report's text; End is exclusive.</summary>
[GenerateSerializer, Immutable, Alias("ct.TextRange")]
public readonly record struct TextRange([property: Id(0)] int Begin, [property: Id(1)] int End);

/// <summary>A statement as the client (or text extraction) hands it in.</summary>
[GenerateSerializer, Immutable, Alias("ct.StatementSubmission")]
public sealed record StatementSubmission(
    [property: Id(0)] string Speaker,
    [property: Id(1)] string Content,
    [property: Id(2)] string Quote,
    [property: Id(3)] string[] Via,
    [property: Id(4)] Stance Stance,
    [property: Id(5)] Modality Modality,
    [property: Id(6)] string ClaimId)
{
    [Id(7)] public TextRange? SourceSpan { get; init; }
    [Id(8)] public TextRange? CueSpan { get; init; }
    [Id(9)] public TextRange? ContentSpan { get; init; }
    [Id(10)] public ActorKind SpeakerKind { get; init; }
    /// <summary>Why the stance is what it is, when the stance was decided before linking (e.g. a denial cue).</summary>
    [Id(11)] public string StanceReason { get; init; } = string.Empty;
    /// <summary>The attribution cue as written ("said", "according to"), when extracted from text.</summary>
    [Id(12)] public string Cue { get; init; } = string.Empty;
    /// <summary>The speaker denies the content (extracted from a denial cue).</summary>
    [Id(13)] public bool IsDenial { get; init; }
    /// <summary>
    /// The content as a person can read it out of context ("Moscow forces are firing …" for "with Moscow forces
    /// firing …"), when extraction had to rewrite it; empty when the content reads as it stands.
    /// </summary>
    [Id(14)] public string Proposition { get; init; } = string.Empty;

    /// <summary>What the statement claims, in words readable out of context: the proposition, else the content.</summary>
    public string ClaimText => Proposition.Length > 0 ? Proposition : Content;
}

/// <summary>One report as registered by a client.</summary>
[GenerateSerializer, Immutable, Alias("ct.ReportSubmission")]
public sealed record ReportSubmission(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string Source,
    [property: Id(2)] string Url,
    [property: Id(3)] DateTimeOffset? PublishedAt,
    [property: Id(4)] string Title,
    [property: Id(5)] string Text,
    [property: Id(6)] StatementSubmission[] Statements)
{
    /// <summary>
    /// The authenticated caller who registered it (the API key's name or the JWT subject; "anonymous" when open). Not part
    /// of the idempotency fingerprint: the same report sent again by someone else is the same report.
    /// </summary>
    [Id(7)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string RegisteredBy { get; init; } = string.Empty;
}

/// <summary>What became of one statement of a report.</summary>
[GenerateSerializer, Immutable, Alias("ct.StatementOutcome")]
public sealed record StatementOutcomeRecord(
    [property: Id(0)] string StatementId,
    [property: Id(1)] string ActorId,
    [property: Id(2)] string ClaimId,
    [property: Id(3)] Stance Stance,
    [property: Id(4)] bool ClaimCreated,
    [property: Id(5)] CorroborationStatus ClaimStatus);

/// <summary>A stored report.</summary>
[GenerateSerializer, Immutable, Alias("ct.ReportRecord")]
public sealed record ReportRecord(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string Source,
    [property: Id(2)] string SourceActorId,
    [property: Id(3)] string Url,
    [property: Id(4)] DateTimeOffset? PublishedAt,
    [property: Id(5)] string Title,
    [property: Id(6)] string Text,
    [property: Id(7)] string[] StatementIds,
    [property: Id(8)] DateTimeOffset RegisteredAt)
{
    /// <summary>Who registered the report; empty for reports stored before identities were recorded.</summary>
    [Id(9)]
    public string? RegisteredBy { get; init; } = string.Empty;
    /// <summary>1 as registered; each correction by the outlet adds one.</summary>
    [Id(10)] public int Revision { get; init; } = 1;
    [Id(11)] public bool Retracted { get; init; }
    [Id(12)] public string RetractionReason { get; init; } = string.Empty;
    /// <summary>Earlier revisions, oldest first.</summary>
    [Id(13)] public ReportRecord[] PreviousRevisions { get; init; } = [];
}

public enum RegistrationStatus
{
    /// <summary>Stored now.</summary>
    Registered = 0,
    /// <summary>The same report was stored before; nothing changed.</summary>
    AlreadyRegistered = 1,
    /// <summary>The report id is taken by a report with other content.</summary>
    Conflict = 2,
    /// <summary>A statement names a claim id that does not exist.</summary>
    UnknownClaim = 3,
}

[GenerateSerializer, Immutable, Alias("ct.RegistrationResult")]
public sealed record RegistrationResult(
    [property: Id(0)] RegistrationStatus Status,
    [property: Id(1)] string Message,
    [property: Id(2)] ReportRecord? Report,
    [property: Id(3)] StatementOutcomeRecord[] Outcomes);
