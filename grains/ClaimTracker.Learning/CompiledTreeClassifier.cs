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
    private readonly TreeEnsembleArrays trees;
    private readonly ICalibrator calibrator;

    private CompiledTreeClassifier(int featureCount, float[]? offset, float[]? scale, TreeEnsembleArrays trees, ICalibrator calibrator)
    {
        FeatureCount = featureCount;
        this.offset = offset;
        this.scale = scale;
        this.trees = trees;
        this.calibrator = calibrator;
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
    public IEnumerable<float[]> ProbeRows(int count) =>
        TreeEnsembleArrays.ProbeRows(FeatureCount, trees.Splits.Select(s => (s.Feature, RawThreshold(s.Feature, s.Threshold))), count);

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
            || !TreeEnsembleArrays.TryRead(parameters, featureCount, out var trees, out var calibrator))
        {
            return null;
        }

        return new CompiledTreeClassifier(featureCount, offset, scale, trees, calibrator);
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

    private float Score(ReadOnlySpan<float> row) => calibrator.PredictProbability((float)trees.Sum(row));

    // A split's threshold is on the normalized value; the probe rows are raw features, so map it back when one can.
    private float RawThreshold(int feature, float threshold)
    {
        if (scale is null || scale[feature] == 0)
        {
            return threshold;
        }

        return (threshold / scale[feature]) + (offset?[feature] ?? 0);
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
}
