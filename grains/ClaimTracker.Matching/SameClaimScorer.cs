using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ClaimTracker.Learning;
using Microsoft.ML;

namespace ClaimTracker.Matching;

/// <summary>
/// The learned same-claim scorer: the probability that a statement states the same claim as a
/// retrieved candidate, from <see cref="LinkingFeatures"/>. The shipped model and its manifest (training
/// data, split, hyper-parameters, cross-validated figures and the join threshold chosen by
/// cross-validation) are embedded in this assembly; <c>tools/ClaimTracker.Training linking</c> writes them.
/// Thread-safe: the trees are read into a <see cref="CompiledTreeClassifier"/> when the model is a tree ensemble (the
/// shipped one is); other models go through ML.NET prediction engines, which are not thread-safe, so each call rents one.
/// </summary>
public sealed class SameClaimScorer
{
    public const string ModelResource = "ClaimTracker.Matching.Models.same-claim.zip";
    public const string ManifestResource = "ClaimTracker.Matching.Models.same-claim.manifest.json";

    private static readonly Lazy<SameClaimScorer> ShippedModel = new(LoadShipped);
    private readonly MLContext context = new(seed: 1);
    private readonly ITransformer model;
    private readonly ConcurrentBag<PredictionEngine<LinkingExample, SameClaimPrediction>> engines = [];
    private readonly CompiledTreeClassifier? compiled;

    public SameClaimScorer(
        Stream model, double joinThreshold, double? ruleConfidentMargin = null, bool ruleConfidentJoinByProbability = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(joinThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(joinThreshold, 1);
        this.model = context.Model.Load(model, out _);
        var engine = Rent();
        compiled = CompiledTreeClassifier.TryCompile(
            this.model, LinkingFeatures.Count, row => engine.Predict(new LinkingExample { Features = row }).Probability);
        engines.Add(engine);
        JoinThreshold = joinThreshold;
        RuleConfidentMargin = ruleConfidentMargin;
        RuleConfidentJoinByProbability = ruleConfidentJoinByProbability;
    }

    /// <summary>The model shipped with the library and the join threshold its manifest records.</summary>
    public static SameClaimScorer Shipped => ShippedModel.Value;

    /// <summary>Probability at or above which a statement joins its best candidate (chosen by grouped cross-validation).</summary>
    public double JoinThreshold { get; }

    /// <summary>
    /// The margin over the rules' join threshold at which the rules' confident join stands beside the model's (chosen by
    /// grouped cross-validation; null when cross-validation preferred the model alone): <see cref="MatcherOptions.RuleConfidentMargin"/>.
    /// </summary>
    public double? RuleConfidentMargin { get; }

    /// <summary>Whether such a join picks among the rule-confident candidates by probability rather than by rule score.</summary>
    public bool RuleConfidentJoinByProbability { get; }

    /// <summary>Whether the model's trees are read into arrays (else every candidate goes through a prediction engine).</summary>
    public bool Compiled => compiled is not null;

    /// <summary>The probability, per candidate, that the statement states that candidate's claim.</summary>
    public double[] Probabilities(StatementProbe probe, IReadOnlyList<ClaimCandidate> candidates)
    {
        var features = LinkingFeatures.Of(probe, candidates);
        var probabilities = new double[features.Length];
        if (features.Length == 0)
        {
            return probabilities;
        }

        if (compiled is not null)
        {
            for (var i = 0; i < features.Length; i++)
            {
                probabilities[i] = compiled.Probability(features[i]);
            }

            return probabilities;
        }

        var engine = Rent();
        try
        {
            var example = new LinkingExample();
            for (var i = 0; i < features.Length; i++)
            {
                example.Features = features[i];
                probabilities[i] = engine.Predict(example).Probability;
            }
        }
        finally
        {
            engines.Add(engine);
        }

        return probabilities;
    }

    /// <summary>Reads an embedded model file of this assembly.</summary>
    public static Stream OpenResource(string name) =>
        typeof(SameClaimScorer).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException(
            $"The model resource {name} is not embedded in {typeof(SameClaimScorer).Assembly.GetName().Name}.");

    private PredictionEngine<LinkingExample, SameClaimPrediction> Rent() =>
        engines.TryTake(out var engine) ? engine : context.Model.CreatePredictionEngine<LinkingExample, SameClaimPrediction>(model);

    private static SameClaimScorer LoadShipped()
    {
        using var manifest = JsonDocument.Parse(OpenResource(ManifestResource));
        var root = manifest.RootElement;
        var features = root.GetProperty("features").EnumerateArray().Select(f => f.GetString()).ToList();
        if (!features.SequenceEqual(LinkingFeatures.Names))
        {
            throw new InvalidOperationException(
                $"The shipped same-claim model was trained on features [{string.Join(", ", features)}], this library computes "
                + $"[{string.Join(", ", LinkingFeatures.Names)}]: retrain it (tools/ClaimTracker.Training linking).");
        }

        var threshold = root.GetProperty("joinThreshold").GetDouble();
        double? margin = root.TryGetProperty("ruleConfidentMargin", out var m) && m.ValueKind == JsonValueKind.Number
            ? m.GetDouble()
            : null;
        var byProbability = root.TryGetProperty("ruleConfidentJoinByProbability", out var p) && p.ValueKind == JsonValueKind.True;
        using var model = OpenResource(ModelResource);
        return new SameClaimScorer(model, threshold, margin, byProbability);
    }

    /// <summary>A probability as the reasons print it.</summary>
    public static string Format(double probability) => probability.ToString("0.00", CultureInfo.InvariantCulture);
}
