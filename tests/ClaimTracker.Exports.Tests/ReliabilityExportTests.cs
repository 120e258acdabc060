using System.Text.Json;
using ClaimTracker.Exports.ClaimReview;
using ClaimTracker.Exports.Stix;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Tests;

/// <summary>Source reliability grades carried by statements reach the STIX identities and the ClaimReview organisations.</summary>
public sealed class ReliabilityExportTests
{
    /// <summary>The story with grades on its statements, as the server's reads give them (origin, outlet).</summary>
    private static ExportData GradedStory()
    {
        var shells = Story.ShellsClaim();
        var grades = new Dictionary<string, (string Origin, string Outlet)>
        {
            ["story-a"] = ("B", "C"), // Ukrainian data, Kyiv Independent
            ["story-b"] = ("B", "B"), // Ukrainian data, Le Monde
            ["story-c"] = ("C", "A"), // Estonian defence intelligence, Reuters
            ["story-d"] = ("E", "D"), // Russian Ministry of Defence, TASS
        };
        foreach (var statement in shells.Statements)
        {
            (statement.OriginGrade, statement.OutletGrade) = grades[statement.ReportId];
        }

        var cosmonaut = Story.CosmonautClaim();
        cosmonaut.Statements[0].OriginGrade = "F";
        cosmonaut.Statements[0].OutletGrade = "F";
        return new ExportData([shells, cosmonaut], Story.Actors(), Story.Reports());
    }

    private static JsonElement Stix(ExportData data)
    {
        using var stream = new MemoryStream();
        StixExporter.Write(stream, data, indented: false);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static JsonElement ClaimReviews(ExportData data)
    {
        using var stream = new MemoryStream();
        ClaimReviewExporter.Write(stream, data);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Identities_carry_their_grade_per_role_and_only_when_statements_bring_one()
    {
        var objects = StixChecks.Validate(Stix(GradedStory()));
        string? Grade(string actorId, string role) =>
            objects[StixIds.For("identity", "actor:" + actorId)].TryGetProperty(StixExporter.ReliabilityProperty, out var grades)
                ? grades.TryGetProperty(role, out var grade) ? grade.GetString() : null
                : null;

        Assert.Equal("B", Grade("a-ukrainian-data", "origin"));
        Assert.Equal("E", Grade("a-russian-ministry-of-defence", "origin"));
        Assert.Equal("F", Grade("a-dmitry-peskov", "origin"));
        Assert.Equal("D", Grade("a-tass", "outlet"));
        Assert.Equal("A", Grade("a-reuters", "outlet"));
        Assert.Null(Grade("a-tass", "origin"));
        Assert.Null(Grade("a-afp", "origin")); // an intermediary only: no record of its own in these statements
        Assert.Null(Grade("a-afp", "outlet"));

        var ungraded = StixChecks.Validate(Stix(Story.Data()));
        Assert.All(ungraded.OfType("identity"), identity => Assert.False(identity.TryGetProperty(StixExporter.ReliabilityProperty, out _)));
    }

    [Fact]
    public void ClaimReview_rates_organisations_by_grade_and_never_a_person_or_an_F()
    {
        var reviews = ClaimReviews(GradedStory());
        JsonElement Item(string claimId) =>
            Assert.Single(reviews.EnumerateArray(), r => r.GetProperty("identifier").GetString() == claimId).GetProperty("itemReviewed");

        var shells = Item(Story.Shells);
        var author = shells.GetProperty("author").GetProperty("aggregateRating");
        Assert.Equal("AggregateRating", author.GetProperty("@type").GetString());
        Assert.Equal(4, author.GetProperty("ratingValue").GetInt32());
        Assert.Equal(5, author.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, author.GetProperty("worstRating").GetInt32());
        Assert.Equal("B: usually reliable", author.GetProperty("alternateName").GetString());
        var firstPublisher = shells.GetProperty("firstAppearance").GetProperty("publisher");
        Assert.Equal("Kyiv Independent", firstPublisher.GetProperty("name").GetString());
        Assert.Equal(3, firstPublisher.GetProperty("aggregateRating").GetProperty("ratingValue").GetInt32());
        var reuters = Assert.Single(shells.GetProperty("appearance").EnumerateArray(),
            a => a.GetProperty("publisher").GetProperty("name").GetString() == "Reuters");
        Assert.Equal(5, reuters.GetProperty("publisher").GetProperty("aggregateRating").GetProperty("ratingValue").GetInt32());

        var cosmonaut = Item(Story.Cosmonaut);
        Assert.Equal("Person", cosmonaut.GetProperty("author").GetProperty("@type").GetString());
        Assert.False(cosmonaut.GetProperty("author").TryGetProperty("aggregateRating", out _));
        Assert.False(cosmonaut.GetProperty("firstAppearance").GetProperty("publisher").TryGetProperty("aggregateRating", out _));
    }
}
