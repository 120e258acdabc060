namespace ClaimTracker.Extraction.Tests;

/// <summary>The attribution shapes issue 3 names, one sentence each.</summary>
public sealed class AttributionPatternTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("“The talks were useful,” the minister said.", "the minister", "said", "The talks were useful")]
    [InlineData(
        "“The talks were useful,” said John Smith, a spokesman for the ministry.",
        "John Smith, a spokesman for the ministry",
        "said",
        "The talks were useful")]
    [InlineData("John Smith said: “The talks were useful.”", "John Smith", "said", "The talks were useful.")]
    [InlineData("John Smith said that the talks were useful.", "John Smith", "said", "the talks were useful")]
    [InlineData("The talks were useful, officials said.", "officials", "said", "The talks were useful")]
    [InlineData("The talks were useful, according to the ministry.", "the ministry", "according to", "The talks were useful")]
    [InlineData("According to the ministry, the talks were useful.", "the ministry", "According to", "the talks were useful")]
    [InlineData("Smith told reporters that the talks were useful.", "Smith", "told reporters", "the talks were useful")]
    public void Finds_source_cue_and_content(string text, string source, string cue, string content)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements);
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(cue, s.Cue);
        Assert.Equal(content, s.Content);
    }

    [Fact]
    public void Denials_are_marked()
    {
        var result = Extractor.Extract(new ArticleInput(
            "The Kremlin denied that military cooperation was discussed. Peskov said no arms deal was discussed.",
            "Outlet"));
        Assert.All(result.Statements, s => Assert.True(s.IsDenial));
        Assert.Equal(ActorKindHint.Government, result.Actors.Single(a => a.Name == "Kremlin").Kind);
    }

    [Fact]
    public void Text_that_only_reports_others_is_not_the_outlet_claim()
    {
        var result = Extractor.Extract(new ArticleInput("Ukraine says Russia fired 20,000 shells a day.", "Outlet"));
        var s = Assert.Single(result.Statements);
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal("Ukraine", s.SpeakerText);
    }
}
