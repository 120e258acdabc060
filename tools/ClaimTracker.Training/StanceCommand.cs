using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.EvaluationData;
using ClaimTracker.Matching;
using Microsoft.ML;

namespace ClaimTracker.Training;

/// <summary>
/// <c>stance</c>: trains the stance model on Emergent article headlines against their rumour's headline
/// and on FNC-1 related pairs (the body sentence closest to the headline against the headline),
/// decides hyper-parameters by cross-validation grouped by rumour (an FNC-1 body joins the fold of
/// its Emergent rumour), prints the model and the rules side by side, scores FNC-1 on the hold-out
/// bodies of the <c>fnc1</c> evaluation with a model that never saw them, and writes the model and
/// its manifest.
/// </summary>
internal static class StanceCommand
{
    private static readonly string[] Labels = ["for", "against", "observing"];

    public static int Run(Arguments args)
    {
        var root = args.Positional(1, "path-to-shared-data");
        var output = ModelFiles.MatchingModelsFolder(args.Option("out"));

        var folds = args.Int("folds", 5);
        var emergentFolder = Path.Combine(root, "emergent-dev");
        var emergentOnly = args.Flag("emergent-only");
        var fnc1Folder = emergentOnly ? null : Path.Combine(root, "fnc-1");
        var data = StanceData.Load(emergentFolder, fnc1Folder, args.Option("embedding-cache"));
        Console.WriteLine($"stance: {data.Emergent.Count} Emergent headline pairs, {data.Fnc1Related.Count} FNC-1 related pairs; {folds} " +
            $"folds grouped by rumour");

        var fnc1Weight = emergentOnly ? 0 : args.Double("fnc1-weight", 0.25);
        var parameters = StanceHyperParameters.Default with
        {
            Trees = args.Int("trees", StanceHyperParameters.Default.Trees),
            Leaves = args.Int("leaves", StanceHyperParameters.Default.Leaves),
            LearningRate = args.Double("learning-rate", StanceHyperParameters.Default.LearningRate),
            MinimumLeafCount = args.Int("min-leaf", StanceHyperParameters.Default.MinimumLeafCount),
            FeatureFraction = args.Double("feature-fraction", StanceHyperParameters.Default.FeatureFraction),
        };
        if (args.Flag("search"))
        {
            (parameters, fnc1Weight) = Search(data, folds);
        }

        if (args.Flag("ablation"))
        {
            Ablation(data, folds, parameters, fnc1Weight);
        }

        var foldModels = args.Option("fold-models");
        var cv = CrossValidate(data, folds, parameters, fnc1Weight, foldModels);
        Console.WriteLine($"hyper-parameters: {parameters}; FNC-1 row weight {fnc1Weight}");
        if (foldModels is not null)
        {
            Console.WriteLine($"wrote each fold's model (trained on the other folds) and {FoldModels.FoldsFile} to {foldModels}");
        }

        Print("grouped cross-validation, Emergent headlines", cv.Model, cv.Rules);
        double? holdoutScore = null;
        if (!emergentOnly)
        {
            Print("grouped cross-validation, FNC-1 related pairs (top body sentence vs headline)", cv.Fnc1Model, cv.Fnc1Rules);
            var holdout = Fnc1Holdout(data, parameters, fnc1Weight);
            Console.WriteLine($"FNC-1 hold-out bodies ({Fnc1HoldoutPairs.Fraction} of bodies, seed {Fnc1HoldoutPairs.Seed}; " +
                "model trained without them and " +
                $"without their rumours): " +
                $"weighted score {100 * holdout.Score:0.00} %; relatedness as in the fnc1 evaluation (related ≥ " +
                    $"{holdout.Threshold:0.000}, coverage weight {holdout.Weight:0.00})");
            Console.Write(Indent(holdout.Confusion.ToString()));
            holdoutScore = Math.Round(100 * holdout.Score, 2);
        }

        var all = Rows(data.Emergent, fnc1Weight).Concat(Rows(data.Fnc1Related, fnc1Weight)).ToList();
        var bytes = StanceTrainer.Train(all, parameters);
        var modelPath = Path.Combine(output, "stance.zip");
        File.WriteAllBytes(modelPath, bytes);
        var manifest = new StanceManifest(
            Model: "stance.zip",
            ModelSha256: ModelFiles.Sha256(bytes),
            ModelBytes: bytes.Length,
            Command: "dotnet run -c Release --project tools/ClaimTracker.Training -- stance ../shared/data" +
                (emergentOnly ? " --emergent-only" : string.Empty) + (args.Flag("search") ? " --search" : string.Empty) +
                (args.Option("fnc1-weight") is { } w ? " --fnc1-weight " + w : string.Empty) + (folds != 5
                    ? $" --folds {folds}"
                    : string.Empty) + HyperParameterOptions(args),
            Trainer: "ML.NET 6.0.0 LightGBM multiclass (softmax), one thread, seed 1",
            FeatureLayout: StanceFeatures.Layout,
            Classes: StanceModel.Classes.Select(c => c.ToString().ToUpperInvariant()).ToArray(),
            Data: DataFiles(root, data, emergentOnly),
            Split: $"{folds}-fold cross-validation grouped by rumour (Emergent claimId; FNC-1 bodies through the claim map, unmapped " +
                $"bodies alone); " +
                "groups ordered by FNV-1a hash and dealt round-robin; the shipped model is trained on all rows",
            HyperParameters: new Dictionary<string, string>
            {
                ["trees"] = parameters.Trees.ToString(CultureInfo.InvariantCulture),
                ["leaves"] = parameters.Leaves.ToString(CultureInfo.InvariantCulture),
                ["learningRate"] = parameters.LearningRate.ToString(CultureInfo.InvariantCulture),
                ["minimumLeafCount"] = parameters.MinimumLeafCount.ToString(CultureInfo.InvariantCulture),
                ["featureFraction"] = parameters.FeatureFraction.ToString(CultureInfo.InvariantCulture),
                ["fnc1RowWeight"] = fnc1Weight.ToString(CultureInfo.InvariantCulture),
            },
            CrossValidation: new Dictionary<string, Figures>
            {
                ["emergentModel"] = Figures.Of(cv.Model),
                ["emergentRules"] = Figures.Of(cv.Rules),
            }.Concat(emergentOnly ? [] : new Dictionary<string, Figures>
            {
                ["fnc1Model"] = Figures.Of(cv.Fnc1Model),
                ["fnc1Rules"] = Figures.Of(cv.Fnc1Rules),
            }).ToDictionary(),
            Fnc1HoldoutScore: holdoutScore);
        File.WriteAllText(Path.Combine(output, "stance.manifest.json"), ModelFiles.ToJson(manifest));
        Console.WriteLine($"wrote {modelPath} ({bytes.Length:N0} bytes, SHA-256 {manifest.ModelSha256}) and stance.manifest.json");
        return 0;
    }

    internal static string HyperParameterOptions(Arguments args) => string.Concat(
        new[] { "trees", "leaves", "learning-rate", "min-leaf", "feature-fraction" }
            .Where(name => args.Option(name) is not null)
            .Select(name => $" --{name} {args.Option(name)}"));

    private static DataFileEntry[] DataFiles(string root, StanceData data, bool emergentOnly)
    {
        var emergent = DataFile(root, Path.Combine("emergent-dev", EmergentData.ArticlesFile), data.Emergent.Count,
            "headline vs rumour headline; for/against/observing → SUPPORTS/CONTRADICTS/OBSERVING");
        return emergentOnly
            ? [emergent]
            : [
                emergent,
                DataFile(root, Path.Combine("fnc-1", Fnc1Data.StancesFile), data.Fnc1Related.Count,
                    "related pairs; agree/disagree/discuss → SUPPORTS/CONTRADICTS/OBSERVING; unrelated skipped"),
                DataFile(root, Path.Combine("fnc-1", Fnc1Data.BodiesFile), data.Fnc1.Bodies.Count,
                    $"statement = the body sentence closest to the headline (first {StanceData.MaxSentences} sentences)"),
                DataFile(
                    root,
                    Path.Combine("fnc-1", Fnc1Data.ClaimMapFile),
                    data.Fnc1.ClaimOfBody.Count,
                    "puts an FNC-1 body in its Emergent rumour's fold"),
            ];
    }

    internal static DataFileEntry DataFile(string root, string relative, int rows, string use) =>
        new(relative.Replace('\\', '/'), ModelFiles.Sha256(Path.Combine(root, relative)), rows, use);

    private static IEnumerable<StanceExample> Rows(IEnumerable<StanceRow> rows, double fnc1Weight) =>
        rows.Where(r => !r.IsFnc1 || fnc1Weight > 0)
            .Select(r => new StanceExample {
                Features = r.Features,
                Label = StanceModel.LabelOf(r.Gold),
                Weight = r.IsFnc1 ? (float)fnc1Weight : 1f });

    private static (StanceHyperParameters Parameters, double Fnc1Weight) Search(StanceData data, int folds)
    {
        var best = (Parameters: StanceHyperParameters.Default, Weight: 0.25, Accuracy: -1.0, F1: -1.0);
        foreach (var weight in new[] { 0.0, 0.25, 1.0 })
        {
            foreach (var (trees, leaves) in new[] { (100, 8), (200, 16), (400, 16) })
            {
                var parameters = StanceHyperParameters.Default with { Trees = trees, Leaves = leaves };
                var cv = CrossValidate(data, folds, parameters, weight);
                Console.WriteLine($"  search: FNC-1 weight {weight}, {trees} trees, {leaves} leaves → Emergent CV accuracy " +
                    $"{cv.Model.Accuracy:0.000}, macro F1 {cv.Model.MacroF1:0.000}");
                if (cv.Model.Accuracy > best.Accuracy + 1e-9
                    || (Math.Abs(cv.Model.Accuracy - best.Accuracy) < 1e-9 && cv.Model.MacroF1 > best.F1))
                {
                    best = (parameters, weight, cv.Model.Accuracy, cv.Model.MacroF1);
                }
            }
        }

        Console.WriteLine($"  search: chosen {best.Parameters}, FNC-1 weight {best.Weight}");
        return (best.Parameters, best.Weight);
    }

    /// <summary>
    /// Grouped cross-validation with one block of features blanked at a time (a blanked column is
    /// constant, so no tree splits on it): which blocks earn their place, decided on training data.
    /// </summary>
    private static void Ablation(StanceData data, int folds, StanceHyperParameters parameters, double fnc1Weight)
    {
        const int e = StanceFeatures.EmbeddingDimensions;
        const int s = StanceFeatures.SignalCount;
        var blocks = new (string Name, int From, int To)[]
        {
            ("reporting signals 32-45", 32, s),
            ("|u-v|", s, s + e),
            ("u*v", s + e, s + (2 * e)),
            ("|u-v| and u*v", s, s + (2 * e)),
        };
        foreach (var (name, from, to) in blocks)
        {
            var blanked = data with
            {
                Emergent = data.Emergent.Select(r => r with { Features = Blank(r.Features, from, to) }).ToList(),
                Fnc1Related = data.Fnc1Related.Select(r => r with { Features = Blank(r.Features, from, to) }).ToList(),
            };
            var cv = CrossValidate(blanked, folds, parameters, fnc1Weight);
            Console.WriteLine($"  ablation: without {name,-26} → Emergent CV accuracy {cv.Model.Accuracy:0.000}, macro F1 " +
                $"{cv.Model.MacroF1:0.000}, observing→for {cv.Model.Count("observing", "for")}");
        }
    }

    private static float[] Blank(float[] features, int from, int to)
    {
        var copy = (float[])features.Clone();
        Array.Clear(copy, from, to - from);
        return copy;
    }

    /// <param name="foldModels">A folder to write each fold's model into (for replays that score each rumour with a model that
    /// never saw it), or null.</param>
    private static CrossValidation CrossValidate(
        StanceData data, int folds, StanceHyperParameters parameters, double fnc1Weight, string? foldModels = null)
    {
        var all = data.Emergent.Concat(data.Fnc1Related).ToList();
        var foldOf = GroupedFolds.Assign(all.Select(r => r.Group), folds);
        if (foldModels is not null)
        {
            FoldModels.WriteFolds(foldModels, data.Emergent.Select(r => r.Group).Distinct(StringComparer.Ordinal), foldOf);
        }

        var result = new CrossValidation(new(Labels), new(Labels), new(Labels), new(Labels));
        for (var fold = 0; fold < folds; fold++)
        {
            var test = all.Where(r => foldOf[r.Group] == fold).ToList();
            var train = Rows(all.Where(r => foldOf[r.Group] != fold), fnc1Weight).ToList();
            var context = new MLContext(seed: StanceTrainer.Seed);
            var model = StanceTrainer.Fit(context, train, parameters);
            if (foldModels is not null)
            {
                FoldModels.WriteModel(foldModels, fold, folds, StanceTrainer.Save(context, model));
            }

            var predicted = Predict(context, model, test);
            for (var i = 0; i < test.Count; i++)
            {
                var row = test[i];
                (row.IsFnc1 ? result.Fnc1Model : result.Model).Add(Label(row.Gold), Label(predicted[i]));
                (row.IsFnc1 ? result.Fnc1Rules : result.Rules).Add(Label(row.Gold), Label(row.RuleStance));
            }
        }

        return result;
    }

    internal static List<Stance> Predict(MLContext context, ITransformer model, List<StanceRow> rows)
    {
        var view = context.Data.LoadFromEnumerable(rows.Select(r => new StanceExample { Features = r.Features }).ToList());
        return context.Data.CreateEnumerable<StancePrediction>(model.Transform(view), reuseRowObject: false)
            .Select(p => StanceModel.Classes[ArgMax(p.Score)])
            .ToList();
    }

    private static (double Score, double Weight, double Threshold, Confusion Confusion) Fnc1Holdout(
        StanceData data,
        StanceHyperParameters parameters,
        double fnc1Weight)
    {
        var holdoutBodies = Fnc1HoldoutPairs.Bodies(data);
        var holdoutRumours = holdoutBodies.Where(data.Fnc1.ClaimOfBody.ContainsKey).Select(b => data.Fnc1.ClaimOfBody[b])
            .ToHashSet(StringComparer.Ordinal);
        var train = Rows(data.Emergent.Where(r => !holdoutRumours.Contains(r.Group)), fnc1Weight)
            .Concat(Rows(data.Fnc1Related.Where(r => !holdoutBodies.Contains(r.BodyId!)), fnc1Weight))
            .ToList();
        var context = new MLContext(seed: StanceTrainer.Seed);
        var model = StanceTrainer.Fit(context, train, parameters);

        var pairs = Fnc1HoldoutPairs.Of(data, holdoutBodies);
        var (score, confusion) = pairs.Score(Predict(context, model, pairs.RelatedRows));
        return (score, pairs.Weight, pairs.Threshold, confusion);
    }

    internal static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }

    internal static string Label(Stance stance) => stance switch
    {
        Stance.Supports => "for",
        Stance.Contradicts => "against",
        _ => "observing",
    };

    internal static void Print(string title, Confusion model, Confusion rules)
    {
        Console.WriteLine($"{title} ({model.Total} rows):");
        Console.WriteLine($"  {"",-10}{"accuracy",10}{"F1 for",10}{"F1 against",12}{"F1 observing",14}{"macro F1",10}");
        foreach (var (name, c) in new[] { ("model", model), ("rules", rules) })
        {
            Console.WriteLine(
                $"  {name,-10}{c.Accuracy,10:0.000}{c.F1("for"),10:0.000}{c.F1("against"),12:0.000}"
                + $"{c.F1("observing"),14:0.000}{c.MacroF1,10:0.000}");
        }

        Console.Write(Indent("model:\n" + model));
    }

    internal static string Indent(string text)
        => string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(l => "    " + l.TrimEnd())) + Environment.NewLine;

    private sealed record CrossValidation(Confusion Model, Confusion Rules, Confusion Fnc1Model, Confusion Fnc1Rules);
}

/// <summary>Accuracy and per-class F1 as written to a manifest.</summary>
internal sealed record Figures(int Rows, double Accuracy, double F1For, double F1Against, double F1Observing, double MacroF1)
{
    public static Figures Of(Confusion c) =>
        new(
            c.Total,
            Math.Round(c.Accuracy, 4),
            Math.Round(c.F1("for"), 4),
            Math.Round(c.F1("against"), 4),
            Math.Round(c.F1("observing"), 4),
            Math.Round(c.MacroF1, 4));
}

internal sealed record DataFileEntry(string File, string Sha256, int Rows, string Use);

internal sealed record StanceManifest(
    string Model,
    string ModelSha256,
    int ModelBytes,
    string Command,
    string Trainer,
    string FeatureLayout,
    string[] Classes,
    DataFileEntry[] Data,
    string Split,
    Dictionary<string, string> HyperParameters,
    Dictionary<string, Figures> CrossValidation,
    double? Fnc1HoldoutScore);
