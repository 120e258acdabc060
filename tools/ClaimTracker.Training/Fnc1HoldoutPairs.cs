using ClaimTracker.Analysis;
using ClaimTracker.EvaluationData;

namespace ClaimTracker.Training;

/// <summary>
/// The FNC-1 hold-out as the stance commands score it: relatedness (best sentence cosine + weight × headline-term
/// coverage) tuned on the other bodies, as in the <c>fnc1</c> evaluation; the related pairs take a model's stances,
/// mapped to FNC-1's labels; the rest are "unrelated".
/// </summary>
internal sealed record Fnc1HoldoutPairs(List<Fnc1PairFeatures> Test, List<Fnc1PairFeatures> Related, double Weight, double Threshold)
{
    /// <summary>The share of FNC-1 bodies held out, and the seed that draws them, as the <c>fnc1</c> evaluation does.</summary>
    public const double Fraction = 0.2;
    public const int Seed = 1;

    /// <summary>The held-out bodies: no stance model the commands score on them is trained on them.</summary>
    public static HashSet<string> Bodies(StanceData data) => data.Fnc1.HoldoutBodies(Fraction, Seed);

    public static Fnc1HoldoutPairs Of(StanceData data, HashSet<string> holdoutBodies)
    {
        var tuning = data.Fnc1Pairs.Where(p => !holdoutBodies.Contains(p.Pair.BodyId))
            .Select(p => (p.MaxCosine, p.Coverage, p.Pair.Stance != "unrelated"))
            .ToList();
        var (weight, threshold, _) = Fnc1Scoring.TuneRelatedness(tuning);
        var test = data.Fnc1Pairs.Where(p => holdoutBodies.Contains(p.Pair.BodyId)).ToList();
        var related = test.Where(p => p.MaxCosine + (weight * p.Coverage) >= threshold && p.Row is not null).ToList();
        return new Fnc1HoldoutPairs(test, related, weight, threshold);
    }

    /// <summary>The related pairs' stance rows, in the order <see cref="Score"/> takes their stances.</summary>
    public List<StanceRow> RelatedRows => Related.ConvertAll(p => p.Row!);

    /// <summary>The weighted score (share of the maximum) and confusion when the related pairs take <paramref name="stances"/>.</summary>
    public (double Score, Confusion Confusion) Score(IReadOnlyList<Stance> stances)
    {
        var predictedOf = new Dictionary<Fnc1PairFeatures, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Related.Count; i++)
        {
            predictedOf[Related[i]] = stances[i] switch
            {
                Stance.Supports => "agree",
                Stance.Contradicts => "disagree",
                _ => "discuss",
            };
        }

        var confusion = new Confusion(Fnc1Scoring.Labels);
        var score = 0.0;
        foreach (var p in Test)
        {
            var predicted = predictedOf.GetValueOrDefault(p, "unrelated");
            confusion.Add(p.Pair.Stance, predicted);
            score += Fnc1Scoring.Score(p.Pair.Stance, predicted);
        }

        return (score / Fnc1Scoring.MaxScore(Test.Select(p => p.Pair.Stance)), confusion);
    }
}
