using System.Text.Json;
using ClaimTracker.Analysis;
using ClaimTracker.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClaimTracker.Matching;

/// <summary>
/// A learned stance model (gradient-boosted trees, ML.NET) shipped inside this assembly with its
/// manifest (training data and hashes, hyper-parameters, grouped cross-validation figures): the
/// headline model <c>Models/stance.zip</c> (<see cref="Shared"/>, trained on Emergent headlines) and
/// the body model <c>Models/stance-body.zip</c> (<see cref="Body"/>, trained on FNC-1 article bodies)
/// for statements read from an article's running text. Both read the features of
/// <see cref="StanceFeatures"/>. Thread-safe: the trees are read into a <see cref="CompiledTreeSoftmax"/> when the model is a
/// softmax over tree ensembles (the shipped ones are), else each thread keeps its own prediction engine.
/// </summary>
public sealed class StanceModel : IDisposable
{
    /// <summary>Resource names of the shipped model and manifest.</summary>
    public const string ModelResource = "ClaimTracker.Matching.Models.stance.zip";

    public const string ManifestResource = "ClaimTracker.Matching.Models.stance.manifest.json";

    /// <summary>Resource names of the shipped body model and its manifest.</summary>
    public const string BodyModelResource = "ClaimTracker.Matching.Models.stance-body.zip";

    public const string BodyManifestResource = "ClaimTracker.Matching.Models.stance-body.manifest.json";

    /// <summary>The classes in the order of <see cref="Probabilities"/>; label k is class k.</summary>
    public static readonly Stance[] Classes = [Stance.Supports, Stance.Contradicts, Stance.Observing];

    private static readonly Lazy<StanceModel?> SharedInstance =
        new(() => LoadShipped(ModelResource), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<StanceModel?> BodyInstance =
        new(() => LoadShipped(BodyModelResource), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ThreadLocal<PredictionEngine<StanceExample, StancePrediction>> engines;
    private readonly CompiledTreeSoftmax? compiled;

    public StanceModel(Stream model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new MLContext(seed: 1);
        var transformer = context.Model.Load(model, out _);
        engines = new(() => context.Model.CreatePredictionEngine<StanceExample, StancePrediction>(transformer));
        compiled = CompiledTreeSoftmax.TryCompile(transformer, StanceFeatures.Count, EngineScores);
        if (compiled?.ClassCount != Classes.Length)
        {
            compiled = null;
        }
    }

    /// <summary>Whether the model's trees are read into arrays (else every row goes through a prediction engine).</summary>
    public bool Compiled => compiled is not null;

    /// <summary>The headline model shipped in this assembly, or null when the assembly was built without one.</summary>
    public static StanceModel? Shared => SharedInstance.Value;

    /// <summary>The body model shipped in this assembly (statements from running text), or null.</summary>
    public static StanceModel? Body => BodyInstance.Value;

    /// <summary>The label of a stance, as training writes it: its index in <see cref="Classes"/>.</summary>
    public static uint LabelOf(Stance stance)
    {
        var index = Array.IndexOf(Classes, stance);
        return index >= 0
            ? (uint)index
            : throw new ArgumentOutOfRangeException(nameof(stance), stance, "the stance model knows SUPPORTS, CONTRADICTS and OBSERVING");
    }

    /// <summary>The manifest shipped beside the headline model, or with <paramref name="body"/> the body model (JSON), or null.</summary>
    public static string? ShippedManifest(bool body = false)
    {
        using var stream = typeof(StanceModel).Assembly.GetManifestResourceStream(body ? BodyManifestResource : ManifestResource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Probability of each of <see cref="Classes"/> for features from <see cref="StanceFeatures.Compute"/>.</summary>
    public float[] Probabilities(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != StanceFeatures.Count)
        {
            throw new ArgumentException($"expected {StanceFeatures.Count} features, got {features.Length}", nameof(features));
        }

        if (compiled is not null)
        {
            return compiled.Probabilities(features);
        }

        var score = EngineScores(features);
        var result = new float[Classes.Length];
        Array.Copy(score, result, Math.Min(score.Length, result.Length));
        return result;
    }

    private float[] EngineScores(float[] features) => engines.Value!.Predict(new StanceExample { Features = features }).Score;

    public void Dispose() => engines.Dispose();

    /// <summary>
    /// A headline model trained outside the assembly (<c>tools/ClaimTracker.Training -- stance … --out DIR</c>): the model file
    /// and, beside it, its manifest (<c>stance.zip</c> → <c>stance.manifest.json</c>), whose feature layout must be this build's.
    /// </summary>
    /// <exception cref="InvalidDataException">The file, or its manifest, is missing or does not fit this build.</exception>
    public static StanceModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var manifestPath = Path.ChangeExtension(full, ".manifest.json");
        if (!File.Exists(full) || !File.Exists(manifestPath))
        {
            throw new InvalidDataException(
                $"stance model {full}: the model file and its manifest {Path.GetFileName(manifestPath)} must both exist");
        }

        var layout = ManifestLayout(manifestPath);
        if (!string.Equals(layout, StanceFeatures.Layout, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"stance model {full}: its manifest's feature layout is '{layout}', this build computes '{StanceFeatures.Layout}'; " +
                "train it again with this build's tools/ClaimTracker.Training");
        }

        StanceModel loaded;
        try
        {
            using var model = File.OpenRead(full);
            loaded = new StanceModel(model);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"stance model {full}: not a model ML.NET can load ({ex.Message})", ex);
        }

        if (!loaded.Compiled)
        {
            loaded.Dispose();
            throw new InvalidDataException($"stance model {full}: not a softmax over tree ensembles with {Classes.Length} classes");
        }

        return loaded;
    }

    private static string? ManifestLayout(string manifestPath)
    {
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            return manifest.RootElement.ValueKind == JsonValueKind.Object
                && manifest.RootElement.TryGetProperty("FeatureLayout", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"stance model manifest {manifestPath}: not JSON ({ex.Message})", ex);
        }
    }

    private static StanceModel? LoadShipped(string resource)
    {
        using var stream = typeof(StanceModel).Assembly.GetManifestResourceStream(resource);
        return stream is null ? null : new StanceModel(stream);
    }
}

/// <summary>One row of the stance model: features and (for training) the label, 0-based as ML.NET reads a key-typed uint.</summary>
public sealed class StanceExample
{
    [VectorType(StanceFeatures.Count)]
    public float[] Features { get; set; } = [];

    [KeyType(3)]
    public uint Label { get; set; }

    /// <summary>Training weight of the row (serving ignores it).</summary>
    public float Weight { get; set; } = 1f;
}

/// <summary>The model's output: one probability per label.</summary>
public sealed class StancePrediction
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
