using ClaimTracker.Extraction.Propositions;

namespace ClaimTracker.Extraction.Tests;

/// <summary>Content spans made readable out of context, on sentences written for the purpose.</summary>
public sealed class PropositionWriterTests
{
    private static readonly ContextActor Putin = new("Vladimir Putin", ActorKindHint.Person, Mentions: 5, FirstMention: 0);
    private static readonly ContextActor Kim = new("Kim Jong Un", ActorKindHint.Person, Mentions: 4, FirstMention: 30);
    private static readonly ContextActor Analyst = new("Yohann Michel", ActorKindHint.Person, Mentions: 1, FirstMention: 400);
    private static readonly ContextActor Peskov = new("Dmitry Peskov", ActorKindHint.Person, Mentions: 1, FirstMention: 600);
    private static readonly ContextActor Ministry = new("Defence Ministry", ActorKindHint.Government);
    private static readonly ContextActor Outlet = new("Daily Courier", ActorKindHint.Outlet);

    [Theory]
    [InlineData("but analysts expect the talks to fail", "Analysts expect the talks to fail")]
    [InlineData("that the talks had failed", "The talks had failed")]
    [InlineData("and, however, the ceasefire holds", "The ceasefire holds")]
    [InlineData("even as the fighting went on in the east", "The fighting went on in the east")]
    [InlineData("as the two sides agreed on a truce in March 2024", "The two sides agreed on a truce in March 2024")]
    [InlineData("because prices rose by 4% in May", "Prices rose by 4% in May")]
    [InlineData("First things first: the vote was delayed", "The vote was delayed")]
    [InlineData("In return, Pyongyang may want oil", "Pyongyang may want oil")]
    public void Drops_leading_connectives(string content, string expected)
        => Assert.Equal(expected, PropositionWriter.Write(content, PropositionContext.None));

    [Theory]
    [InlineData("as", "As")]
    [InlineData("but not", "But not")]
    public void Keeps_a_content_that_is_only_a_connective(string content, string expected)
        => Assert.Equal(expected, PropositionWriter.Write(content, PropositionContext.None));

    [Fact]
    public void Turns_an_absolute_with_phrase_into_a_clause_keeping_its_tense()
    {
        Assert.Equal("Moscow forces are firing up to 60,000 shots per day",
            PropositionWriter.Write("with Moscow forces firing up to 60,000 shots per day", PropositionContext.None));
        Assert.Equal("The army is running short of shells",
            PropositionWriter.Write("with the army running short of shells", PropositionContext.None));
    }

    [Fact]
    public void Moves_a_leading_with_adjunct_behind_the_clause()
        => Assert.Equal(
            "Relations have returned to the level of an alliance, with the recent visit to Russia.",
            PropositionWriter.Write(
                "With the recent visit to Russia, relations have returned to the level of an alliance.", PropositionContext.None));

    [Fact]
    public void He_in_reported_speech_is_the_speaker()
    {
        var context = Context(Kim, reported: true, preceding: [Kim, Putin]);
        Assert.Equal(
            "Kim Jong Un was confident Russia would achieve a “great victory” over its enemies",
            PropositionWriter.Write("he was confident Russia would achieve a “great victory” over its enemies", context));
    }

    [Fact]
    public void He_in_a_quote_is_the_person_met_last_other_than_the_speaker()
    {
        var context = Context(Peskov, quote: true, preceding: [Peskov, Putin, Kim]);
        Assert.Equal("Vladimir Putin will visit in the spring.", PropositionWriter.Write("He will visit in the spring.", context));
    }

    [Fact]
    public void His_in_the_outlets_own_text_is_the_person_met_last()
    {
        var context = Context(Outlet, preceding: [Kim, Putin]);
        Assert.Equal(
            "Kim Jong Un’s train left Vladivostok on Friday", PropositionWriter.Write("his train left Vladivostok on Friday", context));
    }

    [Fact]
    public void It_is_an_organisation_speaking_of_itself_but_never_an_expletive()
    {
        var context = Context(Ministry, reported: true, preceding: [Ministry]);
        Assert.Equal("Defence Ministry would send more troops", PropositionWriter.Write("it would send more troops", context));
        Assert.Equal("It is clear that the talks failed", PropositionWriter.Write("it is clear that the talks failed", context));
        Assert.Equal("It can be said that relations improved", PropositionWriter.Write("it can be said that relations improved", context));
    }

    [Fact]
    public void It_in_the_outlets_own_text_stays()
    {
        var context = Context(Outlet, preceding: [Ministry, Kim]);
        Assert.Equal("It hasn’t dampened the enthusiasm", PropositionWriter.Write("it hasn’t dampened the enthusiasm", context));
    }

    [Fact]
    public void They_is_the_organisation_or_the_two_people_met_in_the_paragraph()
    {
        Assert.Equal("Defence Ministry are trying to develop further.",
            PropositionWriter.Write(
                "They are trying to develop further.", Context(Putin, quote: true, preceding: [Putin, Ministry], inParagraph: 2)));
        Assert.Equal("Vladimir Putin and Kim Jong Un met twice.",
            PropositionWriter.Write("They met twice.", Context(Peskov, quote: true, preceding: [Peskov, Kim, Putin], inParagraph: 3)));
        Assert.Equal("They met twice.",
            PropositionWriter.Write("They met twice.", Context(Peskov, quote: true, preceding: [Peskov, Kim, Putin], inParagraph: 1)));
    }

    [Fact]
    public void The_two_are_the_most_named_people_in_the_order_first_named()
    {
        var context = Context(Peskov, reported: true, preceding: [Peskov, Analyst, Kim, Putin]);
        Assert.Equal("Vladimir Putin and Kim Jong Un discussed a space program",
            PropositionWriter.Write("the two discussed a space program", context));
        Assert.Equal("It wasn’t just Vladimir Putin and Kim Jong Un who met for dinner",
            PropositionWriter.Write("It wasn’t just the two old friends who met for dinner", context));
    }

    [Fact]
    public void The_two_stays_where_the_content_names_them_first_or_counts_things()
    {
        var context = Context(Outlet, preceding: [Kim, Putin]);
        const string Named = "Vladimir Putin and Kim Jong Un met as the two leaders toured the site";
        Assert.Equal(Named, PropositionWriter.Write(Named, context));
        Assert.Equal("The two attempts both failed", PropositionWriter.Write("the two attempts both failed", context));
    }

    [Fact]
    public void An_unresolvable_pronoun_stays_as_written()
        => Assert.Equal("He left early", PropositionWriter.Write("he left early", PropositionContext.None));

    [Theory]
    [InlineData("any arms deal had been discussed at the cosmodrome", "An arms deal had been discussed at the cosmodrome")]
    [InlineData("any weapons were sold to Russia", "Weapons were sold to Russia")]
    [InlineData("any evidence of wrongdoing existed", "Evidence of wrongdoing existed")]
    [InlineData("he had ever met anyone from the ministry", "He had met someone from the ministry")]
    [InlineData("anything was agreed at all", "Something was agreed")]
    public void Makes_negative_polarity_plain_under_a_denial(string content, string expected)
        => Assert.Equal(expected, PropositionWriter.Write(content, PropositionContext.None with { IsDenial = true }));

    [Fact]
    public void Keeps_negative_polarity_its_own_negation_licenses()
        => Assert.Equal(
            "No agreement of any kind was signed",
            PropositionWriter.Write("No agreement of any kind was signed", PropositionContext.None with { IsDenial = true }));

    [Fact]
    public void Keeps_any_outside_a_denial()
        => Assert.Equal("Any attack will be answered", PropositionWriter.Write("any attack will be answered", PropositionContext.None));

    private static PropositionContext Context(
        ContextActor speaker, bool reported = false, bool quote = false, ContextActor[]? preceding = null, int? inParagraph = null)
    {
        preceding ??= [];
        return new PropositionContext(speaker, reported, quote, IsDenial: false, preceding, inParagraph ?? preceding.Length);
    }
}
