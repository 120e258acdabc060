using System.Text.Json;
using ClaimTracker.Analysis;

namespace ClaimTracker.Matching.Tests;

/// <summary>The body stance model ships beside the headline model and judges statements read from running text.</summary>
[Collection(EncoderCollection.Name)]
public sealed class BodyStanceModelTests(EncoderFixture encoder)
{
    private const string Claim = "Russia will produce 2.5 million artillery shells this year";

    [Fact]
    public void The_body_model_ships_with_a_manifest_for_the_features_the_library_computes()
    {
        Assert.NotNull(StanceModel.Body);
        Assert.NotSame(StanceModel.Shared, StanceModel.Body);
        using var manifest = JsonDocument.Parse(StanceModel.ShippedManifest(body: true)!);

        Assert.Equal("stance-body.zip", manifest.RootElement.GetProperty("Model").GetString());
        Assert.Equal(StanceFeatures.Layout, manifest.RootElement.GetProperty("FeatureLayout").GetString());
        Assert.Equal(
            StanceModel.Classes.Select(c => c.ToString().ToUpperInvariant()),
            manifest.RootElement.GetProperty("Classes").EnumerateArray().Select(c => c.GetString()));
        Assert.InRange(manifest.RootElement.GetProperty("Fnc1HoldoutScore").GetDouble(), 1, 100);
    }

    [Theory]
    [InlineData("Russia will produce 2.5 million artillery shells this year")]
    [InlineData("Russia is said to be planning to produce 2.5 million shells, but the figure could not be verified")]
    [InlineData("The claim that Russia will produce 2.5 million shells is false, officials said")]
    public void A_statement_from_running_text_is_judged_by_the_body_model_and_a_headline_by_the_headline_model(string statement)
    {
        var headline = StanceHints.FromEmbeddings(statement, Claim, encoder.Embed(statement), encoder.Embed(Claim));
        var body = headline with { FromBody = true };
        var features = StanceFeatures.Compute(statement, Claim, body);

        var asBody = StanceClassifier.Classify(statement, Claim, body);
        var asHeadline = StanceClassifier.Classify(statement, Claim, headline);

        Assert.Same(StanceModel.Body, StanceClassifier.ModelFor(body));
        Assert.Same(StanceModel.Shared, StanceClassifier.ModelFor(headline));
        Assert.Equal(StanceModel.Body!.Probabilities(features).Max(), asBody.Confidence, precision: 5);
        Assert.Equal(StanceModel.Shared!.Probabilities(features).Max(), asHeadline.Confidence, precision: 5);
        Assert.Equal(StanceClassifier.Classify(statement, Claim, body, StanceModel.Body), asBody);
    }
}
