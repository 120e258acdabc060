using System.Text.Json;
using ClaimTracker.Extraction.Text;
using ClaimTracker.Learning;
using Microsoft.ML;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>
/// The learned filter over the rule candidates of a sentence: keeps a loose candidate when the model's probability that it is
/// an attribution reaches the threshold decided by cross-validation (see the manifest). Thread-safe: the trees are read into
/// a <see cref="CompiledTreeClassifier"/>, or, for a model it cannot read, each thread has its own prediction engine.
/// </summary>
public sealed class AttributionFilter : IDisposable
{
    public const string ModelResource = "ClaimTracker.Extraction.Models.attribution-filter.zip";
    public const string ManifestResource = "ClaimTracker.Extraction.Models.attribution-filter.json";
    public const string CueWordsResource = "ClaimTracker.Extraction.Models.attribution-filter.cue-words.tsv";

    private static readonly Lazy<AttributionFilter?> ShippedFilter = new(LoadShipped);

    private readonly ThreadLocal<PredictionEngine<AttributionExample, AttributionScore>> engines;
    private readonly CompiledTreeClassifier? compiled;

    public AttributionFilter(ITransformer model, double threshold, CueWordRates rates, AttributionFilterManifest? manifest = null)
    {
        Rates = rates;
        var ml = new MLContext(seed: 1);
        engines = new(() => ml.Model.CreatePredictionEngine<AttributionExample, AttributionScore>(model));
        compiled = CompiledTreeClassifier.TryCompile(model, AttributionFeatures.Count, EngineProbability);
        Threshold = threshold;
        Manifest = manifest;
    }

    /// <summary>The filter shipped in the assembly, or null when none is embedded.</summary>
    public static AttributionFilter? Shipped => ShippedFilter.Value;

    /// <summary>What the shipped filter was trained on; null for a filter made in training.</summary>
    public AttributionFilterManifest? Manifest { get; }

    /// <summary>The learned cue-word rates the model's last features read.</summary>
    public CueWordRates Rates { get; }

    /// <summary>The least probability a kept candidate has.</summary>
    public double Threshold { get; }

    /// <summary>A filter from a saved model and its manifest, whose threshold it applies.</summary>
    public static AttributionFilter Load(Stream model, AttributionFilterManifest manifest, CueWordRates rates)
    {
        if (manifest.Features.Count != AttributionFeatures.Count)
        {
            throw new InvalidDataException(
                $"attribution filter: the model has {manifest.Features.Count} features, the code computes {AttributionFeatures.Count}");
        }

        return new AttributionFilter(new MLContext(seed: 1).Model.Load(model, out _), manifest.Threshold, rates, manifest);
    }

    public float Probability(float[] features) => compiled?.Probability(features) ?? EngineProbability(features);

    /// <summary>Whether the model's trees are read into arrays (else every row goes through a prediction engine).</summary>
    public bool Compiled => compiled is not null;

    private float EngineProbability(float[] features) =>
        engines.Value!.Predict(new AttributionExample { Features = features }).Probability;

    /// <summary>
    /// Removes the loose candidates of one sentence that the model scores below the threshold. The rules' own attributions
    /// stay: filtering them too scored the same on cross-validation and lost patterns the tests hold them to.
    /// </summary>
    internal List<RawAttribution> Keep(Document doc, Sentence sentence, List<RawAttribution> candidates)
    {
        var count = candidates.Count;
        candidates.RemoveAll(c => c.Loose && Probability(AttributionFeatures.Of(doc, sentence, c, count, Rates)) < Threshold);
        return candidates;
    }

    public void Dispose() => engines.Dispose();

    public static AttributionFilterManifest ReadManifest(Stream json)
        => JsonSerializer.Deserialize<AttributionFilterManifest>(json, AttributionFilterManifest.Json)
           ?? throw new InvalidDataException("attribution filter: empty manifest");

    private static AttributionFilter? LoadShipped()
    {
        var assembly = typeof(AttributionFilter).Assembly;
        using var model = assembly.GetManifestResourceStream(ModelResource);
        using var manifest = assembly.GetManifestResourceStream(ManifestResource);
        using var cueWords = assembly.GetManifestResourceStream(CueWordsResource);
        if (model is null || manifest is null || cueWords is null)
        {
            return null;
        }

        using var reader = new StreamReader(cueWords);
        return Load(model, ReadManifest(manifest), CueWordRates.Read(reader));
    }
}
