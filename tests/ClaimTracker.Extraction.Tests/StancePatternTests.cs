namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// PolNeAR's attributions beyond verbs of speech, tuned on its train split: stance verbs, phrasal cues,
/// a verb coordinated with an earlier one, transcript colons and poll results.
/// </summary>
public sealed class StancePatternTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("Trump called for a ban on Muslims entering the country.", "Trump", "called for", "a ban on Muslims entering the country")]
    [InlineData(
        "Sanders denounced the agreement as a giveaway to Wall Street.",
        "Sanders",
        "denounced",
        "the agreement as a giveaway to Wall Street")]
    [InlineData(
        "Senator Rubio has also backed the proposal in recent weeks.",
        "Senator Rubio",
        "has also backed",
        "the proposal in recent weeks")]
    [InlineData("Biden went after Trump's comments on the judge.", "Biden", "went after", "Trump's comments on the judge")]
    [InlineData(
        "She frequently talks about how she pushed Obama to arm the rebels.",
        "She",
        "frequently talks about",
        "how she pushed Obama to arm the rebels")]
    [InlineData("I know you don't want to vote for her.", "I", "know", "you don't want to vote for her")]
    [InlineData(
        "Many Republicans oppose the nomination of a liberal judge.",
        "Many Republicans",
        "oppose",
        "the nomination of a liberal judge")]
    public void Finds_stance_and_phrasal_cues(string text, string source, string cue, string content)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements);
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(cue, s.Cue);
        Assert.Equal(content, s.Content);
    }

    [Fact]
    public void A_verb_coordinated_with_an_earlier_one_shares_its_subject()
    {
        var result = Extractor.Extract(new ArticleInput("Clinton doubled down on her comments and said the judge was biased.", "Outlet"));
        var s = Assert.Single(result.Statements, s => s.Cue == "said");
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal("Clinton", s.SpeakerText);
        Assert.Equal("the judge was biased", s.Content);
    }

    [Theory]
    [InlineData("JOEL BENENSON: This is a man who said he would never run a negative ad.", "JOEL BENENSON")]
    [InlineData("Marco Rubio: ‘You Don’t Win The Nomination By How Many States You Win.’", "Marco Rubio")]
    public void A_name_and_a_colon_opening_a_paragraph_is_a_speaker(string text, string source)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements);
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(":", s.Cue);
    }

    [Theory]
    [InlineData("UPDATE: The vote was delayed until Friday.")]
    [InlineData("Q: What advice do you give them?")]
    [InlineData("The Latest: Trump urges supporters to watch polling places.")]
    public void Headers_before_a_colon_are_not_speakers(string text)
        => Assert.DoesNotContain(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Cue == ":");

    [Theory]
    [InlineData(
        "Trump leads Clinton by eight points in a new Fox News poll released Thursday.",
        "a new Fox News poll released Thursday",
        "Trump leads Clinton by eight points")]
    [InlineData(
        "In the most recent YouGov survey, 71 percent of Sanders supporters approved of Obama.",
        "the most recent YouGov survey",
        "71 percent of Sanders supporters approved of Obama")]
    public void A_poll_is_the_source_of_its_results(string text, string source, string content)
    {
        var s = Assert.Single(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements);
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal("in", s.Cue, ignoreCase: true);
        Assert.Equal(content, s.Content);
    }

    [Theory]
    [InlineData("In return, Pyongyang may want oil and food from Russia.")]
    [InlineData("The momentous challenges of the decade shaped the race.")]
    [InlineData("Trump's continual attacks on the process drew criticism.")]
    public void Conjecture_and_nouns_are_not_attributions(string text)
        => Assert.DoesNotContain(Extractor.Extract(new ArticleInput(text, "Outlet")).Statements, s => s.Kind == StatementKind.Attributed);
}
