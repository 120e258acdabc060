using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>Hyper-parameters of the boosted trees of the attribution filter.</summary>
public sealed record AttributionFilterOptions(int Trees = 100, int Leaves = 16, int MinExamplesPerLeaf = 20, double LearningRate = 0.1,
    int Seed = 1);

/// <summary>
/// Trains the attribution filter: gradient-boosted trees (ML.NET FastTree) over rule candidates, on one thread with a
/// fixed seed, so the same examples give the same model file byte for byte.
/// </summary>
public static class AttributionFilterTrainer
{
    private static readonly DateTimeOffset FixedEntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ITransformer Train(IEnumerable<AttributionExample> examples, AttributionFilterOptions options, out DataViewSchema schema)
    {
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        schema = data.Schema;
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        return trainer.Fit(data);
    }

    /// <summary>Scores examples with a trained model (probability of being an attribution), in order.</summary>
    public static float[] Score(ITransformer model, IEnumerable<AttributionExample> examples)
    {
        var ml = new MLContext(seed: 1);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(examples));
        return [.. ml.Data.CreateEnumerable<AttributionScore>(scored, reuseRowObject: false).Select(s => s.Probability)];
    }

    /// <summary>The model as a zip whose entries carry a fixed time, so equal models give equal bytes.</summary>
    public static byte[] Save(ITransformer model, DataViewSchema schema)
    {
        using var raw = new MemoryStream();
        new MLContext(seed: 1).Model.Save(model, schema, raw);
        raw.Position = 0;
        using var source = new ZipArchive(raw, ZipArchiveMode.Read);
        using var normalized = new MemoryStream();
        using (var target = new ZipArchive(normalized, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedEntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return normalized.ToArray();
    }
}
