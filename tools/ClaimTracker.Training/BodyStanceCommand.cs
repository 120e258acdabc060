using System.Diagnostics;
using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.EvaluationData;
using ClaimTracker.Matching;
using Microsoft.ML;

namespace ClaimTracker.Training;

/// <summary>
/// <c>stance-body</c>: trains the body stance model, the one for statements read from an article's running text,
/// on FNC-1 related pairs (the body sentence closest to the headline against the headline; agree/disagree/discuss →
/// SUPPORTS/CONTRADICTS/OBSERVING). Hyper-parameters are decided by cross-validation on FNC-1 train grouped by
/// rumour (a body joins its Emergent rumour's group through the claim map, else stands alone) with the hold-out
/// bodies of the <c>fnc1</c> evaluation left out; the hold-out is then scored once, the body model beside the
/// headline model and the rules. Writes <c>stance-body.zip</c> and its manifest.
/// </summary>
internal static class BodyStanceCommand
{
    private const string ModelFile = "stance-body.zip";
    private const string ManifestFile = "stance-body.manifest.json";

    /// <summary>The settings <c>--search</c> compares on the folds (trees, leaves).</summary>
    private static readonly (int Trees, int Leaves)[] SearchGrid = [(200, 16), (300, 8)];

    /// <summary>Hyper-parameters of the shipped headline model, retrained without the hold-out's rumours to score it beside.</summary>
    private static readonly StanceHyperParameters HeadlineParameters = StanceHyperParameters.Default with { Trees = 300, Leaves = 8 };

    public static int Run(Arguments args)
    {
        var root = args.Positional(1, "path-to-shared-data");
        var output = ModelFiles.MatchingModelsFolder(args.Option("out"));

        var folds = args.Int("folds", 5);
        var data = StanceData.Load(Path.Combine(root, "emergent-dev"), Path.Combine(root, "fnc-1"), args.Option("embedding-cache"));
        var holdoutBodies = Fnc1HoldoutPairs.Bodies(data);
        var training = data.Fnc1Related.Where(r => !holdoutBodies.Contains(r.BodyId!)).ToList();
        Console.WriteLine($"stance-body: {data.Fnc1Related.Count} FNC-1 related pairs; {training.Count} outside the " +
            $"{holdoutBodies.Count} hold-out bodies; {folds} folds grouped by rumour");

        var parameters = StanceHyperParameters.Default with
        {
            Trees = args.Int("trees", StanceHyperParameters.Default.Trees),
            Leaves = args.Int("leaves", StanceHyperParameters.Default.Leaves),
            LearningRate = args.Double("learning-rate", StanceHyperParameters.Default.LearningRate),
            MinimumLeafCount = args.Int("min-leaf", StanceHyperParameters.Default.MinimumLeafCount),
            FeatureFraction = args.Double("feature-fraction", StanceHyperParameters.Default.FeatureFraction),
        };
        Confusion? cv = null;
        Confusion? rules = null;
        if (args.Flag("search"))
        {
            foreach (var (trees, leaves) in SearchGrid)
            {
                var candidate = parameters with { Trees = trees, Leaves = leaves };
                var (model, byRules) = CrossValidate(training, folds, candidate);
                Console.WriteLine($"  search: {trees} trees of {leaves} leaves → FNC-1 CV accuracy {model.Accuracy:0.000}, macro F1 " +
                    $"{model.MacroF1:0.000}");
                if (cv is null || model.Accuracy > cv.Accuracy + 1e-9)
                {
                    (cv, rules, parameters) = (model, byRules, candidate);
                }
            }
        }
        else
        {
            (cv, rules) = CrossValidate(training, folds, parameters);
        }

        Console.WriteLine($"hyper-parameters: {parameters}");
        StanceCommand.Print("grouped cross-validation, FNC-1 train related pairs without the hold-out bodies", cv!, rules!);

        var holdout = Holdout(data, holdoutBodies, parameters);
        Console.WriteLine($"FNC-1 hold-out bodies ({Fnc1HoldoutPairs.Fraction} of bodies, seed {Fnc1HoldoutPairs.Seed}; " +
            "the body model trained without them, the headline model without their rumours), weighted score; " +
            "relatedness as in the fnc1 evaluation (related ≥ " +
            $"{holdout.Threshold:0.000}, coverage weight {holdout.Weight:0.00}):");
        foreach (var (name, score, confusion) in holdout.Scores)
        {
            Console.WriteLine($"  {name,-44}{100 * score,8:0.00} %");
            Console.Write(StanceCommand.Indent(confusion.ToString()));
        }

        var bytes = StanceTrainer.Train(Examples(data.Fnc1Related), parameters);
        var modelPath = Path.Combine(output, ModelFile);
        File.WriteAllBytes(modelPath, bytes);
        Cost(bytes, data.Fnc1Related.Where(r => holdoutBodies.Contains(r.BodyId!)).Take(2000).ToList());

        var manifest = new StanceManifest(
            Model: ModelFile,
            ModelSha256: ModelFiles.Sha256(bytes),
            ModelBytes: bytes.Length,
            Command: "dotnet run -c Release --project tools/ClaimTracker.Training -- stance-body ../shared/data" +
                (args.Flag("search") ? " --search" : string.Empty) + (folds != 5 ? $" --folds {folds}" : string.Empty) +
                StanceCommand.HyperParameterOptions(args),
            Trainer: "ML.NET 6.0.0 LightGBM multiclass (softmax), one thread, seed 1",
            FeatureLayout: StanceFeatures.Layout,
            Classes: StanceModel.Classes.Select(c => c.ToString().ToUpperInvariant()).ToArray(),
            Data:
            [
                StanceCommand.DataFile(root, Path.Combine("fnc-1", Fnc1Data.StancesFile), data.Fnc1Related.Count,
                    "related pairs; agree/disagree/discuss → SUPPORTS/CONTRADICTS/OBSERVING; unrelated skipped"),
                StanceCommand.DataFile(root, Path.Combine("fnc-1", Fnc1Data.BodiesFile), data.Fnc1.Bodies.Count,
                    $"statement = the body sentence closest to the headline (MiniLM cosine, first {StanceData.MaxSentences} sentences)"),
                StanceCommand.DataFile(root, Path.Combine("fnc-1", Fnc1Data.ClaimMapFile), data.Fnc1.ClaimOfBody.Count,
                    "groups a body with its Emergent rumour for the folds"),
            ],
            Split: $"{folds}-fold cross-validation on FNC-1 train without the hold-out bodies ({Fnc1HoldoutPairs.Fraction} of " +
                $"bodies, seed {Fnc1HoldoutPairs.Seed}, as the fnc1 evaluation), grouped by rumour (claim map; unmapped bodies " +
                "alone), groups ordered by " +
                "FNV-1a hash and dealt round-robin; the hold-out scored once by a model trained without it; the shipped model is " +
                "trained on all related pairs",
            HyperParameters: new Dictionary<string, string>
            {
                ["trees"] = parameters.Trees.ToString(CultureInfo.InvariantCulture),
                ["leaves"] = parameters.Leaves.ToString(CultureInfo.InvariantCulture),
                ["learningRate"] = parameters.LearningRate.ToString(CultureInfo.InvariantCulture),
                ["minimumLeafCount"] = parameters.MinimumLeafCount.ToString(CultureInfo.InvariantCulture),
                ["featureFraction"] = parameters.FeatureFraction.ToString(CultureInfo.InvariantCulture),
            },
            CrossValidation: new Dictionary<string, Figures>
            {
                ["fnc1Model"] = Figures.Of(cv!),
                ["fnc1Rules"] = Figures.Of(rules!),
            },
            Fnc1HoldoutScore: Math.Round(100 * holdout.Scores[0].Score, 2));
        File.WriteAllText(Path.Combine(output, ManifestFile), ModelFiles.ToJson(manifest));
        Console.WriteLine($"wrote {modelPath} ({bytes.Length:N0} bytes, SHA-256 {manifest.ModelSha256}) and {ManifestFile}");
        return 0;
    }

    private static List<StanceExample> Examples(IEnumerable<StanceRow> rows) =>
        rows.Select(r => new StanceExample { Features = r.Features, Label = StanceModel.LabelOf(r.Gold) }).ToList();

    private static (Confusion Model, Confusion Rules) CrossValidate(List<StanceRow> rows, int folds, StanceHyperParameters parameters)
    {
        var foldOf = GroupedFolds.Assign(rows.Select(r => r.Group), folds);
        var labels = new[] { "for", "against", "observing" };
        var (model, rules) = (new Confusion(labels), new Confusion(labels));
        for (var fold = 0; fold < folds; fold++)
        {
            var test = rows.Where(r => foldOf[r.Group] == fold).ToList();
            var context = new MLContext(seed: StanceTrainer.Seed);
            var fitted = StanceTrainer.Fit(context, Examples(rows.Where(r => foldOf[r.Group] != fold)), parameters);
            var predicted = StanceCommand.Predict(context, fitted, test);
            for (var i = 0; i < test.Count; i++)
            {
                model.Add(StanceCommand.Label(test[i].Gold), StanceCommand.Label(predicted[i]));
                rules.Add(StanceCommand.Label(test[i].Gold), StanceCommand.Label(test[i].RuleStance));
            }
        }

        return (model, rules);
    }

    /// <summary>
    /// The hold-out bodies scored by the body model, the headline model (Emergent headlines of the other rumours, the shipped
    /// hyper-parameters), the rules and "discuss" for every related pair, all under one relatedness decision.
    /// </summary>
    private static (List<(string Name, double Score, Confusion Confusion)> Scores, double Weight, double Threshold) Holdout(
        StanceData data,
        HashSet<string> holdoutBodies,
        StanceHyperParameters parameters)
    {
        var holdoutRumours = holdoutBodies.Where(data.Fnc1.ClaimOfBody.ContainsKey).Select(b => data.Fnc1.ClaimOfBody[b])
            .ToHashSet(StringComparer.Ordinal);
        var pairs = Fnc1HoldoutPairs.Of(data, holdoutBodies);
        var relatedRows = pairs.RelatedRows;

        var bodyContext = new MLContext(seed: StanceTrainer.Seed);
        var body = StanceTrainer.Fit(
            bodyContext, Examples(data.Fnc1Related.Where(r => !holdoutBodies.Contains(r.BodyId!))), parameters);
        var headlineContext = new MLContext(seed: StanceTrainer.Seed);
        var headline = StanceTrainer.Fit(
            headlineContext, Examples(data.Emergent.Where(r => !holdoutRumours.Contains(r.Group))), HeadlineParameters);

        var predictions = new List<(string Name, List<Stance> Stances)>
        {
            ($"body model ({parameters.Trees} trees of {parameters.Leaves} leaves)", StanceCommand.Predict(bodyContext, body, relatedRows)),
            ("headline model (Emergent headlines, 300 × 8)", StanceCommand.Predict(headlineContext, headline, relatedRows)),
            ("rules", relatedRows.Select(r => r.RuleStance).ToList()),
            ("every related pair discuss", relatedRows.Select(_ => Stance.Observing).ToList()),
        };
        var scores = new List<(string Name, double Score, Confusion Confusion)>();
        foreach (var (name, stances) in predictions)
        {
            var (score, confusion) = pairs.Score(stances);
            scores.Add((name, score, confusion));
        }

        return (scores, pairs.Weight, pairs.Threshold);
    }

    /// <summary>
    /// What a body statement's stance costs at serving, on one thread: <see cref="StanceClassifier.Classify(string, string,
    /// StanceHints, StanceModel?)"/> (words, rules, features, trees) with the body model, the headline model and rules alone.
    /// </summary>
    private static void Cost(byte[] bodyModel, List<StanceRow> rows)
    {
        using var body = new StanceModel(new MemoryStream(bodyModel));
        var pairs = rows.Select(r => r.Pair!.Value).ToList();
        foreach (var (name, model) in new[] { ("body model", body), ("headline model", StanceModel.Shared), ("rules alone", null) })
        {
            foreach (var (statement, claim, hints) in pairs.Take(50))
            {
                StanceClassifier.Classify(statement, claim, hints, model);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var (statement, claim, hints) in pairs)
            {
                StanceClassifier.Classify(statement, claim, hints, model);
            }

            var wall = clock.Elapsed.TotalMicroseconds / pairs.Count;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / pairs.Count;
            Console.WriteLine($"  stance per statement, {name,-15}: {used,7:0} µs CPU, {wall,7:0} µs wall ({pairs.Count} pairs, 1 thread)");
        }
    }
}
