using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.History;

/// <summary>A point in a journal: a version, or a time (the versions recorded up to it). Neither means now.</summary>
public readonly record struct HistoryPoint(long? Version, DateTimeOffset? AsOf)
{
    public bool IsNow => Version is null && AsOf is null;

    /// <summary>
    /// Whether the journal entry at <paramref name="version"/>, recorded at <paramref name="recordedAt"/>, is past this point.
    /// </summary>
    public bool IsPast(long version, DateTimeOffset? recordedAt) =>
        version > (Version ?? long.MaxValue) || (AsOf is { } asOf && recordedAt is { } at && at > asOf);
}

/// <summary>
/// A claim at a point of its history: <see cref="Details"/> is null when the claim did not exist yet then.
/// <see cref="LatestVersion"/> is the claim's current version.
/// </summary>
public sealed record ClaimAt(ClaimDetails? Details, long LatestVersion);

/// <summary>One version of a claim: the statement that made it, the claim after it, and what changed, in words.</summary>
public sealed record ClaimVersionRecord(
    StatementRecord Statement,
    ClaimSummary After,
    CorroborationStatus PreviousStatus,
    int PreviousCredibility,
    IReadOnlyList<string> Changes)
{
    public bool Created => After.Version == 1;

    public bool StatusChanged => !Created && After.Status != PreviousStatus;
}

/// <summary>A page of a claim's versions, oldest first; <see cref="NextAfter"/> is the version to continue after.</summary>
public sealed record ClaimHistoryPage(IReadOnlyList<ClaimVersionRecord> Versions, long? NextAfter, long LatestVersion);

/// <summary>One statement on a claim's timeline, at its publication time (the recording time when it has none).</summary>
public sealed record TimelineEntryRecord(
    StatementRecord Statement,
    DateTimeOffset At,
    long Version,
    bool OriginFirstSpoke,
    CorroborationStatus StatusAfter,
    bool StatusTurned);

/// <summary>An origin on a claim's timeline: when it first spoke, through whom, how often, and its counted position.</summary>
public sealed record OriginFirstSeenRecord(
    string OriginActorId,
    string Origin,
    DateTimeOffset FirstSpokeAt,
    string FirstStatementId,
    string FirstOutlet,
    long StatementCount,
    Stance Position);

/// <summary>A turn of a claim's status on its timeline: the statement whose publication turned it, and why it stands so.</summary>
public sealed record StatusTurnRecord(
    DateTimeOffset At,
    CorroborationStatus From,
    CorroborationStatus To,
    StatementRecord Statement,
    IReadOnlyList<string> Reasons);

/// <summary>A claim's timeline, with a page of its entries (<see cref="NextOffset"/>: the entry the next page starts at).</summary>
public sealed record ClaimTimelineRecord(
    string ClaimId,
    string Text,
    CorroborationStatus Status,
    long StatementCount,
    TimelineEntryRecord FirstAppearance,
    IReadOnlyList<TimelineEntryRecord> Entries,
    int? NextOffset,
    IReadOnlyList<OriginFirstSeenRecord> Origins,
    IReadOnlyList<StatusTurnRecord> Turns);

/// <summary>One event of an actor's journal, with the actor's name and aliases after it.</summary>
public sealed record ActorVersionRecord(long Version, ActorJournalEvent Event, bool NewAlias, string Name, string[] Aliases);

/// <summary>A page of an actor's versions, oldest first.</summary>
public sealed record ActorHistoryPage(IReadOnlyList<ActorVersionRecord> Versions, long? NextAfter, long LatestVersion);

/// <summary>An actor at a point of its history: <see cref="Snapshot"/> is null when it was not known yet then.</summary>
public sealed record ActorAt(ActorSnapshot? Snapshot, long LatestVersion);
