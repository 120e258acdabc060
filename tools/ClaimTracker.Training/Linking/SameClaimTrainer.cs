using ClaimTracker.Matching;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace ClaimTracker.Training.Linking;

/// <summary>
/// The same-claim learner: a logistic regression with this regularisation, or, when <see cref="Trees"/> is above 0,
/// gradient-boosted trees (LightGBM, <see cref="Leaves"/> leaves each) that can weigh a margin differently in a
/// crowded and in a sparse store.
/// </summary>
public sealed record LinkingHyperParameters(float L1, float L2, int Trees = 0, int Leaves = 8)
{
    public override string ToString() => Trees > 0
        ? FormattableString.Invariant($"LightGBM {Trees} trees, {Leaves} leaves")
        : FormattableString.Invariant($"L1 {L1}, L2 {L2}");
}

/// <summary>
/// Fits the same-claim scorer: features standardised (mean and variance of the training pairs), then
/// L-BFGS logistic regression or LightGBM boosted trees, one thread, fixed seed. The model file is written deterministically
/// (ML.NET stamps zip entries with the current time), so the same pairs give the same bytes.
/// </summary>
public static class SameClaimTrainer
{
    public const string Description = "ML.NET 6.0.0: NormalizeMeanVariance(Features) → LbfgsLogisticRegression or LightGbm "
        + "(binary, calibrated probability)";

    /// <summary>The model file (an ML.NET zip) trained on <paramref name="examples"/>.</summary>
    public static byte[] Train(IReadOnlyList<LinkingExample> examples, LinkingHyperParameters hyperParameters)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(hyperParameters);
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(examples);
        var normalize = context.Transforms.NormalizeMeanVariance(nameof(LinkingExample.Features));
        var model = hyperParameters.Trees > 0
            ? (ITransformer)normalize.Append(context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = nameof(LinkingExample.Label),
                FeatureColumnName = nameof(LinkingExample.Features),
                NumberOfIterations = hyperParameters.Trees,
                NumberOfLeaves = hyperParameters.Leaves,
                LearningRate = 0.1,
                MinimumExampleCountPerLeaf = 20,
                NumberOfThreads = 1,
                Seed = 1,
                Silent = true,
            })).Fit(data)
            : normalize.Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = nameof(LinkingExample.Label),
                    FeatureColumnName = nameof(LinkingExample.Features),
                    L1Regularization = hyperParameters.L1,
                    L2Regularization = hyperParameters.L2,
                    NumberOfThreads = 1,
                })).Fit(data);
        using var saved = new MemoryStream();
        context.Model.Save(model, data.Schema, saved);
        return ModelFiles.Deterministic(saved.ToArray());
    }
}
