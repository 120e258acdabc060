namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// Gives each statement of an extraction its readable proposition: finds where the text names each
/// actor (<see cref="ActorMentions"/>), builds the context each content span leans on and hands both to
/// <see cref="PropositionWriter"/>. Statements are taken in reading order so that the actors met before
/// each one are kept up to date in one forward pass (<see cref="PrecedingActors"/>): linear in the text.
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
        var preceding = new PrecedingActors(ActorMentions.Find(text, result.Actors), result.Actors);
        var statements = new ExtractedStatement[result.Statements.Count];
        var paragraphStart = 0;
        var scanned = 0;
        foreach (var index in Enumerable.Range(0, statements.Length).OrderBy(i => result.Statements[i].ContentSpan.Begin))
        {
            var statement = result.Statements[index];
            var begin = Math.Clamp(statement.ContentSpan.Begin, 0, text.Length);
            if (begin > scanned)
            {
                var newline = text.AsSpan(scanned, begin - scanned).LastIndexOf('\n');
                paragraphStart = newline >= 0 ? scanned + newline + 1 : paragraphStart;
                scanned = begin;
            }

            var context = ContextOf(text, statement, actors, preceding, paragraphStart);
            statements[index] = statement with { Proposition = PropositionWriter.Write(statement.Content, context) };
        }

        return result with { Statements = statements };
    }

    private static PropositionContext ContextOf(
        string text,
        ExtractedStatement statement, Dictionary<string, ExtractedActor> actors, PrecedingActors precedingActors, int paragraphStart)
    {
        var speaker = actors.TryGetValue(statement.SpeakerKey, out var found)
            ? new ContextActor(found.Name, found.Kind)
            : new ContextActor(statement.SpeakerText, ActorKindHint.Unknown);
        var (preceding, inParagraph) = precedingActors.Before(statement.ContentSpan.Begin, statement.SourceSpan, paragraphStart);
        var isQuote = statement.Kind == StatementKind.QuoteContinuation || (statement.Quote is { } quote && quote == statement.Content);
        var isReported = statement.Kind is StatementKind.Attributed or StatementKind.CarriedReporting && !isQuote;
        return new PropositionContext(speaker, isReported, isQuote, statement.IsDenial, preceding, inParagraph)
        {
            RelativeSubject = statement.SourceSpan.End > statement.SourceSpan.Begin
                ? RelativeAntecedent.Before(text, statement.SourceSpan.Begin)
                : null,
        };
    }
}
