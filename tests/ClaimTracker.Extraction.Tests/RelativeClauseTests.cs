namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// "The deal, which officials said was worth $2 billion, was signed on Monday": the speaker's content is the relative
/// clause up to its closing comma (the main clause's predicate is not the speaker's), and its proposition takes the
/// relative pronoun's antecedent as its subject.
/// </summary>
public sealed class RelativeClauseTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("The deal, which officials said was worth $2 billion, was signed on Monday.", "officials",
        "was worth $2 billion", "The deal was worth $2 billion")]
    [InlineData("The company's plan, which critics claimed was illegal, was approved by the board.", "critics",
        "was illegal", "The company's plan was illegal")]
    [InlineData("Yukos was sold to Rosneft, which Yukos claims was a front company.", "Yukos",
        "was a front company", "Rosneft was a front company")]
    [InlineData("Police arrested Mr Smith, who officers said was armed, on Friday.", "officers",
        "was armed", "Mr Smith was armed")]
    public void The_relative_clause_is_the_content_and_its_antecedent_the_subject(
        string sentence, string speaker, string content, string proposition)
    {
        var result = Extractor.Extract(new ArticleInput(sentence, "Outlet"));

        var statement = Assert.Single(result.Statements, s => s.SpeakerText == speaker);
        Assert.Equal(content, statement.Content);
        Assert.Equal(proposition, statement.Proposition);
    }

    [Theory]
    [InlineData("The minister resigned, which officials said was a surprise to the party.")]
    [InlineData("The plan was approved, which critics said was a mistake by the council.")]
    public void A_relative_that_stands_for_a_whole_clause_gives_no_subject(string sentence)
    {
        var result = Extractor.Extract(new ArticleInput(sentence, "Outlet"));

        var statement = Assert.Single(result.Statements, s => s.SpeakerText is "officials" or "critics");
        Assert.StartsWith("was a", statement.Content, StringComparison.Ordinal);
        Assert.StartsWith("Was a", statement.Proposition, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_with_a_subject_of_its_own_keeps_its_words()
    {
        var result = Extractor.Extract(new ArticleInput(
            "The report, which officials said the army had written, was published on Monday.", "Outlet"));

        var statement = Assert.Single(result.Statements, s => s.SpeakerText == "officials");
        Assert.Equal("the army had written", statement.Content);
        Assert.Equal("The army had written", statement.Proposition);
    }
}
