namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// "what Russia claimed was …" is a free relative: the speaker's content is the complement up to the main clause's verb,
/// and the clause before it ends without its subordinator ("…, even as").
/// </summary>
public sealed class FreeRelativeTests
{
    private const string SeedSentence =
        "In an unsurprising announcement, Kim told Putin that he was confident Russia would achieve a “great victory” over its enemies, "
        + "even as what Russia claimed was a days-long “special military operation” was now in its 19th month pulls.";

    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void The_free_relative_content_stops_at_the_main_verb()
    {
        var result = Extractor.Extract(new ArticleInput(SeedSentence, "Outlet"));
        var russia = Assert.Single(result.Statements, s => s.SpeakerKey == "actor:russia");
        Assert.Equal("was a days-long “special military operation”", russia.Content);
    }

    [Fact]
    public void The_earlier_content_ends_before_the_subordinator()
    {
        var result = Extractor.Extract(new ArticleInput(SeedSentence, "Outlet"));
        var kim = Assert.Single(result.Statements, s => s.SpeakerKey == "actor:kim");
        Assert.Equal("he was confident Russia would achieve a “great victory” over its enemies", kim.Content);
    }

    [Fact]
    public void A_free_relative_without_a_second_verb_gives_no_content()
    {
        var result = Extractor.Extract(new ArticleInput("Critics argued that what the ministry claimed was false.", "Outlet"));
        Assert.DoesNotContain(result.Statements, s => s.Content.StartsWith("was", StringComparison.Ordinal));
    }
}
