using ClaimTracker.Matching;

namespace ClaimTracker.Training.Tests;

/// <summary>Generated stance rows whose class follows one feature each (as FNC-1's agree/disagree/discuss follow cue words), with
/// noise.</summary>
internal static class ClassPerFeatureRows
{
    public static List<StanceExample> Generate(int seed)
    {
        var random = new Random(seed);
        var rows = new List<StanceExample>();
        for (var i = 0; i < 240; i++)
        {
            var label = random.Next(3);
            var features = new float[StanceFeatures.Count];
            features[0] = (float)random.NextDouble();
            features[2 + (3 * label)] = 1;
            features[StanceFeatures.SignalCount + random.Next(StanceFeatures.EmbeddingDimensions)] = (float)random.NextDouble();
            rows.Add(new StanceExample { Features = features, Label = (uint)label });
        }

        return rows;
    }
}
