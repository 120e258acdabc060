using ClaimTracker.Analysis;

namespace ClaimTracker.Grains;

/// <summary>What one report tells an actor grain: the aliases it used and the statements it made.</summary>
[GenerateSerializer, Immutable, Alias("ct.ActorActivity")]
public sealed record ActorActivity(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string[] Aliases,
    [property: Id(2)] ActorKind KindHint,
    [property: Id(3)] ActorStatementRef[] Statements,
    [property: Id(4)] DateTimeOffset? RecordedAt = null);

[GenerateSerializer, Immutable, Alias("ct.ActorStatementRef")]
public sealed record ActorStatementRef([property: Id(0)] string StatementId, [property: Id(1)] string ClaimId);

[GenerateSerializer, Immutable, Alias("ct.AliasSighting")]
public sealed record AliasSighting([property: Id(0)] string Alias, [property: Id(1)] string ReportId);

[GenerateSerializer, Immutable, Alias("ct.ActorSnapshot")]
public sealed record ActorSnapshot(
    [property: Id(0)] string ActorId,
    [property: Id(1)] string Name,
    [property: Id(2)] ActorKind Kind,
    [property: Id(3)] string[] Aliases,
    [property: Id(4)] long StatementCount,
    [property: Id(5)] string[] ClaimIds,
    [property: Id(6)] AliasSighting[] Sightings,
    [property: Id(7)] string MergedInto = "");

/// <summary>Events in an actor's journal; RecordedAt is absent on events journaled before times were kept.</summary>
[GenerateSerializer, Alias("ct.ActorJournalEvent")]
public abstract record ActorJournalEvent;

[GenerateSerializer, Immutable, Alias("ct.AliasSeen")]
public sealed record AliasSeen(
    [property: Id(0)] string Alias,
    [property: Id(1)] string ReportId,
    [property: Id(2)] ActorKind KindHint,
    [property: Id(3)] DateTimeOffset? RecordedAt = null) : ActorJournalEvent;

[GenerateSerializer, Immutable, Alias("ct.StatementAttributed")]
public sealed record StatementAttributed(
    [property: Id(0)] string StatementId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] string ReportId,
    [property: Id(3)] DateTimeOffset? RecordedAt = null) : ActorJournalEvent;

/// <summary>
/// Actor journal: what one report told the actor, in one entry: the aliases it used and the statements attributed to
/// the actor that the journal did not hold yet. Journaled since 2026-12-07 in place of one <see cref="AliasSeen"/> per
/// alias and one <see cref="StatementAttributed"/> per statement (older journals keep those), so an actor costs one
/// journal row per report, not one per alias and statement.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.ReportActivityRecorded")]
public sealed record ReportActivityRecorded(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string[] Aliases,
    [property: Id(2)] ActorKind KindHint,
    [property: Id(3)] ActorStatementRef[] Statements,
    [property: Id(4)] DateTimeOffset? RecordedAt = null) : ActorJournalEvent
{
    /// <summary>The entry as the one-event-per-alias-or-statement journal would have held it, in the same order.</summary>
    public IEnumerable<ActorJournalEvent> Parts() =>
        Aliases.Select(alias => (ActorJournalEvent)new AliasSeen(alias, ReportId, KindHint, RecordedAt))
            .Concat(Statements.Select(s => new StatementAttributed(s.StatementId, s.ClaimId, ReportId, RecordedAt)));
}

/// <summary>
/// Actor journal: an analyst moved <paramref name="Alias"/> (its sightings and the statements made under it) to
/// <paramref name="ToActorId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ct.AliasMovedOut")]
public sealed record AliasMovedOut(
    [property: Id(0)] string Alias,
    [property: Id(1)] string ToActorId,
    [property: Id(2)] ActorStatementMove[] Statements,
    [property: Id(3)] Correction Correction) : ActorJournalEvent;

/// <summary>Actor journal: an analyst moved <paramref name="Alias"/> here from <paramref name="FromActorId"/>, with its
/// sightings and statements.</summary>
[GenerateSerializer, Immutable, Alias("ct.AliasMovedIn")]
public sealed record AliasMovedIn(
    [property: Id(0)] string Alias,
    [property: Id(1)] string FromActorId,
    [property: Id(2)] ActorKind KindHint,
    [property: Id(3)] string[] ReportIds,
    [property: Id(4)] ActorStatementMove[] Statements,
    [property: Id(5)] Correction Correction) : ActorJournalEvent;

/// <summary>Actor journal: merged into <paramref name="TargetActorId"/> (every alias moved there); cleared when an alias
/// moves back.</summary>
[GenerateSerializer, Immutable, Alias("ct.ActorMergedInto")]
public sealed record ActorMergedInto(
    [property: Id(0)] string TargetActorId,
    [property: Id(1)] Correction Correction) : ActorJournalEvent;

[GenerateSerializer, Immutable, Alias("ct.ActorStatementMove")]
public sealed record ActorStatementMove(
    [property: Id(0)] string StatementId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] string ReportId);
