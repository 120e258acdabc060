using System.Globalization;
using ClaimTracker.Extraction;

namespace ClaimTracker.Evaluation;

/// <summary>
/// Precision, recall and F1 of predicted against gold spans of one role, matched one to one.
/// Exact: same boundaries once whitespace, punctuation and quote marks at either end are trimmed.
/// Overlap: at least one shared non-space character; pairs are taken greedily by overlap size.
/// Counts are weighted: an article annotated by k annotators adds each annotator's comparison with weight 1/k.
/// </summary>
internal sealed class SpanScore
{
    public double Predicted { get; private set; }

    public double Gold { get; private set; }

    public double ExactMatches { get; private set; }

    public double OverlapMatches { get; private set; }

    public void Add(
        string text,
        IReadOnlyList<TextSpan> predicted,
        IReadOnlyList<GoldSpan> gold,
        List<TextSpan>? missedGold = null,
        List<TextSpan>? falsePredictions = null,
        double weight = 1)
    {
        Predicted += weight * predicted.Count;
        Gold += weight * gold.Count;

        var goldTrimmed = gold.Select(g => Trim(text, g.Outer)).ToList();
        var predictedTrimmed = predicted.Select(p => Trim(text, p)).ToList();
        var used = new bool[gold.Count];
        foreach (var p in predictedTrimmed)
        {
            for (var g = 0; g < gold.Count; g++)
            {
                if (!used[g] && goldTrimmed[g] == p)
                {
                    used[g] = true;
                    ExactMatches += weight;
                    break;
                }
            }
        }

        var pairs = new List<(int Overlap, int P, int G)>();
        for (var p = 0; p < predicted.Count; p++)
        {
            for (var g = 0; g < gold.Count; g++)
            {
                var overlap = gold[g].Fragments
                    .Sum(f => Math.Max(0, Math.Min(f.End, predicted[p].End) - Math.Max(f.Begin, predicted[p].Begin)));
                if (overlap > 0)
                {
                    pairs.Add((overlap, p, g));
                }
            }
        }

        pairs.Sort((a, b) => b.Overlap.CompareTo(a.Overlap));
        var predictedUsed = new bool[predicted.Count];
        var goldUsed = new bool[gold.Count];
        foreach (var (_, p, g) in pairs)
        {
            if (!predictedUsed[p] && !goldUsed[g])
            {
                predictedUsed[p] = goldUsed[g] = true;
                OverlapMatches += weight;
            }
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (!goldUsed[g])
            {
                missedGold?.Add(gold[g].Outer);
            }
        }

        for (var p = 0; p < predicted.Count; p++)
        {
            if (!predictedUsed[p])
            {
                falsePredictions?.Add(predicted[p]);
            }
        }
    }

    /// <summary>Adds another score's counts (the folds of a cross-validation into one).</summary>
    public void Merge(SpanScore other)
    {
        Predicted += other.Predicted;
        Gold += other.Gold;
        ExactMatches += other.ExactMatches;
        OverlapMatches += other.OverlapMatches;
    }

    public string Format(string label)
    {
        var inv = CultureInfo.InvariantCulture;
        return string.Format(
            inv,
            "{0,-8} exact   P {1:F3} R {2:F3} F1 {3:F3}   overlap P {4:F3} R {5:F3} F1 {6:F3}   (predicted {7:0.#}, gold {8:0.#})",
            label,
            Ratio(ExactMatches, Predicted),
            Ratio(ExactMatches, Gold),
            F1(ExactMatches),
            Ratio(OverlapMatches, Predicted),
            Ratio(OverlapMatches, Gold),
            F1(OverlapMatches),
            Predicted,
            Gold);
    }

    public double OverlapF1 => F1(OverlapMatches);

    private double F1(double matches)
    {
        var p = Ratio(matches, Predicted);
        var r = Ratio(matches, Gold);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    private static TextSpan Trim(string text, TextSpan span)
    {
        var b = Math.Clamp(span.Begin, 0, text.Length);
        var e = Math.Clamp(span.End, b, text.Length);
        while (b < e && IsTrimmable(text[b]))
        {
            b++;
        }

        while (e > b && IsTrimmable(text[e - 1]))
        {
            e--;
        }

        return new TextSpan(b, e);
    }

    private static bool IsTrimmable(char c)
        => char.IsWhiteSpace(c) || char.IsPunctuation(c) || c is '“' or '”' or '"' or '\'' or '‘' or '’';
}
