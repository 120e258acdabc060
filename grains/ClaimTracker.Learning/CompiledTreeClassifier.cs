using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;
using AffineNormalizerModelParameters =
    Microsoft.ML.Transforms.NormalizingTransformer.AffineNormalizerModelParameters<System.Collections.Immutable.ImmutableArray<float>>;

namespace ClaimTracker.Learning;

/// <summary>
/// A trained ML.NET binary classifier of gradient-boosted trees (FastTree or LightGBM, calibrated), optionally after an
/// affine normalizer of its feature column, read into plain arrays: the probability the model's prediction engine gives,
/// computed with the same single-precision steps, without an engine's cost per row (a data-view row, its buffers and
/// delegates, one engine per thread). Immutable and thread-safe. <see cref="TryCompile"/> answers null for any other
/// model shape, or when the arrays and the engine disagree on rows that straddle every split of the trees, so a caller
/// keeps its prediction engine for those.
/// </summary>
public sealed class CompiledTreeClassifier
{
    private readonly float[]? offset;
    private readonly float[]? scale;
    private readonly Node[] nodes;
    private readonly int[] roots;
    private readonly double[] leaves;
    private readonly int[] leafStarts;
    private readonly ICalibrator calibrator;

    private CompiledTreeClassifier(
        int featureCount, float[]? offset, float[]? scale, RegressionTreeEnsemble ensemble, ICalibrator calibrator)
    {
        FeatureCount = featureCount;
        this.offset = offset;
        this.scale = scale;
        this.calibrator = calibrator;
        var allNodes = new List<Node>();
        var allLeaves = new List<double>();
        roots = new int[ensemble.Trees.Count];
        leafStarts = new int[ensemble.Trees.Count];
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            roots[t] = tree.NumberOfNodes == 0 ? ~0 : allNodes.Count;
            leafStarts[t] = allLeaves.Count;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                allNodes.Add(new Node(
                    tree.NumericalSplitFeatureIndexes[n],
                    tree.NumericalSplitThresholds[n],
                    Child(tree.LeftChild[n], roots[t]),
                    Child(tree.RightChild[n], roots[t])));
            }

            allLeaves.AddRange(tree.LeafValues);
        }

        nodes = [.. allNodes];
        leaves = [.. allLeaves];
    }

    /// <summary>How many features a row has.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// The model's trees and calibrator in arrays, or null when <paramref name="model"/> is not a chain of at most one
    /// affine normalizer (of the feature column) and a calibrated binary tree ensemble with numerical splits only, or when
    /// the arrays' probability differs from <paramref name="engine"/>'s (the model's own prediction engine) by more than
    /// 1e-6 on any of <paramref name="checkRows"/> rows whose values lie on, just below and just above the trees' thresholds.
    /// </summary>
    public static CompiledTreeClassifier? TryCompile(
        ITransformer model, int featureCount, Func<float[], float> engine, int checkRows = 256)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var compiled = TryRead(model, featureCount);
        return compiled is not null && compiled.ProbeRows(checkRows).All(row => Math.Abs(compiled.Probability(row) - engine(row)) <= 1e-6)
            ? compiled
            : null;
    }

    /// <summary>
    /// Rows (seeded, so always the same) whose every feature is a value the trees split it at, one ULP below or above it, or
    /// zero: together they take both branches of the splits, the boundary included.
    /// </summary>
    public IEnumerable<float[]> ProbeRows(int count)
    {
        var cuts = new List<float>[FeatureCount];
        for (var i = 0; i < cuts.Length; i++)
        {
            cuts[i] = [0f];
        }

        foreach (var node in nodes)
        {
            var threshold = RawThreshold(node);
            cuts[node.Feature].AddRange([threshold, MathF.BitDecrement(threshold), MathF.BitIncrement(threshold)]);
        }

        var random = new Random(1);
        for (var r = 0; r < count; r++)
        {
            var row = new float[FeatureCount];
            for (var f = 0; f < row.Length; f++)
            {
                row[f] = cuts[f][random.Next(cuts[f].Count)];
            }

            yield return row;
        }
    }

    private static CompiledTreeClassifier? TryRead(ITransformer model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        var steps = model is IEnumerable<ITransformer> chain ? chain.ToList() : [model];
        float[]? offset = null;
        float[]? scale = null;
        if (steps.Count == 2 && steps[0] is NormalizingTransformer normalizer)
        {
            if (!TryReadAffine(normalizer, featureCount, out offset, out scale))
            {
                return null;
            }

            steps.RemoveAt(0);
        }

        if (steps.Count != 1
            || steps[0] is not ISingleFeaturePredictionTransformer<object> { Model: var parameters }
            || !TryReadEnsemble(parameters, out var ensemble, out var calibrator)
            || ensemble.Trees.Any(t => t.CategoricalSplitFlags.Any(c => c))
            || ensemble.Trees.Any(t => t.NumericalSplitFeatureIndexes.Any(f => f < 0 || f >= featureCount)))
        {
            return null;
        }

        return new CompiledTreeClassifier(featureCount, offset, scale, ensemble, calibrator);
    }

    /// <summary>The calibrated probability of the positive class for one row of <see cref="FeatureCount"/> features.</summary>
    public float Probability(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"expected {FeatureCount} features, got {features.Length}", nameof(features));
        }

        if (scale is null)
        {
            return Score(features);
        }

        Span<float> normalized = FeatureCount <= 256 ? stackalloc float[FeatureCount] : new float[FeatureCount];
        for (var i = 0; i < normalized.Length; i++)
        {
            normalized[i] = offset is null ? features[i] * scale[i] : (features[i] - offset[i]) * scale[i];
        }

        return Score(normalized);
    }

    private float Score(ReadOnlySpan<float> row)
    {
        var score = 0.0;
        for (var t = 0; t < roots.Length; t++)
        {
            var node = roots[t];
            while (node >= 0)
            {
                ref readonly var split = ref nodes[node];
                node = row[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }

            score += leaves[leafStarts[t] + ~node];
        }

        return calibrator.PredictProbability((float)score);
    }

    // A split's threshold is on the normalized value; the probe rows are raw features, so map it back when one can.
    private float RawThreshold(Node node)
    {
        if (scale is null || scale[node.Feature] == 0)
        {
            return node.Threshold;
        }

        return (node.Threshold / scale[node.Feature]) + (offset?[node.Feature] ?? 0);
    }

    // Children are stored as indexes into the flat node array; leaves stay complemented (~leaf), as ML.NET writes them.
    private static int Child(int child, int root) => child < 0 ? child : root + child;

    private static bool TryReadEnsemble(object parameters, out RegressionTreeEnsemble ensemble, out ICalibrator calibrator)
    {
        ensemble = null!;
        calibrator = null!;
        var type = parameters.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>)))
        {
            type = type.BaseType;
        }

        if (type is null)
        {
            return false;
        }

        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var subModel = type.GetProperty("SubModel", Declared)?.GetValue(parameters);
        var calibration = type.GetProperty("Calibrator", Declared)?.GetValue(parameters);
        if (subModel is not TreeEnsembleModelParametersBasedOnRegressionTree trees || calibration is not ICalibrator found)
        {
            return false;
        }

        ensemble = trees.TrainedTreeEnsemble;
        calibrator = found;
        return ensemble.Bias == 0;
    }

    private static bool TryReadAffine(NormalizingTransformer normalizer, int featureCount, out float[]? offset, out float[]? scale)
    {
        offset = null;
        scale = null;
        if (normalizer.GetNormalizerModelParameters(0) is not AffineNormalizerModelParameters affine
            || affine.Scale.Length != featureCount)
        {
            return false;
        }

        scale = [.. affine.Scale];
        if (!affine.Offset.IsDefaultOrEmpty)
        {
            if (affine.Offset.Length != featureCount)
            {
                return false;
            }

            offset = [.. affine.Offset];
        }

        return true;
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
