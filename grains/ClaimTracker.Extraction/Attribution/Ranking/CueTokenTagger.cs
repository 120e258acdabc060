using ClaimTracker.Extraction.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>
/// A learned per-token cue tagger: the probability that a word of a body sentence lies in an attribution cue, from the word
/// and its neighbours (their learned cue-word rates, two words either side), its suffix, capitalisation, punctuation and
/// quote context and its position. Where the cue-word rates see one word alone, the tagger reads it in context ("when I
/// announced I …"); the loose pass tries the words it is confident about as cues, for the filter to judge. Thread-safe.
/// </summary>
public sealed class CueTokenTagger : IDisposable
{
    public const int FeatureCount = 30;

    private readonly ThreadLocal<PredictionEngine<CueTokenExample, AttributionScore>> engines;

    public CueTokenTagger(ITransformer model, CueWordRates rates, double cueThreshold)
    {
        Rates = rates;
        CueThreshold = cueThreshold;
        var ml = new MLContext(seed: 1);
        engines = new(() => ml.Model.CreatePredictionEngine<CueTokenExample, AttributionScore>(model));
    }

    /// <summary>The cue-word rates the tagger's features read (those it was trained with).</summary>
    public CueWordRates Rates { get; }

    /// <summary>The least probability at which the loose pass tries a word as a cue (decided by cross-validation).</summary>
    public double CueThreshold { get; }

    public static CueTokenTagger Load(Stream model, CueWordRates rates, double cueThreshold)
        => new(new MLContext(seed: 1).Model.Load(model, out _), rates, cueThreshold);

    /// <summary>The probability that a word with these features lies in a cue.</summary>
    public float Probability(float[] features) => engines.Value!.Predict(new CueTokenExample { Features = features }).Probability;

    /// <summary>The probability that token <paramref name="i"/> of the sentence lies in a cue; 0 for a token that is no word.</summary>
    internal float Probability(Document doc, Sentence sentence, bool[] inQuote, int i)
        => doc.IsWord(i) ? Probability(Features(doc, sentence, inQuote, i, Rates)) : 0;

    public void Dispose() => engines.Dispose();

    /// <summary>
    /// The features of one word. In training, <paramref name="ownCue"/> gives whether each token of the sentence lies in a gold
    /// cue, and each word's rate leaves that occurrence out of its counts, as for a word of an article the table never saw.
    /// </summary>
    internal static float[] Features(Document doc, Sentence sentence, bool[] inQuote, int i, CueWordRates rates, bool[]? ownCue = null)
    {
        var first = sentence.First;
        var end = sentence.End;
        var f = new float[FeatureCount];
        var n = 0;
        for (var offset = -2; offset <= 2; offset++)
        {
            var k = i + offset;
            f[n++] = k >= first && k < end && doc.IsWord(k)
                ? rates.Rate(doc.Lower(k), ownCue is null ? null : ownCue[k - first])
                : -1;
        }

        var word = doc.Lower(i);
        f[n++] = MathF.Log(1 + rates.Occurrences(word));
        f[n++] = CueLexicon.TryGet(word, out _) ? 1 : 0;
        f[n++] = CueLexicon.IsCuePrefix(word) ? 1 : 0;
        f[n++] = word.EndsWith("ed", StringComparison.Ordinal) ? 1 : 0;
        f[n++] = word.EndsWith("ing", StringComparison.Ordinal) ? 1 : 0;
        f[n++] = word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? 1 : 0;
        f[n++] = word.EndsWith("ly", StringComparison.Ordinal) ? 1 : 0;
        f[n++] = word.Length;
        f[n++] = doc.IsCapitalized(i) ? 1 : 0;
        f[n++] = doc.IsCapitalized(i - 1) && i - 1 >= first ? 1 : 0;
        f[n++] = doc.IsCapitalized(i + 1) && i + 1 < end ? 1 : 0;
        f[n++] = i - 1 >= first && PhraseFinder.IsPronoun(doc.Lower(i - 1)) ? 1 : 0;
        f[n++] = doc.Is(i - 1, ',') ? 1 : 0;
        f[n++] = doc.Is(i + 1, ',') ? 1 : 0;
        f[n++] = doc.Is(i + 1, "that") ? 1 : 0;
        f[n++] = doc.Is(i + 1, ':') ? 1 : 0;
        f[n++] = i - 1 >= first && doc.Tokens[i - 1].IsDoubleQuote ? 1 : 0;
        f[n++] = i + 1 < end && doc.Tokens[i + 1].IsDoubleQuote ? 1 : 0;
        f[n++] = inQuote[i - first] ? 1 : 0;
        f[n++] = doc.Is(i - 1, "to") ? 1 : 0;
        f[n++] = i - first;
        f[n++] = end - i;
        f[n++] = (i - first) / (float)Math.Max(1, end - first);
        f[n++] = sentence.First == sentence.Paragraph.First ? 1 : 0;
        f[n] = doc.Is(end - 1, '?') ? 1 : 0;
        return f;
    }
}

/// <summary>One word as the cue tagger sees it: its features and, in training, whether it lies in a gold cue.</summary>
public sealed class CueTokenExample
{
    public bool Label { get; set; }

    [VectorType(CueTokenTagger.FeatureCount)]
    public float[] Features { get; set; } = [];
}

/// <summary>The cue tagger's probabilities of the words of one sentence, each computed once when first asked for.</summary>
internal sealed class SentenceCueScores(Document doc, Sentence sentence, CueTokenTagger tagger)
{
    /// <summary>Whether the tagger is confident enough that the word is in a cue for the loose pass to try it as one.</summary>
    public bool IsLikelyCue(int i) => At(i) >= tagger.CueThreshold;

    private bool[]? inQuote;
    private float[]? scores;

    public float At(int i)
    {
        if (i < sentence.First || i >= sentence.End)
        {
            return 0;
        }

        inQuote ??= AttributionFinder.InQuoteMask(QuoteScanner.Scan(doc, sentence.First, sentence.End), sentence.First, sentence.End);
        scores ??= Enumerable.Repeat(float.NaN, sentence.End - sentence.First).ToArray();
        ref var score = ref scores[i - sentence.First];
        if (float.IsNaN(score))
        {
            score = tagger.Probability(doc, sentence, inQuote, i);
        }

        return score;
    }
}
