namespace ClaimTracker.Extraction.Tests;

/// <summary>The acceptance of issue 3 on the seed article: its twelve actors and every attributed statement.</summary>
public sealed class SeedArticleTests
{
    private static readonly ExtractionResult Result = SeedArticle.Extract();

    [SeedArticleTheory]
    [InlineData("Putin", ActorKindHint.Person)]
    [InlineData("Kim Jong Un", ActorKindHint.Person)]
    [InlineData("Dmitry Peskov", ActorKindHint.Person)]
    [InlineData("Yohann Michel", ActorKindHint.Person)]
    [InlineData("International Institute for Strategic Studies", ActorKindHint.Organization)]
    [InlineData("AFP", ActorKindHint.Outlet)]
    [InlineData("German Council on Foreign Relations", ActorKindHint.Organization)]
    [InlineData("Ukrainian Military Intelligence Agency", ActorKindHint.Government)]
    [InlineData("KCNA", ActorKindHint.Outlet)]
    [InlineData("Kim Jong-dae", ActorKindHint.Person)]
    [InlineData("Cheong Seong-chang", ActorKindHint.Person)]
    [InlineData("Russian state media", ActorKindHint.Outlet)]
    public void Finds_each_of_the_twelve_actors_with_its_kind(string name, ActorKindHint kind)
    {
        var actor = Actor(name);
        Assert.Equal(kind, actor.Kind);
    }

    [SeedArticleFact]
    public void Resolves_aliases_within_the_report()
    {
        var putin = Actor("Putin");
        Assert.Contains("President Putin", putin.Aliases);
        Assert.Equal("President", putin.Role);

        var kim = Actor("Kim Jong Un");
        Assert.Contains("North Korean leader Kim Jong Un", kim.Aliases);
        Assert.Contains("Kim", kim.Aliases);

        var kimJongDae = Actor("Kim Jong-dae");
        Assert.NotEqual(kim.Key, kimJongDae.Key);

        Assert.Contains("IISS", Actor("International Institute for Strategic Studies").Aliases);
        Assert.Contains("HUR", Actor("Ukrainian Military Intelligence Agency").Aliases);
        Assert.Contains("Russian state television", Actor("Russian state media").Aliases);
        Assert.Contains("North Korean state media", Actor("KCNA").Aliases);
    }

    [SeedArticleFact]
    public void Keeps_roles_and_affiliations()
    {
        var michel = Actor("Yohann Michel");
        Assert.Equal("analyst", michel.Role);
        Assert.Equal(Actor("International Institute for Strategic Studies").Key, michel.AffiliationKey);

        var peskov = Actor("Dmitry Peskov");
        Assert.Equal("spokesman", peskov.Role);
        Assert.Equal(ActorKindHint.Government, Result.Actors.Single(a => a.Key == peskov.AffiliationKey).Kind);

        Assert.Equal("Sejong Institute", Result.Actors.Single(a => a.Key == Actor("Cheong Seong-chang").AffiliationKey).Name);
        Assert.Equal(
            "Yonsei Institute for North Korea Studies",
            Result.Actors.Single(a => a.Key == Actor("Kim Jong-dae").AffiliationKey).Name);
    }

    [SeedArticleFact]
    public void Keys_are_unique()
        => Assert.Equal(Result.Actors.Count, Result.Actors.Select(a => a.Key).Distinct().Count());

    [SeedArticleFact]
    public void Peskov_cosmonaut_remark_comes_via_Russian_state_media_with_the_pronoun_resolved()
    {
        var s = Statement("North Korean cosmonaut can be trained");
        Assert.Equal(Actor("Dmitry Peskov").Key, s.SpeakerKey);
        Assert.Equal("him", s.SpeakerText);
        Assert.Equal([Actor("Russian state media").Key], s.ViaKeys);
        Assert.Equal("quoted him as saying", s.Cue);
        Assert.NotNull(s.Quote);
        Assert.DoesNotContain("“", s.Content, StringComparison.Ordinal);
    }

    [SeedArticleFact]
    public void Shots_per_day_are_Ukrainian_data_via_AFP()
    {
        var s = Statement("60,000 shots per day");
        Assert.Equal("Ukrainian data", s.SpeakerText);
        Assert.Equal("according to", s.Cue);
        Assert.Equal([Actor("AFP").Key], s.ViaKeys);
        var q = Assert.Single(s.Quantities);
        Assert.Equal(60_000, q.Value);
        Assert.Equal("up to", q.Bound);
        Assert.Equal("shots", q.Unit);
        Assert.Equal("day", q.RatePeriod);
    }

    [SeedArticleFact]
    public void Michel_is_hedged_and_carried_by_AFP()
    {
        var s = Statement("may be below its actual battlefield needs");
        Assert.Equal(Actor("Yohann Michel").Key, s.SpeakerKey);
        Assert.Equal(ExtractedModality.Hedged, s.Modality);
        Assert.Equal("said", s.Cue);
        Assert.Equal([Actor("AFP").Key], s.ViaKeys);
        Assert.StartsWith("Yohann Michel, an analyst", s.SpeakerText, StringComparison.Ordinal);
    }

    [SeedArticleFact]
    public void AFP_reports_the_production_figures()
    {
        var s = Statement("increased domestic production");
        Assert.Equal(Actor("AFP").Key, s.SpeakerKey);
        Assert.Equal("reports", s.Cue);
        Assert.Empty(s.ViaKeys);
        Assert.Equal(ExtractedModality.Asserted, s.Modality);
        Assert.Collection(
            s.Quantities,
            q => { Assert.Equal(1_700_000, q.Value); Assert.Equal(2022, q.ReferenceYear); Assert.Equal("shells", q.Unit); },
            q => { Assert.Equal(2_500_000, q.Value); Assert.Equal(2023, q.ReferenceYear); Assert.Equal("shells", q.Unit); });
    }

    [SeedArticleFact]
    public void KCNA_reports_that_Putin_accepted_the_invitation()
    {
        var kcna = Actor("KCNA").Key;
        Assert.Equal(kcna, Statement("Putin had accepted an invitation").SpeakerKey);
        Assert.Equal(kcna, Statement("politely invited Putin").SpeakerKey);
        var continued = Statement("Putin accepted the invitation with joy");
        Assert.Equal(kcna, continued.SpeakerKey);
        Assert.Equal(StatementKind.QuoteContinuation, continued.Kind);
    }

    [SeedArticleFact]
    public void The_two_analysts_are_quoted_by_AFP()
    {
        var afp = Actor("AFP").Key;
        var jongDae = Statement("seismic shift");
        Assert.Equal(Actor("Kim Jong-dae").Key, jongDae.SpeakerKey);
        Assert.Equal("told AFP", jongDae.Cue);
        Assert.Equal([afp], jongDae.ViaKeys);

        var grenades = Statement("tested the North Korean grenades");
        Assert.Equal(Actor("Kim Jong-dae").Key, grenades.SpeakerKey);
        Assert.Equal("he", grenades.SpeakerText);
        Assert.Contains("neither the US nor South Korea", grenades.Quote, StringComparison.Ordinal);

        var cheong = Statement("blood alliance");
        Assert.Equal(Actor("Cheong Seong-chang").Key, cheong.SpeakerKey);
        Assert.Equal([afp], cheong.ViaKeys);
        Assert.Equal(Actor("Cheong Seong-chang").Key, Statement("many summits between North Korea and Russia").SpeakerKey);
    }

    [SeedArticleTheory]
    [InlineData("opportunities", "Putin", "said")]
    [InlineData("certain limitations", "Putin", "added")]
    [InlineData("drone attack was carried out", "Ukrainian Military Intelligence Agency", "reported")]
    [InlineData("Moscow needs imports", "German Council on Foreign Relations", "concluded")]
    [InlineData("supporting North Korea’s own space program", "Dmitry Peskov", "according to")]
    [InlineData("interest in missile technology", "Putin", "said")]
    [InlineData("trying to develop further", "Putin", "adding")]
    [InlineData("help North Korea build satellites", "Putin", "also said")]
    [InlineData("he was confident Russia would achieve", "Kim Jong Un", "told Putin")]
    [InlineData("punish evil groups", "Kim Jong Un", "said")]
    [InlineData("always be by Russia’s side", "Kim Jong Un", "adding")]
    [InlineData("One old friend is better", "Putin", "said")]
    [InlineData("capabilities of the Pacific Fleet", "Putin", "explained")]
    public void Attributes_every_statement_to_the_right_speaker(string contentFragment, string speaker, string cue)
    {
        var s = Statement(contentFragment);
        Assert.Equal(Actor(speaker).Key, s.SpeakerKey);
        Assert.Equal(cue, s.Cue);
        Assert.Equal(StatementKind.Attributed, s.Kind);
        Assert.Equal(SeedArticle.Text[s.CueSpan.Begin..s.CueSpan.End].Replace("\n", " ", StringComparison.Ordinal), s.Cue);
        Assert.Contains(contentFragment, SeedArticle.Text[s.ContentSpan.Begin..s.ContentSpan.End], StringComparison.Ordinal);
    }

    [SeedArticleFact]
    public void Putin_speaks_through_Russian_state_television_in_the_interview()
    {
        Assert.Equal([Actor("Russian state media").Key], Statement("opportunities").ViaKeys);
        Assert.Equal("He", Statement("certain limitations").SpeakerText);
    }

    [SeedArticleFact]
    public void Unattributed_reporting_belongs_to_the_outlet()
    {
        var outlet = Result.Actors.Single(a => a.Name == "Seed Outlet");
        Assert.Equal(ActorKindHint.Outlet, outlet.Kind);
        var own = Statement("North Korea has large stocks of Soviet war material");
        Assert.Equal(outlet.Key, own.SpeakerKey);
        Assert.Equal(StatementKind.OwnReporting, own.Kind);
        Assert.Empty(own.ViaKeys);
        Assert.Equal(ExtractedModality.Hedged, Statement("Pyongyang may want oil").Modality);
    }

    [SeedArticleTheory]
    [InlineData("Leave a Reply")]
    [InlineData("Source :")]
    [InlineData("More on this topic")]
    [InlineData("Ukrainian drone attacks aircraft production facility")]
    [InlineData("Here are the key takeaways")]
    [InlineData("Military cooperation")]
    [InlineData("So what’s the verdict")]
    [InlineData("Your email address will not be published")]
    public void Headings_and_boilerplate_are_not_statements(string fragment)
    {
        Assert.DoesNotContain(
            Result.Statements,
            s => SeedArticle.Text[s.ContentSpan.Begin..s.ContentSpan.End].Contains(fragment, StringComparison.Ordinal));
    }

    [SeedArticleFact]
    public void Spans_point_into_the_text()
    {
        foreach (var s in Result.Statements)
        {
            Assert.InRange(s.ContentSpan.Begin, 0, SeedArticle.Text.Length);
            Assert.InRange(s.ContentSpan.End, s.ContentSpan.Begin, SeedArticle.Text.Length);
            if (!s.SourceSpan.IsEmpty)
            {
                Assert.Equal(s.SpeakerText, SeedArticle.Text[s.SourceSpan.Begin..s.SourceSpan.End]);
            }

            Assert.Contains(Result.Actors, a => a.Key == s.SpeakerKey);
            Assert.All(s.ViaKeys, via => Assert.Contains(Result.Actors, a => a.Key == via));
        }
    }

    private static ExtractedActor Actor(string name)
        => Assert.Single(Result.Actors, a => a.Name == name);

    private static ExtractedStatement Statement(string contentFragment)
        => Assert.Single(Result.Statements, s => s.Content.Contains(contentFragment, StringComparison.Ordinal));
}
