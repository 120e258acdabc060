using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ClaimTracker.Learning;

/// <summary>
/// A trained ML.NET multiclass model of gradient-boosted trees with a softmax over the classes (LightGBM's "multiclass"
/// objective: one tree ensemble per class) read into arrays: the class probabilities the model's prediction engine gives,
/// without an engine's cost per row, which for a wide feature vector is most of the prediction. ML.NET does not expose the
/// per-class ensembles of such a model, so they are read from its private fields; when that fails (another ML.NET
/// version), or the arrays and the engine disagree on rows that straddle every split, <see cref="TryCompile"/> answers
/// null and a caller keeps its engine. Immutable and thread-safe.
/// </summary>
public sealed class CompiledTreeSoftmax
{
    private readonly TreeEnsembleArrays[] classes;

    private CompiledTreeSoftmax(int featureCount, TreeEnsembleArrays[] classes)
    {
        FeatureCount = featureCount;
        this.classes = classes;
    }

    /// <summary>How many features a row has.</summary>
    public int FeatureCount { get; }

    /// <summary>How many classes the model tells apart.</summary>
    public int ClassCount => classes.Length;

    /// <summary>
    /// The model's per-class trees in arrays, or null when <paramref name="model"/> is not a one-versus-all model of tree
    /// ensembles with a softmax output, or when any class probability differs from <paramref name="engine"/>'s (the model's
    /// own prediction engine) by more than 1e-5 on any of <paramref name="checkRows"/> rows whose values lie on, just below
    /// and just above the trees' thresholds.
    /// </summary>
    public static CompiledTreeSoftmax? TryCompile(
        ITransformer model, int featureCount, Func<float[], float[]> engine, int checkRows = 256)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var compiled = TryRead(model, featureCount);
        return compiled is not null && compiled.ProbeRows(checkRows).All(row => Agree(compiled.Probabilities(row), engine(row)))
            ? compiled
            : null;
    }

    /// <summary>One probability per class, in the model's class order, for one row of <see cref="FeatureCount"/> features.</summary>
    public float[] Probabilities(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"expected {FeatureCount} features, got {features.Length}", nameof(features));
        }

        Span<double> scores = stackalloc double[classes.Length];
        var max = double.NegativeInfinity;
        for (var c = 0; c < classes.Length; c++)
        {
            scores[c] = (float)classes[c].Sum(features);
            max = Math.Max(max, scores[c]);
        }

        var total = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }

        var probabilities = new float[classes.Length];
        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = (float)(scores[c] / total);
        }

        return probabilities;
    }

    /// <summary>Rows that take both branches of every split of every class's trees (see <see cref="CompiledTreeClassifier.ProbeRows"/>).</summary>
    public IEnumerable<float[]> ProbeRows(int count) =>
        TreeEnsembleArrays.ProbeRows(FeatureCount, classes.SelectMany(c => c.Splits), count);

    private static bool Agree(float[] compiled, float[] engine) =>
        compiled.Length == engine.Length && compiled.Zip(engine).All(pair => Math.Abs(pair.First - pair.Second) <= 1e-5);

    private static CompiledTreeSoftmax? TryRead(ITransformer model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        var steps = model is IEnumerable<ITransformer> chain ? chain.ToList() : [model];
        if (steps.Count != 1 || steps[0] is not ISingleFeaturePredictionTransformer<OneVersusAllModelParameters> { Model: var ova })
        {
            return null;
        }

        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var impl = typeof(OneVersusAllModelParameters).GetField("_impl", Any)?.GetValue(ova);
        var formula = impl?.GetType().GetField("OutputFormula", Any)?.GetValue(impl);
        if (formula?.ToString() != "Softmax" || impl!.GetType().GetProperty("Predictors", Any)?.GetValue(impl) is not Array predictors)
        {
            return null;
        }

        var classes = new TreeEnsembleArrays[predictors.Length];
        for (var c = 0; c < classes.Length; c++)
        {
            if (predictors.GetValue(c) is not { } predictor || !TreeEnsembleArrays.TryRead(predictor, featureCount, out classes[c], out _))
            {
                return null;
            }
        }

        return classes.Length > 1 ? new CompiledTreeSoftmax(featureCount, classes) : null;
    }
}
