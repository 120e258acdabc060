using ClaimTracker.Learning;
using ClaimTracker.Training.Linking;
using Microsoft.ML;

namespace ClaimTracker.Matching.Tests;

/// <summary>
/// The same-claim model read into arrays gives the probabilities of its own ML.NET prediction engine, on rows that take both
/// branches of every split and on rows of real linking features; a model it cannot read stays with the engine.
/// </summary>
public sealed class CompiledTreeClassifierTests
{
    [Fact]
    public void The_shipped_same_claim_model_is_read_into_arrays()
    {
        Assert.True(SameClaimScorer.Shipped.Compiled);
    }

    [Fact]
    public void The_arrays_give_the_engines_probability_on_every_side_of_every_split()
    {
        var (model, engine) = Shipped();
        var compiled = CompiledTreeClassifier.TryCompile(model, LinkingFeatures.Count, engine, checkRows: 0);

        Assert.NotNull(compiled);
        var rows = compiled.ProbeRows(5_000).Append(new float[LinkingFeatures.Count]).ToList();
        Assert.All(rows, row => Assert.Equal(engine(row), compiled.Probability(row), 1e-6f));
        var probabilities = rows.Select(r => compiled.Probability(r)).ToList();
        Assert.True(probabilities.Min() < 0.2 && probabilities.Max() > 0.8, "the probe rows reach both classes");
    }

    [Fact]
    public void The_arrays_give_the_engines_probability_on_real_candidates()
    {
        var (model, engine) = Shipped();
        var compiled = CompiledTreeClassifier.TryCompile(model, LinkingFeatures.Count, engine, checkRows: 0)!;
        var close = new ClaimCandidate(new ClaimEntry("a", "the minister resigned on Monday", Unit(1), ["Minister"], []), 0.9, 0.8);
        var far = new ClaimCandidate(new ClaimEntry("b", "rain is expected tomorrow", Unit(2), [], []), 0.2, 0.0);
        var probe = new StatementProbe("the minister quit on Monday after 3 days", Unit(1), ["Minister"], []);

        foreach (var row in LinkingFeatures.Of(probe, [close, far]))
        {
            Assert.Equal(engine(row), compiled.Probability(row), 1e-6f);
        }
    }

    [Fact]
    public void Arrays_that_disagree_with_the_engine_are_not_used()
    {
        var (model, engine) = Shipped();

        Assert.Null(CompiledTreeClassifier.TryCompile(model, LinkingFeatures.Count, row => engine(row) + 0.01f));
    }

    [Fact]
    public void A_model_that_is_not_a_tree_ensemble_stays_with_its_engine()
    {
        var logistic = SameClaimTrainer.Train(SameClaimScorerTests.SelfMadePairs(), new LinkingHyperParameters(0, 1, 0));
        var context = new MLContext(seed: 1);
        var model = context.Model.Load(new MemoryStream(logistic), out _);

        Assert.Null(CompiledTreeClassifier.TryCompile(model, LinkingFeatures.Count, _ => 0.5f));
        Assert.False(new SameClaimScorer(new MemoryStream(logistic), 0.5).Compiled);
    }

    private static (ITransformer Model, Func<float[], float> Engine) Shipped()
    {
        var context = new MLContext(seed: 1);
        var model = context.Model.Load(SameClaimScorer.OpenResource(SameClaimScorer.ModelResource), out _);
        var engine = context.Model.CreatePredictionEngine<LinkingExample, SameClaimPrediction>(model);
        return (model, row => engine.Predict(new LinkingExample { Features = row }).Probability);
    }

    private static float[] Unit(int axis)
    {
        var vector = new float[384];
        vector[axis] = 1;
        return vector;
    }
}
