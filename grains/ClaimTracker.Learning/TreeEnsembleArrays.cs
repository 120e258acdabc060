using System.Reflection;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace ClaimTracker.Learning;

/// <summary>
/// One trained tree ensemble (numerical splits only) in flat arrays: the sum of its trees' leaf values for a row, as ML.NET
/// computes it (a value at or below a split's threshold goes left).
/// </summary>
internal sealed class TreeEnsembleArrays
{
    private readonly Node[] nodes;
    private readonly int[] roots;
    private readonly double[] leaves;
    private readonly int[] leafStarts;

    private TreeEnsembleArrays(RegressionTreeEnsemble ensemble)
    {
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

    /// <summary>Every split: the feature it reads and its threshold.</summary>
    public IEnumerable<(int Feature, float Threshold)> Splits => nodes.Select(n => (n.Feature, n.Threshold));

    /// <summary>
    /// The trees of a calibrated binary tree model (FastTree or LightGBM) and its calibrator, or false for any other model, a
    /// model with categorical splits, a split on a feature past <paramref name="featureCount"/>, or a bias (which ML.NET's
    /// row scoring leaves out, so the arrays could not tell what it means).
    /// </summary>
    public static bool TryRead(object parameters, int featureCount, out TreeEnsembleArrays trees, out ICalibrator calibrator)
    {
        trees = null!;
        calibrator = null!;
        var type = parameters.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>)))
        {
            type = type.BaseType;
        }

        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var subModel = type?.GetProperty("SubModel", Declared)?.GetValue(parameters);
        var calibration = type?.GetProperty("Calibrator", Declared)?.GetValue(parameters);
        if (subModel is not TreeEnsembleModelParametersBasedOnRegressionTree { TrainedTreeEnsemble: var ensemble }
            || calibration is not ICalibrator found
            || ensemble.Bias != 0
            || ensemble.Trees.Any(t => t.CategoricalSplitFlags.Any(c => c))
            || ensemble.Trees.Any(t => t.NumericalSplitFeatureIndexes.Any(f => f < 0 || f >= featureCount)))
        {
            return false;
        }

        trees = new TreeEnsembleArrays(ensemble);
        calibrator = found;
        return true;
    }

    /// <summary>The sum of the trees' outputs for one row.</summary>
    public double Sum(ReadOnlySpan<float> row)
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

        return score;
    }

    /// <summary>
    /// Rows (seeded, so always the same) whose every feature is a value <paramref name="splits"/> split it at, one ULP below or
    /// above it, or zero: together they take both branches of the splits, the boundary included.
    /// </summary>
    public static IEnumerable<float[]> ProbeRows(int featureCount, IEnumerable<(int Feature, float Threshold)> splits, int count)
    {
        var cuts = new List<float>[featureCount];
        for (var i = 0; i < cuts.Length; i++)
        {
            cuts[i] = [0f];
        }

        foreach (var (feature, threshold) in splits)
        {
            cuts[feature].AddRange([threshold, MathF.BitDecrement(threshold), MathF.BitIncrement(threshold)]);
        }

        var random = new Random(1);
        for (var r = 0; r < count; r++)
        {
            var row = new float[featureCount];
            for (var f = 0; f < row.Length; f++)
            {
                row[f] = cuts[f][random.Next(cuts[f].Count)];
            }

            yield return row;
        }
    }

    // Children are stored as indexes into the flat node array; leaves stay complemented (~leaf), as ML.NET writes them.
    private static int Child(int child, int root) => child < 0 ? child : root + child;

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
