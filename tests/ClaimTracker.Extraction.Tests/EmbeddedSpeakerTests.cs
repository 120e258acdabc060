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
    [InlineData(
        "He urged the judge to give him a fair sentence, which he said was not a prison sentence.",
        "urged",
        "the judge to give him a fair sentence",
        "was not a prison sentence")]
    [InlineData(
        "Officials criticized the email setup, which an FBI review said was careless.",
        "criticized",
        "the email setup",
        "was careless")]
    [InlineData("He described his daughters, who he said were living abroad.", "described", "his daughters", "were living abroad")]
    public void A_relative_clause_with_its_own_speaker_ends_the_earlier_content(
        string text,
        string outerCue,
        string outerContent,
        string innerContent)
    {
        var statements = Attributed(text);
        Assert.Equal(outerContent, Assert.Single(statements, s => s.Cue == outerCue).Content);
        Assert.Equal(innerContent, Assert.Single(statements, s => s.Cue == "said").Content);
    }

    [Theory]
    [InlineData(
        "Many speakers at the service — including two senators — said the loss was painful.",
        "Many speakers at the service — including two senators —")]
    [InlineData("Carter however said he would welcome the talks.", "Carter")]
    [InlineData("Campaign workers there said they had knocked on every door.", "Campaign workers")]
    [InlineData("Sen. Jack Reed (D-R.I.), said after a lunch that he had not read the plan.", "Sen. Jack Reed (D-R.I.)")]
    public void Asides_adverbs_and_stray_commas_between_speaker_and_cue(string text, string source)
        => Assert.Equal(source, Assert.Single(Attributed(text)).SpeakerText);

    [Fact]
    public void An_adverbial_set_off_by_commas_before_that_is_skipped()
    {
        var s = Assert.Single(Attributed("She also said, without evidence, that the videos were used to recruit fighters."));
        Assert.Equal("also said", s.Cue);
        Assert.Equal("the videos were used to recruit fighters", s.Content);
    }

    [Fact]
    public void A_particle_and_its_preposition_belong_to_the_cue()
    {
        var s = Assert.Single(Attributed("Local politicians also fired back at the governor's comments."));
        Assert.Equal("Local politicians", s.SpeakerText);
        Assert.Equal("also fired back at", s.Cue);
        Assert.Equal("the governor's comments", s.Content);
    }

    [Fact]
    public void A_plural_noun_in_a_list_is_no_cue()
        => Assert.DoesNotContain(Attributed("The group will reach voters by mail, phone calls and digital ads."), s => s.Cue == "calls");

    [Fact]
    public void A_participle_after_a_comma_is_a_statement_of_its_own()
    {
        var statements = Attributed("Dana Whitfield said the plan was flawed, adding that it would fail in court.");
        Assert.Equal("the plan was flawed", Assert.Single(statements, s => s.Cue == "said").Content);
        var adding = Assert.Single(statements, s => s.Cue == "adding");
        Assert.Equal("it would fail in court", adding.Content);
        Assert.Equal(Assert.Single(statements, s => s.Cue == "said").SpeakerKey, adding.SpeakerKey);
    }

    [Theory]
    [InlineData(
        "The mayor's claim that the budget is balanced, repeated on Monday, drew laughter.",
        "The mayor's",
        "claim",
        "the budget is balanced")]
    [InlineData("After her refusal to disavow the group, donors left.", "her", "refusal", "to disavow the group")]
    [InlineData("Support grew after his call for a total ban on imports.", "his", "call for", "a total ban on imports")]
    public void A_noun_of_saying_with_its_possessor_and_complement(string text, string source, string cue, string content)
    {
        var s = Assert.Single(Attributed(text));
        Assert.Equal(source, s.SpeakerText);
        Assert.Equal(cue, s.Cue);
        Assert.Equal(content, s.Content);
    }

    [Theory]
    [InlineData("Trump's plan to build a wall was popular with the base.")]
    [InlineData("His support for the bill surprised colleagues.")]
    [InlineData("The claim that the budget is balanced drew laughter.")]
    public void Nouns_of_plan_or_stance_and_nouns_without_a_possessor_are_no_cue(string text)
        => Assert.Empty(Attributed(text));

    [Fact]
    public void A_speaker_inside_the_content_of_a_trailing_cue_is_carried_by_its_source()
    {
        var statements = Extractor.Extract(new ArticleInput("Putin said the talks were useful, Russian state media reported.", "Outlet"))
            .Statements;
        var media = Assert.Single(statements, s => s.Cue == "reported");
        Assert.Equal("Russian state media", media.SpeakerText);
        var putin = Assert.Single(statements, s => s.Cue == "said");
        Assert.Equal("Putin", putin.SpeakerText);
        Assert.Equal("the talks were useful", putin.Content);
        Assert.Equal([media.SpeakerKey], putin.ViaKeys);
    }

    [Fact]
    public void A_trailing_cue_without_a_speaker_inside_keeps_its_content_whole()
    {
        var s = Assert.Single(Attributed("The plant will close in May and the workers will be moved, the company said."));
        Assert.Equal("the company", s.SpeakerText);
        Assert.Equal("The plant will close in May and the workers will be moved", s.Content);
    }

    [Fact]
    public void A_verb_inside_a_restrictive_relative_clause_leaves_the_head_its_own_cue()
    {
        var statements = Attributed("Hawkins and others who want to ban abortion said the ruling raised the stakes.");
        Assert.Equal("to ban abortion", Assert.Single(statements, s => s.Cue == "want").Content);
        var said = Assert.Single(statements, s => s.Cue == "said");
        Assert.Equal("others", said.SpeakerText);
        Assert.Equal("the ruling raised the stakes", said.Content);
    }
}
