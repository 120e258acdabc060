using ClaimTracker.Matching;

namespace ClaimTracker.EvaluationData;

/// <summary>
/// FNC-1 scoring and the relatedness half of its task: related = best cosine between the headline and
/// a body sentence + w × share of the headline's terms found in the body, w and the threshold tuned
/// by related/unrelated accuracy on the non-hold-out bodies.
/// </summary>
public static class Fnc1Scoring
{
    public static readonly string[] Labels = ["agree", "disagree", "discuss", "unrelated"];

    /// <summary>The official FNC-1 scorer: 0.25 for the right relatedness, 0.75 more for the right related label.</summary>
    public static double Score(string gold, string predicted)
    {
        var score = 0.0;
        if (gold == predicted)
        {
            score += 0.25;
            if (gold != "unrelated")
            {
                score += 0.5;
            }
        }

        if (gold != "unrelated" && predicted != "unrelated")
        {
            score += 0.25;
        }

        return score;
    }

    /// <summary>The best score a set can reach (1 per related pair, 0.25 per unrelated one).</summary>
    public static double MaxScore(IEnumerable<string> gold) => gold.Sum(g => g == "unrelated" ? 0.25 : 1.0);

    /// <summary>Share of the headline's terms found in the body's terms.</summary>
    public static double Coverage(string headline, HashSet<string> bodyTerms)
    {
        ArgumentNullException.ThrowIfNull(bodyTerms);
        var terms = TextAnalysis.Terms(headline).Distinct(StringComparer.Ordinal).ToList();
        return terms.Count == 0 ? 0 : (double)terms.Count(bodyTerms.Contains) / terms.Count;
    }

    /// <summary>Weight and threshold with the best related/unrelated accuracy over the given pairs.</summary>
    public static (double Weight, double Threshold, double Accuracy) TuneRelatedness(
        IReadOnlyList<(double MaxCosine, double Coverage, bool Related)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var best = (Weight: 0.0, Threshold: 0.0, Accuracy: -1.0);
        foreach (var weight in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            for (var threshold = 0.2; threshold <= 1.5; threshold += 0.01)
            {
                var correct = pairs.Count(p => (p.MaxCosine + (weight * p.Coverage) >= threshold) == p.Related);
                var accuracy = (double)correct / pairs.Count;
                if (accuracy > best.Accuracy)
                {
                    best = (weight, threshold, accuracy);
                }
            }
        }

        return best;
    }
}
