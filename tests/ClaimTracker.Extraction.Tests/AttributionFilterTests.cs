using ClaimTracker.Extraction.Attribution.Ranking;

namespace ClaimTracker.Extraction.Tests;

/// <summary>The shipped attribution filter loads with a complete manifest, and its training is reproducible.</summary>
public sealed class AttributionFilterTests
{
    [Fact]
    public void The_shipped_filter_loads_and_scores_a_candidate()
    {
        var filter = AttributionFilter.Shipped;
        Assert.NotNull(filter);
        var probability = filter.Probability(new float[AttributionFeatures.Count]);
        Assert.InRange(probability, 0f, 1f);
    }

    [Fact]
    public void The_shipped_manifest_names_its_data_split_parameters_and_cross_validation()
    {
        var manifest = AttributionFilter.Shipped!.Manifest!;
        Assert.Equal("attribution-filter.zip", manifest.Model);
        Assert.False(string.IsNullOrWhiteSpace(manifest.Commit));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", manifest.Created);
        Assert.Contains("train", manifest.Split, StringComparison.Ordinal);
        Assert.Equal(2, manifest.Data.Count);
        Assert.All(manifest.Data, d =>
        {
            Assert.True(d.Files > 0);
            Assert.Matches("^[0-9a-f]{64}$", d.Sha256);
        });
        Assert.Equal(AttributionFeatures.Names, manifest.Features);
        Assert.True(manifest.HyperParameters.Trees > 0 && manifest.HyperParameters.Leaves > 1);
        Assert.InRange(manifest.Threshold, 0, 1);
        var cv = manifest.CrossValidation;
        Assert.True(cv.Folds >= 2);
        Assert.Equal("article", cv.GroupedBy);
        Assert.InRange(cv.Auc, 0.5, 1);
        Assert.True(cv.FilteredSourceF1 >= cv.RulesSourceF1, "the filter must not lose to the rules on cross-validation");
        Assert.Equal(cv.Folds, cv.PerFold.Count);
        Assert.Equal(Enumerable.Range(1, cv.Folds), cv.PerFold.Select(f => f.Fold));
        Assert.All(cv.PerFold, f => Assert.True(f.Articles > 0 && f.SourceF1 > 0 && f.ContentF1 > 0));

        // The threshold is the one of the sweep whose held-out source and content F1 add up to the most.
        Assert.NotEmpty(cv.Thresholds);
        var best = cv.Thresholds.MaxBy(t => t.SourceF1 + t.ContentF1)!;
        Assert.Equal(best.Threshold, manifest.Threshold);
        Assert.Equal(best.SourceF1, cv.FilteredSourceF1);
        Assert.Equal(best.ContentF1, cv.FilteredContentF1);
    }

    [Fact]
    public void The_shipped_model_file_stays_small()
    {
        using var model = typeof(AttributionFilter).Assembly.GetManifestResourceStream(AttributionFilter.ModelResource);
        Assert.NotNull(model);
        Assert.InRange(model.Length, 1, 5 * 1024 * 1024);
    }

    [Fact]
    public void Every_feature_has_a_name()
    {
        Assert.Equal(AttributionFeatures.Count, AttributionFeatures.Names.Length);
        Assert.Equal(AttributionFeatures.Names.Length, AttributionFeatures.Names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Training_twice_on_the_same_examples_gives_the_same_model_file()
    {
        var options = new AttributionFilterOptions(Trees: 10, Leaves: 4, MinExamplesPerLeaf: 5);
        var first = AttributionFilterTrainer.Train(Sample(), options, out var firstSchema);
        var second = AttributionFilterTrainer.Train(Sample(), options, out var secondSchema);
        var firstBytes = AttributionFilterTrainer.Save(first, firstSchema);
        var secondBytes = AttributionFilterTrainer.Save(second, secondSchema);
        Assert.Equal(firstBytes, secondBytes);
    }

    [Fact]
    public void A_model_trained_on_a_sample_separates_its_classes()
    {
        var options = new AttributionFilterOptions(Trees: 20, Leaves: 4, MinExamplesPerLeaf: 5);
        var model = AttributionFilterTrainer.Train(Sample(), options, out _);
        var scores = AttributionFilterTrainer.Score(model, Sample());
        var labels = Sample().Select(e => e.Label).ToArray();
        var positives = scores.Where((_, i) => labels[i]).Average();
        var negatives = scores.Where((_, i) => !labels[i]).Average();
        Assert.True(positives > negatives + 0.3, $"positives {positives:F2}, negatives {negatives:F2}");
    }

    /// <summary>400 made-up candidates: a candidate is an attribution when its cue is in the lexicon and its source is named.</summary>
    private static List<AttributionExample> Sample()
    {
        var examples = new List<AttributionExample>();
        for (var i = 0; i < 400; i++)
        {
            var features = new float[AttributionFeatures.Count];
            for (var k = 0; k < features.Length; k++)
            {
                features[k] = (i * 31 + k * 17) % 7;
            }

            var inLexicon = i % 3 != 0;
            var named = i % 5 != 0;
            features[Array.IndexOf(AttributionFeatures.Names, "cue-in-lexicon")] = inLexicon ? 1 : 0;
            features[Array.IndexOf(AttributionFeatures.Names, "source-empty")] = named ? 0 : 1;
            examples.Add(new AttributionExample { Features = features, Label = inLexicon && named });
        }

        return examples;
    }
}
