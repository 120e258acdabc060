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

    [Fact]
    public void The_shipped_stance_models_are_read_into_arrays()
    {
        Assert.True(StanceModel.Shared!.Compiled);
        Assert.True(StanceModel.Body!.Compiled);
    }

    [Theory]
    [InlineData(StanceModel.ModelResource)]
    [InlineData(StanceModel.BodyModelResource)]
    public void The_stance_arrays_give_the_engines_probabilities_on_every_side_of_every_split(string resource)
    {
        var context = new MLContext(seed: 1);
        var model = context.Model.Load(typeof(StanceModel).Assembly.GetManifestResourceStream(resource)!, out _);
        var engine = context.Model.CreatePredictionEngine<StanceExample, StancePrediction>(model);
        float[] Engine(float[] row) => engine.Predict(new StanceExample { Features = row }).Score;

        var compiled = CompiledTreeSoftmax.TryCompile(model, StanceFeatures.Count, Engine, checkRows: 0);

        Assert.NotNull(compiled);
        Assert.Equal(StanceModel.Classes.Length, compiled.ClassCount);
        var rows = compiled.ProbeRows(1_000).Append(new float[StanceFeatures.Count]).ToList();
        Assert.All(rows, row =>
        {
            var expected = Engine(row);
            var actual = compiled.Probabilities(row);
            for (var c = 0; c < expected.Length; c++)
            {
                Assert.Equal(expected[c], actual[c], 1e-5f);
            }
        });
        var winners = rows.Select(r => Array.IndexOf(compiled.Probabilities(r), compiled.Probabilities(r).Max())).Distinct().Count();
        Assert.True(winners >= 2, "the probe rows reach more than one class");
        Assert.Null(CompiledTreeSoftmax.TryCompile(model, StanceFeatures.Count, row => [.. Engine(row).Select(p => p + 0.01f)]));
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
