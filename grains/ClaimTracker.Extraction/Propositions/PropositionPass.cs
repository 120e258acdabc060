namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// Gives each statement of an extraction its readable proposition: finds where the text names each
/// actor (the longest alias wins where two start together: "Kim Jong-dae" is not "Kim"), builds the
/// context each content span leans on and hands both to <see cref="PropositionWriter"/>.
/// </summary>
internal static class PropositionPass
{
    public static ExtractionResult Apply(string text, ExtractionResult result)
    {
        if (result.Statements.Count == 0)
        {
            return result;
        }

        var actors = result.Actors.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var mentions = Mentions(text, result.Actors);
        var statements = new List<ExtractedStatement>(result.Statements.Count);
        foreach (var statement in result.Statements)
        {
            var context = ContextOf(text, statement, actors, mentions);
            statements.Add(statement with { Proposition = PropositionWriter.Write(statement.Content, context) });
        }

        return result with { Statements = statements };
    }

    private static PropositionContext ContextOf(
        string text, ExtractedStatement statement, Dictionary<string, ExtractedActor> actors, List<Mention> mentions)
    {
        var speaker = actors.TryGetValue(statement.SpeakerKey, out var found)
            ? new ContextActor(found.Name, found.Kind)
            : new ContextActor(statement.SpeakerText, ActorKindHint.Unknown);
        var begin = statement.ContentSpan.Begin;
        var paragraphStart = begin > 0 ? text.LastIndexOf('\n', begin - 1) + 1 : 0;

        // Nearest first; the speaker named after its quote ("…,” said Yohann Michel) counts as met before it.
        var before = mentions
            .Where(m => m.Begin < begin || (!statement.SourceSpan.IsEmpty && statement.SourceSpan.Contains(new TextSpan(m.Begin, m.Begin))))
            .OrderByDescending(m => m.Begin < begin ? m.Begin : -1)
            .ToList();
        var preceding = new List<ContextActor>();
        var inParagraph = 0;
        foreach (var group in before.GroupBy(m => m.Actor.Key, StringComparer.Ordinal))
        {
            var nearest = group.First();
            preceding.Add(new ContextActor(nearest.Actor.Name, nearest.Actor.Kind, group.Count(), group.Min(m => m.Begin)));
            if (nearest.Begin >= paragraphStart)
            {
                inParagraph = preceding.Count;
            }
        }

        var isQuote = statement.Kind == StatementKind.QuoteContinuation || (statement.Quote is { } quote && quote == statement.Content);
        var isReported = statement.Kind is StatementKind.Attributed or StatementKind.CarriedReporting && !isQuote;
        return new PropositionContext(speaker, isReported, isQuote, statement.IsDenial, preceding, inParagraph);
    }

    private static List<Mention> Mentions(string text, IReadOnlyList<ExtractedActor> actors)
    {
        var all = new List<Mention>();
        foreach (var actor in actors)
        {
            foreach (var alias in actor.Aliases.Append(actor.Name).Distinct(StringComparer.Ordinal))
            {
                var at = alias.Length > 1 ? text.IndexOf(alias, StringComparison.Ordinal) : -1;
                for (; at >= 0; at = text.IndexOf(alias, at + 1, StringComparison.Ordinal))
                {
                    if (IsBoundary(text, at - 1) && IsBoundary(text, at + alias.Length))
                    {
                        all.Add(new Mention(at, at + alias.Length, actor));
                    }
                }
            }
        }

        var kept = new List<Mention>(all.Count);
        var covered = -1;
        foreach (var mention in all.OrderBy(m => m.Begin).ThenByDescending(m => m.End))
        {
            if (mention.Begin >= covered)
            {
                kept.Add(mention);
                covered = mention.End;
            }
        }

        return kept;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '-');

    private readonly record struct Mention(int Begin, int End, ExtractedActor Actor);
}
