using ClaimTracker.Analysis;
using ClaimTracker.Matching;
using ClaimTracker.Training;

namespace ClaimTracker.Training.Tests;

public sealed class StanceTrainerTests
{
    private static readonly StanceHyperParameters Small = new(
        Trees: 20,
        Leaves: 4,
        LearningRate: 0.1,
        MinimumLeafCount: 5,
        FeatureFraction: 0.5);

    [Fact]
    public void Training_twice_on_the_same_rows_gives_the_same_model_file()
    {
        var rows = Generated(300, seed: 7);

        var first = StanceTrainer.Train(rows, Small);
        var second = StanceTrainer.Train(Generated(300, seed: 7), Small);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_rows_give_a_different_model_file()
    {
        Assert.NotEqual(StanceTrainer.Train(Generated(300, seed: 7), Small), StanceTrainer.Train(Generated(300, seed: 8), Small));
    }

    [Fact]
    public void A_trained_model_loads_and_gives_a_probability_per_stance_that_follows_the_signal()
    {
        using var model = new StanceModel(new MemoryStream(StanceTrainer.Train(Generated(600, seed: 3), Small)));

        var denial = model.Probabilities(Features(denial: 1, hedge: 0, noise: 0.5f));
        var hedge = model.Probabilities(Features(denial: 0, hedge: 1, noise: 0.5f));
        var plain = model.Probabilities(Features(denial: 0, hedge: 0, noise: 0.5f));

        Assert.Equal(3, denial.Length);
        Assert.Equal(1.0, denial.Sum(), precision: 3);
        Assert.Equal(Stance.Contradicts, StanceModel.Classes[Array.IndexOf(denial, denial.Max())]);
        Assert.Equal(Stance.Observing, StanceModel.Classes[Array.IndexOf(hedge, hedge.Max())]);
        Assert.Equal(Stance.Supports, StanceModel.Classes[Array.IndexOf(plain, plain.Max())]);
    }

    [Fact]
    public void Folds_keep_a_group_together_and_do_not_depend_on_order()
    {
        var groups = Enumerable.Range(0, 40).Select(i => $"rumour-{i}").ToList();

        var forward = GroupedFolds.Assign(groups.Concat(groups), folds: 5);
        var backward = GroupedFolds.Assign(Enumerable.Reverse(groups), folds: 5);

        Assert.Equal(40, forward.Count);
        Assert.All(groups, g => Assert.Equal(forward[g], backward[g]));
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(8, forward.Values.Count(v => v == f)));
    }

    /// <summary>Rows whose label follows two signals (a denial flag → CONTRADICTS, a hedge flag → OBSERVING) plus noise.</summary>
    private static List<StanceExample> Generated(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<StanceExample>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(3);
            var features = Features(denial: kind == 1 ? 1 : 0, hedge: kind == 2 ? 1 : 0, noise: (float)random.NextDouble());
            rows.Add(new StanceExample { Features = features, Label = (uint)kind });
        }

        return rows;
    }

    private static float[] Features(int denial, int hedge, float noise)
    {
        var features = new float[StanceFeatures.Count];
        features[0] = noise;
        features[2] = denial;
        features[5] = hedge;
        return features;
    }
}
