using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimTracker.Exports.ClaimReview;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Tests;

public sealed class ClaimReviewExporterTests
{
    private static readonly ClaimReviewOptions Options = new()
    {
        ReviewerName = "Example Fact Desk",
        ReviewerUrl = "https://factcheck.example/",
        BaseUrl = "https://factcheck.example/claims/",
    };

    private static JsonElement Export(ExportData data, ClaimReviewOptions? options = null)
    {
        using var stream = new MemoryStream();
        ClaimReviewExporter.Write(stream, data, options ?? Options);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static JsonElement Review(JsonElement reviews, string claimId) =>
        Assert.Single(reviews.EnumerateArray(), r => r.GetProperty("identifier").GetString() == claimId);

    [Fact]
    public void Every_claim_gets_a_ClaimReview_with_Googles_required_properties()
    {
        var reviews = Export(Story.Data());

        ClaimReviewChecks.Validate(reviews, expectUrl: true);
        Assert.Equal(2, reviews.GetArrayLength());
        var shells = Review(reviews, Story.Shells);
        Assert.Equal("Russian forces fire up to 60,000 artillery shells per day", shells.GetProperty("claimReviewed").GetString());
        Assert.Equal("https://factcheck.example/claims/c-shells", shells.GetProperty("url").GetString());
        Assert.Equal("2023-09-13T15:05:00Z", shells.GetProperty("datePublished").GetString());
        var author = shells.GetProperty("author");
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal("Example Fact Desk", author.GetProperty("name").GetString());
        Assert.Equal("https://factcheck.example/", author.GetProperty("url").GetString());
    }

    [Fact]
    public void Properties_come_in_a_fixed_order()
    {
        var shells = Review(Export(Story.Data()), Story.Shells);
        Assert.Equal(
            ["@context", "@type", "url", "identifier", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed"],
            shells.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["@type", "ratingValue", "bestRating", "worstRating", "alternateName", "ratingExplanation"],
            shells.GetProperty("reviewRating").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_rating_comes_from_the_corroboration_status()
    {
        var rating = Review(Export(Story.Data()), Story.Shells).GetProperty("reviewRating");

        Assert.Equal(2, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(5, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        Assert.Equal("Contested", rating.GetProperty("alternateName").GetString());
        Assert.StartsWith(
            "supported by 2 independent origins",
            rating.GetProperty("ratingExplanation").GetString(),
            StringComparison.Ordinal);

        var unjudged = Review(Export(Story.Data()), Story.Cosmonaut).GetProperty("reviewRating");
        Assert.Equal(3, unjudged.GetProperty("ratingValue").GetInt32());
        Assert.Equal("Unverified", unjudged.GetProperty("alternateName").GetString());
    }

    [Theory]
    [InlineData(V1.CorroborationStatus.Corroborated, 1, 5, "Corroborated")]
    [InlineData(V1.CorroborationStatus.Uncorroborated, 3, 3, "Uncorroborated")]
    [InlineData(V1.CorroborationStatus.Uncorroborated, 6, 3, "Unverified")]
    [InlineData(V1.CorroborationStatus.Contested, 4, 2, "Contested")]
    [InlineData(V1.CorroborationStatus.Contradicted, 5, 1, "Contradicted")]
    [InlineData(V1.CorroborationStatus.Unspecified, 6, 3, "Unverified")]
    public void Statuses_map_onto_a_one_to_five_scale(V1.CorroborationStatus status, int credibility, int value, string name)
    {
        var rating = ClaimReviewRating.For(status, credibility);
        Assert.Equal(value, rating.Value);
        Assert.Equal(name, rating.Name);
        Assert.InRange(rating.Value, ClaimReviewRating.Worst, ClaimReviewRating.Best);
    }

    [Fact]
    public void The_claim_reviewed_is_authored_by_its_first_origin_and_appears_in_its_reports()
    {
        var item = Review(Export(Story.Data()), Story.Shells).GetProperty("itemReviewed");

        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.Equal("Organization", item.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Ukrainian data", item.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2023-09-13T12:00:00Z", item.GetProperty("datePublished").GetString());
        var first = item.GetProperty("firstAppearance");
        Assert.Equal("https://example.org/story-a", first.GetProperty("url").GetString());
        Assert.Equal("Kyiv Independent on shelling rates", first.GetProperty("headline").GetString());
        Assert.Equal("Kyiv Independent", first.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(
            ["https://example.org/story-b", "https://example.org/story-c", "https://example.org/story-d"],
            item.GetProperty("appearance").EnumerateArray().Select(a => a.GetProperty("url").GetString()));

        var peskov = Review(Export(Story.Data()), Story.Cosmonaut).GetProperty("itemReviewed");
        Assert.Equal("Person", peskov.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Dmitry Peskov", peskov.GetProperty("author").GetProperty("name").GetString());
        // Its report is not at hand: the appearance says what the statement knows, and has no URL.
        var appearance = peskov.GetProperty("firstAppearance");
        Assert.False(appearance.TryGetProperty("url", out _));
        Assert.Equal("Example Outlet", appearance.GetProperty("publisher").GetProperty("name").GetString());
        Assert.False(peskov.TryGetProperty("appearance", out _));
    }

    [Fact]
    public void Without_a_base_url_there_is_no_url_and_the_reviewer_defaults_to_ClaimTracker()
    {
        var review = Review(Export(Story.Data(), new ClaimReviewOptions()), Story.Shells);

        ClaimReviewChecks.ValidateOne(review, expectUrl: false);
        Assert.False(review.TryGetProperty("url", out _));
        Assert.Equal("ClaimTracker", review.GetProperty("author").GetProperty("name").GetString());
        Assert.False(review.GetProperty("author").TryGetProperty("url", out _));
    }

    [Fact]
    public void Claim_ids_are_escaped_in_urls_and_text_is_safe_inside_a_script_element()
    {
        var claim = Story.ShellsClaim();
        claim.ClaimId = "c-a b";
        claim.Text = "</script><script>alert(1)</script> “60,000”";
        using var stream = new MemoryStream();
        ClaimReviewExporter.Write(stream, new ExportData([claim], Story.Actors(), Story.Reports()), Options);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("“60,000”", json, StringComparison.Ordinal);
        var review = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal(claim.Text, review.GetProperty("claimReviewed").GetString());
        Assert.Equal("https://factcheck.example/claims/c-a%20b", review.GetProperty("url").GetString());
    }

    [Fact]
    public void Output_is_repeatable()
    {
        Assert.Equal(JsonSerializer.Serialize(Export(Story.Data())), JsonSerializer.Serialize(Export(Story.Data())));
    }

    [Fact]
    public void The_checks_catch_broken_reviews()
    {
        var good = ClaimReviewExporter.Build(Story.Data(), Options);
        ClaimReviewChecks.Validate(Parse(good), expectUrl: true);

        void Broken(Action<JsonObject> breakIt)
        {
            var copy = good.DeepClone().AsArray();
            breakIt(copy[0]!.AsObject());
            Assert.ThrowsAny<Exception>(() => ClaimReviewChecks.Validate(Parse(copy), expectUrl: true));
        }

        Broken(r => r.Remove("claimReviewed"));
        Broken(r => r["@type"] = "Review");
        Broken(r => r["url"] = "/claims/c-shells");
        Broken(r => r["reviewRating"]!["ratingValue"] = 7);
        Broken(r => r["reviewRating"]!.AsObject().Remove("alternateName"));
        Broken(r => r["itemReviewed"]!["author"]!["@type"] = "Thing");
        Broken(r => r["datePublished"] = "13 September 2023");
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
