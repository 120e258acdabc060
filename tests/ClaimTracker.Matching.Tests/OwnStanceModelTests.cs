using System.Text.Json;

namespace ClaimTracker.Matching.Tests;

/// <summary>A headline stance model trained outside the assembly, loaded from a file with its manifest beside it.</summary>
public sealed class OwnStanceModelTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("claimtracker-stance-model-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_model_file_with_its_manifest_loads_and_judges_as_the_same_trees_do()
    {
        var path = Write("stance.zip", StanceFeatures.Layout);
        var features = Enumerable.Range(0, StanceFeatures.Count).Select(i => (i % 7) / 7f).ToArray();

        using var model = StanceModel.FromFile(path);

        Assert.True(model.Compiled);
        Assert.Equal(StanceModel.Shared!.Probabilities(features), model.Probabilities(features));
    }

    [Fact]
    public void A_model_without_its_manifest_is_refused_with_the_file_it_looked_for()
    {
        var path = Write("fold-1.zip", layout: null);

        var refused = Assert.Throws<InvalidDataException>(() => StanceModel.FromFile(path));

        Assert.Contains("fold-1.manifest.json", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_of_another_feature_layout_is_refused_with_both_layouts_named()
    {
        var path = Write("stance.zip", "stance-features-v1: 32 signals");

        var refused = Assert.Throws<InvalidDataException>(() => StanceModel.FromFile(path));

        Assert.Contains("stance-features-v1", refused.Message, StringComparison.Ordinal);
        Assert.Contains(StanceFeatures.Layout, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_is_no_json_is_refused()
    {
        var path = Write("stance.zip", layout: null);
        File.WriteAllText(Path.ChangeExtension(path, ".manifest.json"), "{ not json");

        Assert.Throws<InvalidDataException>(() => StanceModel.FromFile(path));
    }

    [Fact]
    public void A_file_that_is_no_model_is_refused()
    {
        var path = Path.Combine(folder.FullName, "stance.zip");
        File.WriteAllText(path, "not a zip");
        WriteManifest(path, StanceFeatures.Layout);

        var refused = Assert.Throws<InvalidDataException>(() => StanceModel.FromFile(path));

        Assert.Contains("not a model", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The shipped headline model's bytes under <paramref name="name"/>, with a manifest of that layout unless null.</summary>
    private string Write(string name, string? layout)
    {
        var path = Path.Combine(folder.FullName, name);
        using (var resource = typeof(StanceModel).Assembly.GetManifestResourceStream(StanceModel.ModelResource)!)
        using (var file = File.Create(path))
        {
            resource.CopyTo(file);
        }

        if (layout is not null)
        {
            WriteManifest(path, layout);
        }

        return path;
    }

    private static void WriteManifest(string modelPath, string layout) =>
        File.WriteAllText(Path.ChangeExtension(modelPath, ".manifest.json"), JsonSerializer.Serialize(new { FeatureLayout = layout }));
}
