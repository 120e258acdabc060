using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimTracker.Matching;
using ClaimTracker.EvaluationData;

namespace ClaimTracker.Training.Linking;

/// <summary>
/// <c>linking</c>: trains the same-claim scorer on Emergent and chooses its regularisation and join
/// threshold by grouped cross-validation over rumours, simulating the online process: every rumour is
/// replayed through one store in the service's order, each statement decided by the model of the fold
/// that did not train on its rumour, and linking is scored by B-cubed over article headlines. The
/// service's rule score is replayed the same way and printed beside it. The final model is trained on
/// every rumour and written with its manifest.
/// </summary>
public static class LinkingCommand
{
    /// <summary>The service's rule operating point (MatchingOptions: join at 0.84 with lexical weight 1).</summary>
    private static readonly MatcherOptions Rules =
        MatcherOptions.Default with
        {
            JoinThreshold = LinkingFeatures.RuleJoinThreshold,
            LexicalWeight = LinkingFeatures.RuleLexicalWeight,
        };

    private static readonly LinkingHyperParameters[] Grid =
        [new(0, 0.1f), new(0, 1f), new(0, 0, Trees: 100, Leaves: 8), new(0, 0, Trees: 200, Leaves: 16)];

    /// <summary>Margins over the rules' own join threshold at which the combined decision also takes the rules' join.</summary>
    private static readonly double[] RuleMargins = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5];

    private static readonly double[] Thresholds = Enumerable.Range(0, 17).Select(i => Math.Round(0.10 + (0.05 * i), 2)).ToArray();

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arguments = new Arguments(args);
        var root = arguments.Positional(1, "path-to-shared-data");
        var folds = arguments.Int("folds", 5);
        var topicNeighbours = arguments.Int("topic-neighbours", 4);
        var output = arguments.Option("out") ?? Path.Combine(RepositoryRoot(), "grains", "ClaimTracker.Matching", "Models");
        var articlesCsv = Path.Combine(root, "emergent-dev", "emergent_articles.csv");
        var encoder = new CachingEncoder(MiniLmEncoder.Shared, arguments.Option("embedding-cache"));
        var events = LinkingEvents.FromEmergent(articlesCsv, encoder, folds);
        encoder.Save();
        var rumours = events.Where(e => e.Seed).ToList();
        Console.WriteLine($"Emergent: {rumours.Count} rumours, {events.Count - rumours.Count} article headlines; "
            + $"{folds} folds grouped by rumour "
            + $"({string.Join(" / ", Enumerable.Range(0, folds).Select(k => rumours.Count(r => r.Fold == k)))} rumours)");

        var rules = LinkingReplay.Run(events, _ => new ClaimMatcher(Rules));
        var pairsByFold = Enumerable.Range(0, folds).Select(k => TrainingPairs(events.Where(e => e.Fold != k).ToList(), topicNeighbours))
            .ToList();
        Console.WriteLine($"training pairs per fold: {string.Join(" / ", pairsByFold.Select(p => p.Count))} "
            + $"(retrieved candidates of the other folds' statements, in the whole store and in one-topic stores of {topicNeighbours} "
            + "neighbouring rumours)");

        Console.WriteLine("cross-validated linking B-cubed F1 "
            + "(all articles, one store; each statement decided by the model that did not see its rumour):");
        Console.WriteLine($"  rules (join ≥ {Rules.JoinThreshold:0.00}, lexical weight {Rules.LexicalWeight}): "
            + $"{rules.BCubedScore().F1:0.000}");
        var best = (HyperParameters: Grid[0], Threshold: 0.0, F1: -1.0, Outcome: rules);
        var bestScorers = new List<SameClaimScorer>();
        foreach (var hyperParameters in Grid)
        {
            var scorers = pairsByFold
                .Select(p => new SameClaimScorer(new MemoryStream(SameClaimTrainer.Train(p, hyperParameters)), 0.5))
                .ToList();
            var line = new List<string>();
            foreach (var threshold in Thresholds)
            {
                var matchers = scorers
                    .Select(s => new ClaimMatcher(MatcherOptions.Default with { Scorer = s, JoinThreshold = threshold }))
                    .ToList();
                var outcome = LinkingReplay.Run(events, e => matchers[e.Fold]);
                var f1 = outcome.BCubedScore().F1;
                line.Add(FormattableString.Invariant($"{threshold:0.00}:{f1:0.000}"));
                if (f1 > best.F1)
                {
                    best = (hyperParameters, threshold, f1, outcome);
                    bestScorers = scorers;
                }
            }

            Console.WriteLine($"  learned ({hyperParameters}): {string.Join(' ', line)}");
        }

        var combined = CombinedDecision(events, bestScorers, best.Threshold, best.F1);
        if (combined.Margin is not null)
        {
            best = best with { Threshold = combined.Threshold, F1 = combined.F1, Outcome = combined.Outcome! };
        }

        Console.WriteLine($"chosen: {best.HyperParameters}, join threshold {best.Threshold:0.00}"
            + (combined.Margin is { } chosenMargin
                ? $", or the rules' join at {Rules.JoinThreshold + chosenMargin:0.00} ({Pick(combined.ByProbability)})"
                : ", the model alone"));
        Console.WriteLine($"{"fold",-6}{"rules P",9}{"R",7}{"F1",7}   {"learned P",9}{"R",7}{"F1",7}");
        var perFold = new JsonArray();
        for (var k = 0; k <= folds; k++)
        {
            int? fold = k < folds ? k : null;
            var r = rules.BCubedScore(fold);
            var l = best.Outcome.BCubedScore(fold);
            var name = fold is null ? "all" : k.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"{name,-6}{r.Precision,9:0.000}{r.Recall,7:0.000}{r.F1,7:0.000}   "
                + $"{l.Precision,9:0.000}{l.Recall,7:0.000}{l.F1,7:0.000}");
            perFold.Add(new JsonObject
            {
                ["fold"] = fold is null ? "all" : k.ToString(CultureInfo.InvariantCulture),
                ["rules"] = Scores(r),
                ["learned"] = Scores(l),
            });
        }

        var allPairs = TrainingPairs(events, topicNeighbours);
        var model = SameClaimTrainer.Train(allPairs, best.HyperParameters);
        Directory.CreateDirectory(output);
        File.WriteAllBytes(Path.Combine(output, "same-claim.zip"), model);
        var manifest = new JsonObject
        {
            ["model"] = "same-claim.zip",
            ["modelSha256"] = Sha256(model),
            ["modelBytes"] = model.Length,
            ["purpose"] = "probability that a statement states the same claim as a retrieved candidate (ClaimMatcher)",
            ["trainer"] = SameClaimTrainer.Description,
            ["seed"] = 1,
            ["threads"] = 1,
            ["hyperParameters"] = best.HyperParameters.Trees > 0
                ? new JsonObject
                {
                    ["learner"] = "LightGBM", ["trees"] = best.HyperParameters.Trees, ["leaves"] = best.HyperParameters.Leaves,
                    ["learningRate"] = 0.1, ["minimumLeafCount"] = 20,
                }
                : new JsonObject
                {
                    ["learner"] = "logistic regression", ["l1"] = best.HyperParameters.L1, ["l2"] = best.HyperParameters.L2,
                },
            ["hyperParameterGrid"] = new JsonArray(Grid.Select(g => (JsonNode)g.ToString()).ToArray()),
            ["joinThreshold"] = best.Threshold,
            ["ruleConfidentMargin"] = combined.Margin,
            ["ruleConfidentJoinByProbability"] = combined.ByProbability,
            ["ruleConfidentMarginGrid"] = new JsonArray(RuleMargins.Select(m => (JsonNode)m).ToArray()),
            ["thresholdGrid"] = new JsonArray(Thresholds.Select(t => (JsonNode)t).ToArray()),
            ["features"] = new JsonArray(LinkingFeatures.Names.Select(n => (JsonNode)n).ToArray()),
            ["data"] = new JsonArray(DataFile(root, "emergent-dev/emergent_articles.csv")),
            ["trainingPairs"] = new JsonObject { ["count"] = allPairs.Count, ["sameClaim"] = allPairs.Count(p => p.Label) },
            ["split"] = $"{folds} folds grouped by rumour: FNV-1a(claimId) mod {folds}; "
                + $"the final model is trained on all {rumours.Count} rumours",
            ["pairs"] = "each statement's retrieved candidates (top 10 by cosine and by BM25, one per claim), labelled same rumour or not, "
                + "with the index grown as if every earlier statement had been linked correctly (up to 12 phrasings a claim), "
                + "in the store of all rumours and in a one-topic store per rumour (its headline beside the headlines and first "
                + $"{LinkingReplay.TopicNeighbourPhrasings} articles of the {topicNeighbours} rumours closest to it by cosine)",
            ["topicNeighbours"] = topicNeighbours,
            ["crossValidation"] = new JsonObject
            {
                ["protocol"] = "every rumour replayed through one store in the service's order (rumours by logging time; "
                    + "its headline, then its articles), each statement decided by the model of the fold that did not train on its "
                    + "rumour; B-cubed over article headlines",
                ["rules"] = $"ClaimMatcher rule score, join ≥ {Rules.JoinThreshold}, lexical weight {Rules.LexicalWeight}",
                ["perFold"] = perFold,
            },
            ["command"] = "dotnet run -c Release --project tools/ClaimTracker.Training -- linking ../shared/data"
                + (topicNeighbours == 4 ? string.Empty : $" --topic-neighbours {topicNeighbours}"),
        };
        var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(output, "same-claim.manifest.json"), manifest.ToJsonString(json) + "\n");
        Console.WriteLine($"wrote {Path.Combine(output, "same-claim.zip")} ({model.Length:N0} bytes, "
            + $"SHA-256 {Sha256(model)[..12]}…) and its manifest");
        return 0;
    }

    /// <summary>
    /// The combined decision: the model's join, or, where the model would not join, the rules' confident join (rule score at
    /// least its own threshold plus a margin), the candidate picked by probability or by rule score. Replayed like the
    /// model alone, for the chosen learner's fold models around its threshold; kept only when it beats the model alone.
    /// </summary>
    private static (double? Margin, bool ByProbability, double Threshold, double F1, LinkingOutcome? Outcome) CombinedDecision(
        IReadOnlyList<LinkEvent> events, IReadOnlyList<SameClaimScorer> scorers, double modelThreshold, double modelF1)
    {
        var best = ((double?)null, false, modelThreshold, modelF1, (LinkingOutcome?)null);
        foreach (var byProbability in new[] { false, true })
        {
            foreach (var margin in RuleMargins)
            {
                var line = new List<string>();
                foreach (var threshold in Thresholds.Where(t => t >= modelThreshold - 0.051 && t <= modelThreshold + 0.151))
                {
                    var matchers = scorers.Select(s => new ClaimMatcher(MatcherOptions.Default with
                    {
                        Scorer = s, JoinThreshold = threshold, RuleConfidentMargin = margin, RuleConfidentJoinByProbability = byProbability,
                    })).ToList();
                    var outcome = LinkingReplay.Run(events, e => matchers[e.Fold]);
                    var f1 = outcome.BCubedScore().F1;
                    line.Add(FormattableString.Invariant($"{threshold:0.00}:{f1:0.000}"));
                    if (f1 > best.Item4)
                    {
                        best = (margin, byProbability, threshold, f1, outcome);
                    }
                }

                Console.WriteLine($"  or rules ≥ {Rules.JoinThreshold + margin:0.00} ({Pick(byProbability)}): {string.Join(' ', line)}");
            }
        }

        return best;
    }

    private static string Pick(bool byProbability) => byProbability ? "most probable" : "best by rule";

    private static List<LinkingExample> TrainingPairs(IReadOnlyList<LinkEvent> events, int topicNeighbours) =>
        topicNeighbours == 0
            ? LinkingReplay.Pairs(events)
            : [.. LinkingReplay.Pairs(events), .. LinkingReplay.TopicPairs(events, topicNeighbours)];

    private static JsonObject Scores((double Precision, double Recall, double F1) s) => new()
    {
        ["precision"] = Math.Round(s.Precision, 4),
        ["recall"] = Math.Round(s.Recall, 4),
        ["f1"] = Math.Round(s.F1, 4),
    };

    private static JsonObject DataFile(string root, string relative) => new()
    {
        ["file"] = relative,
        ["sha256"] = Sha256(File.ReadAllBytes(Path.Combine(root, relative))),
    };

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new ArgumentException("run from inside the repository or pass --out DIR");
    }
}
