namespace ClaimTracker.Extraction.Tests;

/// <summary>A place or office before an abbreviated title ("Ohio Gov. John Kasich") belongs to the speaker's name.</summary>
public sealed class TitledNameTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("Ohio Gov. John Kasich said the plan would fail.")]
    [InlineData("Earlier, Ohio Gov. John Kasich said the plan would fail.")]
    public void A_state_before_an_abbreviated_title_does_not_split_the_speaker(string text)
    {
        var result = Extractor.Extract(new ArticleInput(text, "Outlet"));
        var statement = Assert.Single(result.Statements, s => s.Kind == StatementKind.Attributed);
        var speaker = Assert.Single(result.Actors, a => a.Key == statement.SpeakerKey);
        Assert.Equal("John Kasich", speaker.Name);
        Assert.DoesNotContain(result.Actors, a => a.Name.StartsWith('.') || a.Name.StartsWith(' '));
    }
}
