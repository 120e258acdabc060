using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>One rule candidate with its character spans (for labelling against gold) and its features.</summary>
public sealed record AttributionCandidate(TextSpan Source, TextSpan Cue, TextSpan Content, float[] Features);

/// <summary>The candidates the rules find in the body sentences of an article, before any filter: the training input.</summary>
public static class AttributionCandidates
{
    /// <summary>The candidates of a text, found and described with one table of cue-word rates.</summary>
    public static List<AttributionCandidate> Of(string text, CueWordRates rates)
    {
        var doc = new Document(text);
        var candidates = new List<AttributionCandidate>();
        var sentences = new List<Sentence>();
        foreach (var paragraph in ParagraphSplitter.Split(doc))
        {
            if (paragraph.Kind != BlockKind.Body)
            {
                continue;
            }

            sentences.Clear();
            SentenceSplitter.Split(doc, paragraph, sentences);
            foreach (var sentence in sentences)
            {
                var raws = AttributionFinder.FindCandidates(doc, sentence, rates);
                foreach (var raw in raws)
                {
                    candidates.Add(new AttributionCandidate(
                        Span(doc, raw.Source),
                        Span(doc, raw.Cue),
                        Span(doc, raw.Content),
                        AttributionFeatures.Of(doc, sentence, raw, raws.Count, rates)));
                }
            }
        }

        return candidates;
    }

    private static TextSpan Span(Document doc, TokenRange range) => range.IsEmpty ? default : doc.SpanOf(range.First, range.Last);
}
