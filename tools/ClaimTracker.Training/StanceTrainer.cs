using ClaimTracker.Matching;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace ClaimTracker.Training;

/// <summary>Hyper-parameters of the stance model (gradient-boosted trees, LightGBM multiclass).</summary>
public sealed record StanceHyperParameters(int Trees, int Leaves, double LearningRate, int MinimumLeafCount, double FeatureFraction)
{
    public static StanceHyperParameters Default { get; }
        = new(Trees: 200, Leaves: 16, LearningRate: 0.05, MinimumLeafCount: 20, FeatureFraction: 0.5);
}

/// <summary>Fits the stance model: single-threaded, seeded, so the same rows give the same model file.</summary>
public static class StanceTrainer
{
    public const int Seed = 1;

    public static ITransformer Fit(MLContext context, IReadOnlyList<StanceExample> rows, StanceHyperParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = context.Data.LoadFromEnumerable(rows);
        var trainer = context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = nameof(StanceExample.Label),
            FeatureColumnName = nameof(StanceExample.Features),
            ExampleWeightColumnName = nameof(StanceExample.Weight),
            NumberOfIterations = parameters.Trees,
            NumberOfLeaves = parameters.Leaves,
            LearningRate = parameters.LearningRate,
            MinimumExampleCountPerLeaf = parameters.MinimumLeafCount,
            NumberOfThreads = 1,
            Seed = Seed,
            Silent = true,
            UseSoftmax = true,
            Booster = new GradientBooster.Options { FeatureFraction = parameters.FeatureFraction },
        });
        return trainer.Fit(data);
    }

    /// <summary>Trains on <paramref name="rows"/> and returns the model file's bytes (deterministic zip).</summary>
    public static byte[] Train(IReadOnlyList<StanceExample> rows, StanceHyperParameters parameters)
    {
        var context = new MLContext(seed: Seed);
        var model = Fit(context, rows, parameters);
        return Save(context, model);
    }

    public static byte[] Save(MLContext context, ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schema = context.Data.LoadFromEnumerable(Array.Empty<StanceExample>()).Schema;
        using var stream = new MemoryStream();
        context.Model.Save(model, schema, stream);
        return ModelFiles.Deterministic(stream.ToArray());
    }
}
