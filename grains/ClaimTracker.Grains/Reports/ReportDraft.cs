using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;
using ClaimTracker.Extraction;

namespace ClaimTracker.Grains.Reports;

/// <summary>An actor a report mentions: its canonical name, kind, and every surface form used.</summary>
public sealed record ActorMention(string Name, ActorKind Kind, IReadOnlyList<string> Aliases);

/// <summary>A statement before ids are assigned: speaker and intermediaries point into the report's mentions.</summary>
public sealed record DraftStatement(int Speaker, IReadOnlyList<int> Via, StatementSubmission Input);

/// <summary>
/// What a report says, whichever way it came in: structured statements from the client, or statements
/// extracted from its text. Index 0 of <see cref="Mentions"/> is always the report's source.
/// </summary>
public sealed class ReportDraft
{
    private readonly List<ActorMention> mentions = [];
    private readonly Dictionary<string, int> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DraftStatement> statements = [];

    private ReportDraft(string source) => Mention(source, ActorKind.Outlet, [source]);

    public IReadOnlyList<ActorMention> Mentions => mentions;

    public IReadOnlyList<DraftStatement> Statements => statements;

    public static ReportDraft FromStatements(ReportSubmission submission)
    {
        var draft = new ReportDraft(submission.Source);
        foreach (var input in submission.Statements)
        {
            var speakerKind = input.SpeakerKind != ActorKind.Unspecified ? input.SpeakerKind : ActorKindGuesser.GuessSpeaker(input.Speaker);
            var speaker = draft.Mention(input.Speaker, speakerKind, [input.Speaker]);
            var via = input.Via.Select(v => draft.Mention(v, ActorKindGuesser.GuessIntermediary(v), [v])).ToArray();
            draft.statements.Add(new DraftStatement(speaker, via, input));
        }

        return draft;
    }

    public static ReportDraft FromExtraction(ReportSubmission submission, ExtractionResult extraction)
    {
        var draft = new ReportDraft(submission.Source);
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var actor in extraction.Actors)
        {
            var kind = ToKind(actor.Kind, actor.Name);
            indexByKey[actor.Key] = draft.Mention(actor.Name, kind, actor.Aliases);
        }

        foreach (var statement in extraction.Statements)
        {
            if (!indexByKey.TryGetValue(statement.SpeakerKey, out var speaker))
            {
                continue;
            }

            var via = statement.ViaKeys.Where(indexByKey.ContainsKey).Select(k => indexByKey[k]).ToArray();
            var (stance, reason) = statement.IsDenial
                ? (Stance.Contradicts, $"the speaker denies it (\"{statement.Cue}\")")
                : (Stance.Unspecified, string.Empty);
            var input = new StatementSubmission(
                draft.mentions[speaker].Name,
                statement.Content,
                statement.Quote ?? string.Empty,
                via.Select(v => draft.mentions[v].Name).ToArray(),
                stance,
                statement.Modality == ExtractedModality.Hedged ? Modality.Hedged : Modality.Asserted,
                string.Empty)
            {
                SourceSpan = ToRange(statement.SourceSpan),
                CueSpan = ToRange(statement.CueSpan),
                ContentSpan = ToRange(statement.ContentSpan),
                SpeakerKind = draft.mentions[speaker].Kind,
                StanceReason = reason,
                Cue = statement.Cue,
            };
            draft.statements.Add(new DraftStatement(speaker, via, input));
        }

        return draft;
    }

    private int Mention(string name, ActorKind kind, IReadOnlyList<string> aliases)
    {
        if (byName.TryGetValue(name, out var existing))
        {
            var known = mentions[existing];
            var merged = known.Aliases.Union(aliases, StringComparer.OrdinalIgnoreCase).ToArray();
            mentions[existing] = known with { Kind = known.Kind == ActorKind.Unspecified ? kind : known.Kind, Aliases = merged };
            return existing;
        }

        mentions.Add(new ActorMention(name, kind, aliases.Prepend(name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()));
        byName[name] = mentions.Count - 1;
        return mentions.Count - 1;
    }

    private static ActorKind ToKind(ActorKindHint hint, string name) => hint switch
    {
        ActorKindHint.Person => ActorKind.Person,
        ActorKindHint.Organization => ActorKind.Organization,
        ActorKindHint.Outlet => ActorKind.Outlet,
        ActorKindHint.Government => ActorKind.Government,
        _ => ActorKindGuesser.GuessSpeaker(name),
    };

    private static TextRange? ToRange(Extraction.TextSpan span) => span.IsEmpty ? null : new TextRange(span.Begin, span.End);
}
