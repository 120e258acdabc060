namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// The repository's own wire story (tests/Shared/Articles/marava-flood.txt), carried by an outlet and relayed
/// from AFP: the actors and their kinds, two people named Varga kept apart, attribution through AFP (also
/// when the speaker relays someone else), a hedged quote, pronouns resolved, and a count with its unit.
/// </summary>
public sealed class MaravaFloodTests
{
    private const string Carrier = "Harbour Daily";

    private static readonly string Text = TestArticles.MaravaFlood;

    private static readonly ExtractionResult Result =
        new ArticleExtractor().Extract(new ArticleInput(Text, Carrier, null, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(Carrier, ActorKindHint.Outlet)]
    [InlineData("AFP", ActorKindHint.Outlet)]
    [InlineData("Lena Varga", ActorKindHint.Person)]
    [InlineData("Tamas Varga", ActorKindHint.Person)]
    [InlineData("Miklos Horvath", ActorKindHint.Person)]
    [InlineData("Central Water Institute", ActorKindHint.Organization)]
    [InlineData("Ministry of Water Resources", ActorKindHint.Government)]
    public void Finds_the_actors_with_their_kinds(string name, ActorKindHint kind)
        => Assert.Equal(kind, Actor(name).Kind);

    [Fact]
    public void The_governor_and_the_hydrologist_named_Varga_stay_two_people()
    {
        var governor = Actor("Lena Varga");
        var hydrologist = Actor("Tamas Varga");
        Assert.NotEqual(governor.Key, hydrologist.Key);
        Assert.Contains("Governor Lena Varga", governor.Aliases);
        Assert.Equal("Governor", governor.Role);
        Assert.DoesNotContain(governor.Aliases, a => a.Contains("Tamas", StringComparison.Ordinal));
        Assert.DoesNotContain(hydrologist.Aliases, a => a.Contains("Lena", StringComparison.Ordinal));
        Assert.Equal("hydrologist", hydrologist.Role);
        Assert.Equal(Actor("Central Water Institute").Key, hydrologist.AffiliationKey);
    }

    [Fact]
    public void The_carrier_relays_AFP_which_is_the_source_of_the_opening_line()
    {
        var s = Statement("opened all six spillways");
        Assert.Equal(Actor("AFP").Key, s.SpeakerKey);
        Assert.Equal("reports", s.Cue);
        Assert.Empty(s.ViaKeys);
        Assert.DoesNotContain(Result.Statements, st => st.SpeakerKey == Actor(Carrier).Key);
    }

    [Fact]
    public void What_the_hydrologist_told_AFP_the_chief_engineer_had_said_is_his_statement_via_AFP()
    {
        var s = Statement("the eastern spillway gate was stuck half open");
        Assert.Equal(Actor("Tamas Varga").Key, s.SpeakerKey);
        Assert.Equal("told AFP", s.Cue);
        Assert.Equal([Actor("AFP").Key], s.ViaKeys);
        Assert.Contains("chief engineer had said", s.Content, StringComparison.Ordinal);
        Assert.StartsWith("Tamas Varga, a hydrologist", s.SpeakerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hydrologists_hedged_quote_resolves_he_and_keeps_AFP()
    {
        var s = Statement("may keep rising for another two days");
        Assert.Equal(Actor("Tamas Varga").Key, s.SpeakerKey);
        Assert.Equal("he", s.SpeakerText);
        Assert.Equal([Actor("AFP").Key], s.ViaKeys);
        Assert.Equal(ExtractedModality.Hedged, s.Modality);
        Assert.NotNull(s.Quote);
        Assert.DoesNotContain("“", s.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_governors_quote_resolves_she_and_is_asserted()
    {
        var s = Statement("We will not send anyone home");
        Assert.Equal(Actor("Lena Varga").Key, s.SpeakerKey);
        Assert.Equal("she", s.SpeakerText);
        Assert.Equal(ExtractedModality.Asserted, s.Modality);
        Assert.Equal("told reporters", Statement("evacuation of the riverside districts").Cue);
    }

    [Fact]
    public void The_weather_forecast_is_hedged_and_attributed_with_according_to()
    {
        var s = Statement("Rain could return to the upper valley");
        Assert.Equal("according to", s.Cue);
        Assert.Equal("the national weather office", s.SpeakerText);
        Assert.Equal(ExtractedModality.Hedged, s.Modality);
    }

    [Fact]
    public void The_displaced_count_is_a_quantity_of_people()
    {
        var s = Statement("displaced 12,000 people");
        Assert.Equal("The regional emergency service", s.SpeakerText);
        var q = Assert.Single(s.Quantities);
        Assert.Equal(12_000, q.Value);
        Assert.Equal("people", q.Unit);
    }

    [Fact]
    public void The_ministrys_denial_is_marked_as_one()
    {
        var s = Statement("the dam had been damaged");
        Assert.Equal(Actor("Ministry of Water Resources").Key, s.SpeakerKey);
        Assert.Equal("denied", s.Cue);
        Assert.True(s.IsDenial);
        Assert.Equal(Actor("Miklos Horvath").Key, Statement("water supply had been cut").SpeakerKey);
    }

    [Fact]
    public void Spans_point_into_the_text()
    {
        Assert.Equal(10, Result.Statements.Count);
        foreach (var s in Result.Statements)
        {
            Assert.Contains(s.Content, Text[s.ContentSpan.Begin..s.ContentSpan.End], StringComparison.Ordinal);
            Assert.Equal(s.SpeakerText, Text[s.SourceSpan.Begin..s.SourceSpan.End]);
            Assert.Equal(s.Cue, Text[s.CueSpan.Begin..s.CueSpan.End]);
            Assert.Contains(Result.Actors, a => a.Key == s.SpeakerKey);
        }
    }

    private static ExtractedActor Actor(string name)
        => Assert.Single(Result.Actors, a => a.Name == name);

    private static ExtractedStatement Statement(string contentFragment)
        => Assert.Single(Result.Statements, s => s.Content.Contains(contentFragment, StringComparison.Ordinal));
}
