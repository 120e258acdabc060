using ClaimTracker.Extraction.Text;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>
/// Trains the cue tagger: gradient-boosted trees (ML.NET FastTree) over the words of annotated body sentences, on one thread
/// with a fixed seed, so the same text gives the same model file byte for byte.
/// </summary>
public static class CueTokenTaggerTrainer
{
    /// <summary>
    /// Every word of the body sentences of a text, labelled by whether it overlaps a gold cue; the words' rates leave their
    /// own occurrence out.
    /// </summary>
    public static List<CueTokenExample> Examples(string text, IReadOnlyList<TextSpan> cues, CueWordRates rates)
    {
        var doc = new Document(text);
        var examples = new List<CueTokenExample>();
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
                var inCue = new bool[sentence.End - sentence.First];
                for (var i = sentence.First; i < sentence.End; i++)
                {
                    var begin = doc.Tokens[i].Begin;
                    var end = doc.Tokens[i].End;
                    inCue[i - sentence.First] = doc.Tokens[i].Kind == TokenKind.Word && cues.Any(c => c.Begin < end && begin < c.End);
                }

                var inQuote = AttributionFinder.InQuoteMask(QuoteScanner.Scan(doc, sentence.First, sentence.End), sentence.First,
                    sentence.End);
                for (var i = sentence.First; i < sentence.End; i++)
                {
                    if (doc.IsWord(i))
                    {
                        examples.Add(new CueTokenExample
                        {
                            Features = CueTokenTagger.Features(doc, sentence, inQuote, i, rates, inCue),
                            Label = inCue[i - sentence.First],
                        });
                    }
                }
            }
        }

        return examples;
    }

    public static ITransformer Train(IEnumerable<CueTokenExample> examples, AttributionFilterOptions options, out DataViewSchema schema)
    {
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        schema = data.Schema;
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        return trainer.Fit(data);
    }
}
