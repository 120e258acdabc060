using ClaimTracker.Extraction.Attribution.Ranking;
using ClaimTracker.Learning;
using Microsoft.ML;

namespace ClaimTracker.Extraction.Tests;

/// <summary>The shipped attribution filter's trees, read into arrays, give the probabilities of its ML.NET prediction engine.</summary>
public sealed class CompiledAttributionFilterTests
{
    [Fact]
    public void The_shipped_filter_is_read_into_arrays()
    {
        Assert.True(AttributionFilter.Shipped!.Compiled);
    }

    [Fact]
    public void The_arrays_give_the_engines_probability_on_every_side_of_every_split()
    {
        var context = new MLContext(seed: 1);
        var model = context.Model.Load(Resource(AttributionFilter.ModelResource), out _);
        var engine = context.Model.CreatePredictionEngine<AttributionExample, AttributionScore>(model);
        float Engine(float[] row) => engine.Predict(new AttributionExample { Features = row }).Probability;

        var compiled = CompiledTreeClassifier.TryCompile(model, AttributionFeatures.Count, Engine, checkRows: 0);

        Assert.NotNull(compiled);
        var rows = compiled.ProbeRows(5_000).ToList();
        Assert.All(rows, row => Assert.Equal(Engine(row), compiled.Probability(row), 1e-6f));
        var kept = rows.Count(r => compiled.Probability(r) >= AttributionFilter.Shipped!.Threshold);
        Assert.InRange(kept, 1, rows.Count - 1);
    }

    private static Stream Resource(string name) =>
        typeof(AttributionFilter).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException(name);
}
