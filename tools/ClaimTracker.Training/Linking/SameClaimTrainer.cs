using ClaimTracker.Matching;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ClaimTracker.Training.Linking;

/// <summary>Regularisation of the same-claim logistic regression.</summary>
public sealed record LinkingHyperParameters(float L1, float L2)
{
    public override string ToString() => FormattableString.Invariant($"L1 {L1}, L2 {L2}");
}

/// <summary>
/// Fits the same-claim scorer: features standardised (mean and variance of the training pairs), then
/// L-BFGS logistic regression, one thread, fixed seed. The model file is written deterministically
/// (ML.NET stamps zip entries with the current time), so the same pairs give the same bytes.
/// </summary>
public static class SameClaimTrainer
{
    public const string Description = "ML.NET 6.0.0: NormalizeMeanVariance(Features) → LbfgsLogisticRegression (calibrated probability)";

    /// <summary>The model file (an ML.NET zip) trained on <paramref name="examples"/>.</summary>
    public static byte[] Train(IReadOnlyList<LinkingExample> examples, LinkingHyperParameters hyperParameters)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(hyperParameters);
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(examples);
        var pipeline = context.Transforms.NormalizeMeanVariance(nameof(LinkingExample.Features))
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(LinkingExample.Label),
                FeatureColumnName = nameof(LinkingExample.Features),
                L1Regularization = hyperParameters.L1,
                L2Regularization = hyperParameters.L2,
                NumberOfThreads = 1,
            }));
        var model = pipeline.Fit(data);
        using var saved = new MemoryStream();
        context.Model.Save(model, data.Schema, saved);
        return ModelFiles.Deterministic(saved.ToArray());
    }
}
