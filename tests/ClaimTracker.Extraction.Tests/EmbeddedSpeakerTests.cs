namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Speakers inside or around another attribution: a relative clause with a speaker of its own, a head noun
/// that is also a cue word, attributions nested in the content of a trailing cue.
/// </summary>
public sealed class EmbeddedSpeakerTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static IReadOnlyList<ExtractedStatement> Attributed(string text)
        => Extractor.Extract(new ArticleInput(text, "Outlet")).Statements.Where(s => s.Kind == StatementKind.Attributed).ToList();

    [Theory]
    [InlineData("The congressional report said the servers had been breached.", "The congressional report")]
    [InlineData("Abortion rights advocates said the ruling made the fight more urgent.", "Abortion rights advocates")]
    public void A_cue_word_right_before_the_cue_is_the_head_noun(string text, string source)
    {
        var s = Assert.Single(Attributed(text));
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal("said", s.Cue);
    }

    [Theory]
    [InlineData("He urged the judge to give him a fair sentence, which he said was not a prison sentence.", "urged", "the judge to give him a fair sentence", "was not a prison sentence")]
    [InlineData("Officials criticized the email setup, which an FBI review said was careless.", "criticized", "the email setup", "was careless")]
    [InlineData("He described his daughters, who he said were living abroad.", "described", "his daughters", "were living abroad")]
    public void A_relative_clause_with_its_own_speaker_ends_the_earlier_content(string text, string outerCue, string outerContent, string innerContent)
    {
        var statements = Attributed(text);
        Assert.Equal(outerContent, Assert.Single(statements, s => s.Cue == outerCue).Content);
        Assert.Equal(innerContent, Assert.Single(statements, s => s.Cue == "said").Content);
    }
}
