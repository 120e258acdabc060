namespace ClaimTracker.Extraction.Tests;

/// <summary>Wire copy writes double quotes as two apostrophes; a single quote may close right before them.</summary>
public sealed class WireQuoteTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void Three_apostrophes_close_the_inner_quote_then_the_outer_one()
    {
        var s = Assert.Single(
            Extractor.Extract(new ArticleInput("''I would use the word 'old-school,''' said Gregory W. Slayton.", "Outlet")).Statements,
            s => s.Kind == StatementKind.Attributed);
        Assert.Equal("Gregory W. Slayton", s.SpeakerText);
        Assert.Equal("said", s.Cue);
        Assert.StartsWith("I would use the word 'old-school", s.Content, StringComparison.Ordinal);
    }
}
