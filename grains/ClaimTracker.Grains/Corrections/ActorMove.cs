using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Corrections;

/// <summary>What moving statements from one actor to another changes in a statement: its speaker's actor, and its origin
/// or intermediaries where they were that actor.</summary>
public static class ActorMove
{
    public static StatementRecord Apply(StatementRecord statement, string fromActorId, string toActorId, string toName) =>
        statement with
        {
            ActorId = statement.ActorId == fromActorId ? toActorId : statement.ActorId,
            OriginActorId = statement.OriginActorId == fromActorId ? toActorId : statement.OriginActorId,
            OriginName = statement.OriginActorId == fromActorId ? toName : statement.OriginName,
            ViaActorIds = statement.ViaActorIds.Select(id => id == fromActorId ? toActorId : id).ToArray(),
        };

    /// <summary>
    /// The words the statement was made under in <paramref name="text"/>: those at its source span ("Kim" where the speaker
    /// resolved to Kim Jong Un), else its speaker; normalised.
    /// </summary>
    public static string SpeakerKey(StatementRecord statement, string text) =>
        ClaimText.Normalize(
            statement.SourceSpan is { } span && span.Begin >= 0 && span.End <= text.Length && span.End > span.Begin
                ? text[span.Begin..span.End]
                : statement.Speaker);
}
