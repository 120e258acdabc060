using System.IO.Compression;
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

    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

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
        return WithFixedEntryTimes(saved.ToArray());
    }

    /// <summary>The same zip with every entry stamped with one fixed time, in the same order.</summary>
    private static byte[] WithFixedEntryTimes(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var rewritten = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = rewritten.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
