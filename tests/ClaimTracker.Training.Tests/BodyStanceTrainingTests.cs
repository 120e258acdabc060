using System.Globalization;
using System.Text.Json;
using ClaimTracker.Matching;

namespace ClaimTracker.Training.Tests;

/// <summary>The body stance model's training is deterministic under the hyper-parameters its shipped manifest records.</summary>
public sealed class BodyStanceTrainingTests
{
    [Fact]
    public void Training_twice_with_the_shipped_body_models_hyper_parameters_gives_the_same_model_file()
    {
        using var manifest = JsonDocument.Parse(StanceModel.ShippedManifest(body: true)!);
        var recorded = manifest.RootElement.GetProperty("HyperParameters");
        string Value(string name) => recorded.GetProperty(name).GetString()!;
        var parameters = new StanceHyperParameters(
            Trees: int.Parse(Value("trees"), CultureInfo.InvariantCulture),
            Leaves: int.Parse(Value("leaves"), CultureInfo.InvariantCulture),
            LearningRate: double.Parse(Value("learningRate"), CultureInfo.InvariantCulture),
            MinimumLeafCount: int.Parse(Value("minimumLeafCount"), CultureInfo.InvariantCulture),
            FeatureFraction: double.Parse(Value("featureFraction"), CultureInfo.InvariantCulture));

        var first = StanceTrainer.Train(ClassPerFeatureRows.Generate(seed: 11), parameters);
        var second = StanceTrainer.Train(ClassPerFeatureRows.Generate(seed: 11), parameters);

        Assert.Equal(first, second);
        using var model = new StanceModel(new MemoryStream(first));
        Assert.Equal(StanceModel.Classes.Length, model.Probabilities(ClassPerFeatureRows.Generate(seed: 12)[0].Features).Length);
    }
}
