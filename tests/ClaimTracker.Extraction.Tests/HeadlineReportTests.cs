namespace ClaimTracker.Extraction.Tests;

/// <summary>A report that is its headline alone (the text is the title): one statement, the whole headline.</summary>
public sealed class HeadlineReportTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static IReadOnlyList<ExtractedStatement> Headline(string headline) =>
        Extractor.Extract(new ArticleInput(headline, "Outlet", Title: headline)).Statements;

    [Fact]
    public void A_headline_without_a_cue_is_the_report_sources_own_statement()
    {
        var s = Assert.Single(Headline("eBay working on bidding app for Apple Watch"));

        Assert.Equal(StatementKind.OwnReporting, s.Kind);
        Assert.Equal(string.Empty, s.SpeakerText);
        Assert.Equal("eBay working on bidding app for Apple Watch", s.Content);
        Assert.False(s.IsQuestion);
    }

    [Theory]
    [InlineData("Is Durex Planning To Release A Pumpkin Spice Condom?", "Is Durex Planning To Release A Pumpkin Spice Condom?")]
    [InlineData("Macaulay Culkin Dead? UPDATED", "Macaulay Culkin Dead?")]
    public void A_question_headline_is_a_question(string headline, string content)
    {
        var s = Assert.Single(Headline(headline));

        Assert.True(s.IsQuestion);
        Assert.Equal(content, s.Content);
    }

    [Fact]
    public void An_attributed_headline_keeps_its_cue_words_and_its_speaker_is_the_one_whose_words_span_most()
    {
        var s = Assert.Single(Headline("Boko Haram agrees to release schoolgirls, Nigeria says"));

        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal("Nigeria", s.SpeakerText);
        Assert.Equal("Boko Haram agrees to release schoolgirls, Nigeria says", s.Content);
    }

    [Fact]
    public void A_denying_headline_is_a_denial()
    {
        var s = Assert.Single(Headline("Boko Haram Denies Nigeria Cease-Fire Claim"));

        Assert.True(s.IsDenial);
        Assert.Equal("Boko Haram Denies Nigeria Cease-Fire Claim", s.Content);
    }

    [Theory]
    [InlineData("Video: Marine saved by helmet after Taliban sniper attack", "Marine saved by helmet after Taliban sniper attack")]
    [InlineData("SEE IT: ISIS militants caught trying to cross border", "ISIS militants caught trying to cross border")]
    [InlineData("Nigerian Woman Quarantined with Ebola-Like Symptoms (VIDEO)", "Nigerian Woman Quarantined with Ebola-Like Symptoms")]
    [InlineData("Explosion hits capital Read more: Explosion hits capital", "Explosion hits capital")]
    public void Format_labels_are_not_part_of_the_statement(string headline, string content)
    {
        var s = Assert.Single(Headline(headline));

        Assert.Equal(content, s.Content);
        Assert.Equal(ExtractedModality.Asserted, s.Modality);
    }

    [Theory]
    [InlineData("Sources: Tom Brokaw Wants Brian Williams Fired", "Tom Brokaw Wants Brian Williams Fired")]
    [InlineData("Rapper identified as James Foley's executioner: reports", "Rapper identified as James Foley's executioner")]
    public void A_label_citing_unnamed_sources_hedges_the_statement(string headline, string content)
    {
        var s = Assert.Single(Headline(headline));

        Assert.Equal(content, s.Content);
        Assert.Equal(ExtractedModality.Hedged, s.Modality);
    }

    [Fact]
    public void A_headline_of_fewer_than_three_words_states_nothing()
    {
        Assert.Empty(Headline("Cold Turkey"));
    }

    [Fact]
    public void A_question_in_an_article_body_is_still_no_statement()
    {
        Assert.Empty(
            Extractor.Extract(new ArticleInput("Is Durex planning a pumpkin spice condom?", "Outlet", Title: "Durex news")).Statements);
    }
    [Theory]
    [InlineData("Hilarious: Man says he was abducted by aliens")]
    [InlineData("Incredible: Dog finds its way home across 300 miles")]
    [InlineData("Story: Apple to open a store on the Moon")]
    public void A_label_that_judges_the_story_is_no_speaker(string headline)
    {
        var s = Assert.Single(Headline(headline));
        var label = headline[..headline.IndexOf(':')];
        Assert.NotEqual(label, s.SpeakerText);
    }

    [Fact]
    public void A_one_word_name_before_a_colon_still_speaks()
    {
        var s = Assert.Single(Headline("Putin: Western sanctions have failed"));
        Assert.Equal("Putin", s.SpeakerText);
    }
}
