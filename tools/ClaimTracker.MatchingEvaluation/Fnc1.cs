using ClaimTracker.Analysis;
using ClaimTracker.Matching;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>
/// <c>fnc1</c>: FNC-1 (headline ⇄ body: agree / disagree / discuss / unrelated) on a hold-out of the
/// training BODIES (split by body id with a seeded shuffle; headlines paired with a hold-out body are
/// hold-out pairs). Everything fitted (relatedness weight and threshold, the stance policy's choices)
/// is chosen on the remaining bodies only, then applied unchanged to the hold-out.
/// Relatedness = best cosine between the headline and a body sentence + w × share of the headline's
/// terms found in the body. Stance = <see cref="StanceClassifier"/> on the body sentences closest to
/// the headline, aggregated by a small policy (disagree on denial, agree on a close supporting
/// sentence, otherwise discuss).
/// </summary>
internal static class Fnc1
{
    private static readonly string[] Labels = Fnc1Scoring.Labels;

    public static int Run(Arguments args)
    {
        var folder = args.Positional(1, "path-to-fnc-1");
        var holdoutFraction = args.Double("holdout-fraction", 0.2);
        var seed = args.Int("seed", 1);
        var maxSentences = args.Int("max-sentences", 12);
        var bodies = Csv.Read(Path.Combine(folder, "train_bodies.csv"))
            .ToDictionary(r => r["Body ID"], r => r["articleBody"], StringComparer.Ordinal);
        var stances = Csv.Read(Path.Combine(folder, "train_stances.csv"));

        var ids = bodies.Keys.Order(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var shuffled = ids.OrderBy(_ => random.Next()).ToList();
        var holdoutIds = shuffled.Take((int)Math.Round(holdoutFraction * ids.Count)).ToHashSet(StringComparer.Ordinal);

        var sentences = bodies.ToDictionary(b => b.Key, b => Sentences.Split(b.Value, maxSentences), StringComparer.Ordinal);
        var bodyTerms = bodies.ToDictionary(
            b => b.Key,
            b => TextAnalysis.Terms(b.Value).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var encoder = new CachingEncoder(MiniLmEncoder.Shared, args.Option("embedding-cache"));
        var texts = stances.Select(s => s["Headline"]).Concat(sentences.Values.SelectMany(s => s)).Distinct(StringComparer.Ordinal)
            .ToList();
        Console.WriteLine($"FNC-1: {stances.Count} pairs, {bodies.Count} bodies; hold-out = {holdoutIds.Count} bodies (fraction " +
            $"{holdoutFraction}, seed {seed}); encoding {texts.Count} distinct headlines and body sentences (first {maxSentences} per " +
                $"body)...");
        var vectors = encoder.Encode(texts);
        encoder.Save();
        var embedding = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            embedding[texts[i]] = vectors[i];
        }

        var pairs = stances.Select(s => Features(s["Headline"], s["Body ID"], s["Stance"], sentences, bodyTerms, embedding)).ToList();
        var train = pairs.Where(p => !holdoutIds.Contains(p.BodyId)).ToList();
        var holdout = pairs.Where(p => holdoutIds.Contains(p.BodyId)).ToList();
        Console.WriteLine($"pairs: tuning (non-hold-out bodies) {train.Count}, hold-out {holdout.Count}");

        // 1. Relatedness: weight and threshold on the tuning bodies, by related/unrelated accuracy.
        var (weight, threshold, relatedAccuracy) = TuneRelatedness(train);
        Console.WriteLine($"relatedness tuned on non-hold-out bodies: score = max sentence cosine + {weight:0.00} × headline-term " +
            $"coverage, related ≥ {threshold:0.000} (tuning accuracy {relatedAccuracy:0.000})");

        // 2. Stance policy on the tuning bodies, by FNC score.
        var policy = TunePolicy(train, weight, threshold);
        Console.WriteLine($"stance policy tuned on non-hold-out bodies: {policy}");

        foreach (var (name, set) in new[] { ("tuning bodies (seen)", train), ("HOLD-OUT bodies", holdout) })
        {
            var confusion = new Confusion(Labels);
            double score = 0;
            double max = 0;
            foreach (var p in set)
            {
                var predicted = Predict(p, weight, threshold, policy);
                confusion.Add(p.Gold, predicted);
                score += Score(p.Gold, predicted);
                max += p.Gold == "unrelated" ? 0.25 : 1.0;
            }

            var allDiscuss = set.Sum(p => Score(p.Gold, p.Related(weight) >= threshold ? "discuss" : "unrelated")) / max;
            Console.WriteLine($"{name}: FNC weighted score {100 * score / max:0.00} % ({score:0.##} / {max:0.##}); accuracy " +
                $"{confusion.Accuracy:0.000}; same relatedness with every related pair 'discuss': {100 * allDiscuss:0.00} %");
            Console.Write(string.Join(Environment.NewLine, confusion.ToString().TrimEnd().Split('\n').Select(l => "    " + l.TrimEnd()))
                + Environment.NewLine);
        }

        return 0;
    }

    private static Pair Features(
        string headline,
        string bodyId,
        string gold,
        Dictionary<string, List<string>> sentences,
        Dictionary<string, HashSet<string>> bodyTerms,
        Dictionary<string, float[]> embedding)
    {
        var h = embedding[headline];
        var ranked = sentences[bodyId].Select(s => (Text: s, Cosine: (double)VectorMath.Dot(h, embedding[s])))
            .OrderByDescending(x => x.Cosine)
            .ToList();
        var coverage = Fnc1Scoring.Coverage(headline, bodyTerms[bodyId]);
        var top = ranked.Take(5).Select(
            x => (x.Cosine, StanceClassifier.Classify(x.Text, headline, StanceHints.FromText(x.Text, headline, x.Cosine)))).ToList();
        return new Pair(headline, bodyId, gold, ranked.Count == 0 ? 0 : ranked[0].Cosine, coverage, top);
    }

    private static (double Weight, double Threshold, double Accuracy) TuneRelatedness(List<Pair> train) =>
        Fnc1Scoring.TuneRelatedness(train.Select(p => (p.MaxCosine, p.Coverage, p.Gold != "unrelated")).ToList());

    private static Policy TunePolicy(List<Pair> train, double weight, double threshold)
    {
        var best = new Policy(5, false, double.PositiveInfinity);
        var bestScore = double.NegativeInfinity;
        foreach (var top in new[] { 1, 2, 3, 5 })
        {
            foreach (var disagree in new[] { false, true })
            {
                foreach (var agree in new[] { 0.5, 0.6, 0.7, 0.8, 0.9, double.PositiveInfinity })
                {
                    var policy = new Policy(top, disagree, agree);
                    var score = train.Sum(p => Score(p.Gold, Predict(p, weight, threshold, policy)));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = policy;
                    }
                }
            }
        }

        return best;
    }

    private static string Predict(Pair p, double weight, double threshold, Policy policy)
    {
        if (p.Related(weight) < threshold)
        {
            return "unrelated";
        }

        var considered = p.Top.Take(policy.TopSentences).ToList();
        if (policy.DisagreeOnContradiction && considered.Any(x => x.Decision.Stance == Stance.Contradicts))
        {
            return "disagree";
        }

        if (considered.Count > 0 && considered[0].Cosine >= policy.AgreeCosine && considered[0].Decision.Stance == Stance.Supports)
        {
            return "agree";
        }

        return "discuss";
    }

    private static double Score(string gold, string predicted) => Fnc1Scoring.Score(gold, predicted);

    private sealed record Pair(
        string Headline,
        string BodyId,
        string Gold,
        double MaxCosine,
        double Coverage,
        List<(double Cosine, StanceDecision Decision)> Top)
    {
        public double Related(double weight) => MaxCosine + (weight * Coverage);
    }

    private sealed record Policy(int TopSentences, bool DisagreeOnContradiction, double AgreeCosine)
    {
        public override string ToString()
        {
            var disagree = DisagreeOnContradiction ? "yes" : "no";
            var agree = double.IsPositiveInfinity(AgreeCosine)
                ? "never"
                : AgreeCosine.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            return $"look at the {TopSentences} closest sentences; disagree when one contradicts: {disagree}; "
                + $"agree when the closest supports with cosine ≥ {agree}; otherwise discuss";
        }
    }
}
