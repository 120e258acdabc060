using System.Security.Cryptography;
using System.Text.Json;
using ClaimTracker.Analysis;

namespace ClaimTracker.Matching.Tests;

/// <summary>Every model shipped in the matching library loads and carries a complete manifest.</summary>
public sealed class ShippedModelTests
{
    private const string Prefix = "ClaimTracker.Matching.Models.";

    public static TheoryData<string> ShippedModels() => new(ModelNames());

    [Fact]
    public void The_stance_model_ships()
    {
        Assert.Contains("stance", ModelNames());
        Assert.NotNull(StanceModel.Shared);
    }

    private static List<string> ModelNames() =>
        typeof(StanceModel).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".zip", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".zip".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(ShippedModels))]
    public void A_shipped_model_has_a_manifest_naming_its_data_hashes_split_parameters_and_metrics(string model)
    {
        var bytes = Resource(model + ".zip");
        using var manifest = JsonDocument.Parse(Resource(model + ".manifest.json"));
        var root = manifest.RootElement;

        Assert.InRange(bytes.Length, 1, 5 * 1024 * 1024);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Property(root, "ModelSha256").GetString());
        var data = Property(root, "Data").EnumerateArray().ToList();
        Assert.NotEmpty(data);
        Assert.All(data, file =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Property(file, "File").GetString()));
            Assert.Matches("^[0-9a-f]{64}$", Property(file, "Sha256").GetString());
        });
        Assert.False(string.IsNullOrWhiteSpace(Property(root, "Split").GetString()));
        Assert.NotEmpty(Property(root, "HyperParameters").EnumerateObject());
        var figures = Numbers(Property(root, "CrossValidation")).ToList();
        Assert.NotEmpty(figures);
        Assert.Contains(figures, f => f is > 0 and <= 1);
    }

    /// <summary>A manifest property by name, whatever its casing (the stance and linking writers differ).</summary>
    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject()
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value)
            .DefaultIfEmpty()
            .First() is { ValueKind: not JsonValueKind.Undefined } value
            ? value
            : throw new Xunit.Sdk.XunitException($"the manifest has no '{name}'");

    private static IEnumerable<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };

    [Fact]
    public void The_stance_manifest_describes_the_features_the_library_computes()
    {
        using var manifest = JsonDocument.Parse(StanceModel.ShippedManifest()!);

        Assert.Equal(StanceFeatures.Layout, manifest.RootElement.GetProperty("FeatureLayout").GetString());
        Assert.Equal(
            StanceModel.Classes.Select(c => c.ToString().ToUpperInvariant()),
            manifest.RootElement.GetProperty("Classes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void The_stance_model_gives_a_probability_per_stance()
    {
        var probabilities = StanceModel.Shared!.Probabilities(new float[StanceFeatures.Count]);

        Assert.Equal(StanceModel.Classes.Length, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), precision: 3);
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(StanceModel).Assembly.GetManifestResourceStream(Prefix + name);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>The stance model on real MiniLM embeddings: confidence, reasons, and what still overrides it.</summary>
[Collection(EncoderCollection.Name)]
public sealed class StanceModelClassifierTests(EncoderFixture encoder)
{
    private const string BirdClaim = "A bird pooped on Vladimir Putin during a speech";

    [Theory]
    [InlineData("Report: Bird poops on Vladimir Putin during speech")]
    [InlineData("Vladimir Putin reportedly pooped on by a bird during a speech")]
    [InlineData("Video claims to show a bird pooping on Putin during a speech")]
    public void A_headline_that_only_reports_the_rumour_observes(string statement)
    {
        var decision = Classify(statement, BirdClaim);

        Assert.Equal(Stance.Observing, decision.Stance);
        Assert.InRange(decision.Confidence, 0.34f, 1f);
    }

    [Fact]
    public void A_debunking_headline_contradicts_with_the_rule_reason()
    {
        var decision = Classify("The video of a bird pooping on Vladimir Putin is a hoax", BirdClaim);

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains("\"hoax\"", decision.Reason, StringComparison.Ordinal);
        Assert.InRange(decision.Confidence, 0.34f, 1f);
    }

    [Fact]
    public void Without_embeddings_the_rules_decide_and_no_confidence_is_claimed()
    {
        var decision = StanceClassifier.Classify(
            "Report: bird poops on Putin",
            BirdClaim,
            StanceHints.FromText("Report: bird poops on Putin", BirdClaim));

        Assert.Equal(0f, decision.Confidence);
    }

    [Fact]
    public void Extractions_denial_flag_still_wins_over_the_model()
    {
        var hints = Hints("A bird pooped on Putin", BirdClaim) with { IsDenial = true };

        var decision = StanceClassifier.Classify("A bird pooped on Putin", BirdClaim, hints);

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Equal(0f, decision.Confidence);
    }

    [Fact]
    public void The_same_features_at_serving_as_at_training()
    {
        var hints = Hints("Report: bird poops on Putin", BirdClaim);

        var features = StanceFeatures.Compute("Report: bird poops on Putin", BirdClaim, hints);

        Assert.Equal(StanceFeatures.Count, features.Length);
        Assert.Equal(1f, features[8]);
        Assert.Equal((float)hints.Similarity!.Value, features[0]);
    }

    private StanceDecision Classify(string statement, string claim) => StanceClassifier.Classify(statement, claim, Hints(statement, claim));

    private StanceHints Hints(string statement, string claim) =>
        StanceHints.FromEmbeddings(statement, claim, encoder.Embed(statement), encoder.Embed(claim));
}
