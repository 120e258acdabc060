using System.Text.RegularExpressions;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;
using ClaimTracker.Extraction;

namespace ClaimTracker.Grains.Reports;

/// <summary>An actor a report mentions: its canonical name, kind, and every surface form used.</summary>
public sealed record ActorMention(string Name, ActorKind Kind, IReadOnlyList<string> Aliases);

/// <summary>A statement before ids are assigned: speaker and intermediaries point into the report's mentions.</summary>
public sealed record DraftStatement(int Speaker, IReadOnlyList<int> Via, StatementSubmission Input)
{
    /// <summary>
    /// The statement is the outlet's own running text (reporting in its own voice, or carried from another outlet), not a
    /// speaker's attributed words, a headline or a structured statement: its stance is the article's, as in FNC-1's
    /// body-vs-headline task, and the body stance model judges it. An attributed statement's stance is its speaker's,
    /// asserted in the speaker's words, and stays with the headline model.
    /// </summary>
    public bool FromBody { get; init; }
}

/// <summary>
/// What a report says, whichever way it came in: structured statements from the client, or statements
/// extracted from its text. Index 0 of <see cref="Mentions"/> is always the report's source.
/// </summary>
public sealed partial class ReportDraft
{
    private const string QuestionReason = "asks whether it is so (a question)";
    private const int MaxHeadlineLength = 300;

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

    /// <summary>
    /// Reads a report's text. An attribution nested inside another's content ("…, according to
    /// Ukrainian data, AFP reports"; "Putin said …, Russian state media reported") becomes one statement
    /// by the inner speaker, carried by the outer: speaker "Ukrainian data" via AFP. The outer one only
    /// reports what someone else said, so it is no claim of its own (and must not count as a second origin).
    /// </summary>
    public static ReportDraft FromExtraction(ReportSubmission submission, ArticleExtractor extractor)
    {
        var outer = extractor.Extract(new ArticleInput(submission.Text, submission.Source, submission.Title, submission.PublishedAt));
        var statements = new List<ExtractedStatement>(outer.Statements.Count);
        var actors = outer.Actors.ToList();

        // Where the extractor found the inner statements itself, they replace the outer one (hedged if it was).
        var carriers = outer.Statements.Where(s => outer.Statements.Any(inner => Carries(s, inner))).ToList();
        foreach (var statement in outer.Statements)
        {
            if (carriers.Contains(statement))
            {
                continue;
            }

            var hedged = carriers.Any(c => c.Modality == ExtractedModality.Hedged && Carries(c, statement));
            var read = statement.Kind == StatementKind.Attributed ? Nested(extractor, statement, actors) ?? statement : statement;
            statements.Add(hedged ? read with { Modality = ExtractedModality.Hedged } : read);
        }

        return FromExtraction(submission, new ExtractionResult(actors, statements));
    }

    /// <summary>Whether <paramref name="inner"/> is an attributed statement inside <paramref name="outer"/>'s content, reported through its
    /// speaker.</summary>
    private static bool Carries(ExtractedStatement outer, ExtractedStatement inner) =>
        !ReferenceEquals(inner, outer)
        && outer.Kind == StatementKind.Attributed
        && outer.Quote is null
        && inner.Kind == StatementKind.Attributed
        && outer.ContentSpan.Contains(inner.ContentSpan)
        && inner.ViaKeys.Contains(outer.SpeakerKey, StringComparer.Ordinal);

    private static ExtractedStatement? Nested(ArticleExtractor extractor, ExtractedStatement outer, List<ExtractedActor> actors)
    {
        // Words in quotation marks are the speaker's own, whatever they cite; a content that holds its own
        // speaker (a whole headline, "Nigeria says …") has been read already.
        if (outer.Quote is not null || (!outer.SourceSpan.IsEmpty && outer.ContentSpan.Contains(outer.SourceSpan)))
        {
            return null;
        }

        var inner = extractor.Extract(new ArticleInput(outer.Content, null));
        if (inner.Statements is not [{ Kind: StatementKind.Attributed } nested] || nested.Content.Length < 10)
        {
            return null;
        }

        var speaker = inner.Actors.First(a => a.Key == nested.SpeakerKey);
        if (speaker.Kind == ActorKindHint.Unknown && !nested.Cue.Contains("according to", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var known = actors.FirstOrDefault(a => string.Equals(a.Name, speaker.Name, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            known = speaker with { Key = "nested:" + speaker.Key + ":" + actors.Count };
            actors.Add(known);
        }

        var offset = outer.ContentSpan.Begin;
        Extraction.TextSpan Shift(Extraction.TextSpan span)
            => span.IsEmpty ? span : new Extraction.TextSpan(span.Begin + offset, span.End + offset);
        return nested with
        {
            SpeakerKey = known.Key,
            ViaKeys = [.. outer.ViaKeys, outer.SpeakerKey],
            SourceSpan = Shift(nested.SourceSpan),
            CueSpan = Shift(nested.CueSpan),
            ContentSpan = Shift(nested.ContentSpan),
            Modality = outer.Modality == ExtractedModality.Hedged ? ExtractedModality.Hedged : nested.Modality,
        };
    }

    public static ReportDraft FromExtraction(ReportSubmission submission, ExtractionResult extraction)
    {
        var draft = new ReportDraft(submission.Source);
        var runningText = !IsHeadlineAlone(submission);
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
            var input = new StatementSubmission(
                draft.mentions[speaker].Name,
                statement.Content,
                statement.Quote ?? string.Empty,
                via.Select(v => draft.mentions[v].Name).ToArray(),
                statement.IsQuestion ? Stance.Queries : Stance.Unspecified,
                statement.Modality == ExtractedModality.Hedged ? Modality.Hedged : Modality.Asserted,
                string.Empty)
            {
                StanceReason = statement.IsQuestion ? QuestionReason : string.Empty,
                SourceSpan = ToRange(statement.SourceSpan),
                CueSpan = ToRange(statement.CueSpan),
                ContentSpan = ToRange(statement.ContentSpan),
                SpeakerKind = draft.mentions[speaker].Kind,
                IsDenial = statement.IsDenial,
                Cue = statement.Cue,
                Proposition = statement.Proposition == statement.Content ? string.Empty : statement.Proposition,
            };
            draft.statements.Add(new DraftStatement(speaker, via, input)
            {
                FromBody = runningText && statement.Kind is StatementKind.OwnReporting or StatementKind.CarriedReporting,
            });
        }

        return draft;
    }

    /// <summary>A report that is its headline alone, as extraction tells it: a title that is the whole text.</summary>
    /// <summary>
    /// A report that is its headline alone: a title that is the whole text, or no title and a text of one short line
    /// with no sentence break (a headline sent as the text: the body model has never seen one).
    /// </summary>
    private static bool IsHeadlineAlone(ReportSubmission submission)
    {
        var text = submission.Text.Trim();
        return string.IsNullOrWhiteSpace(submission.Title)
            ? text.Length <= MaxHeadlineLength && !text.Contains('\n', StringComparison.Ordinal) && !SentenceBreak().IsMatch(text)
            : string.Equals(submission.Title.Trim(), text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[.!?][""”’)]?\s+[\p{Lu}""“]")]
    private static partial Regex SentenceBreak();

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
