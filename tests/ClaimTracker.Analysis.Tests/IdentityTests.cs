using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Analysis.Tests;

public sealed class IdentityTests
{
    [Theory]
    [InlineData("Russian forces fire up to 60,000 artillery shells per day", "russian forces fire up to 60 000 artillery shells per day")]
    [InlineData(
        "  RUSSIAN   forces fire up to 60,000 artillery shells per day!! ",
        "russian forces fire up to 60 000 artillery shells per day")]
    [InlineData("“Quoted” — text…", "quoted text")]
    [InlineData("", "")]
    public void Normalize_ignores_case_punctuation_and_spacing(string input, string expected) =>
        Assert.Equal(expected, ClaimText.Normalize(input));

    [Fact]
    public void Ids_stay_what_earlier_versions_stored()
    {
        Assert.Equal("c-545d6211e1e7b56f", StableIds.ClaimIdForText("Russian forces fire up to 60,000 artillery shells per day"));
        Assert.Equal("s-b371afbed6328e32-3", StableIds.StatementId("report-a", 3));
        Assert.Equal("s-0fc11693cc0c90e9-12", StableIds.StatementId("rapport-é", 12));
        Assert.Equal("545d6211e1e", StableIds.Hash("russian forces fire up to 60 000 artillery shells per day", 11));
        Assert.Equal(new string('x', 300), ClaimText.Normalize(new string('X', 300)));
    }

    [Fact]
    public void Claim_ids_match_for_texts_that_differ_only_in_form()
    {
        Assert.Equal(
            StableIds.ClaimIdForText("Russian forces fire up to 60,000 artillery shells per day"),
            StableIds.ClaimIdForText("russian forces fire up to 60,000 artillery shells per day."));
        Assert.NotEqual(
            StableIds.ClaimIdForText("Russian forces fire up to 60,000 artillery shells per day"),
            StableIds.ClaimIdForText("Russian forces fire up to 20,000 artillery shells per day"));
    }

    [Fact]
    public void Actor_ids_are_readable_slugs_and_bounded()
    {
        Assert.Equal("a-kremlin-spokesman-dmitry-peskov", StableIds.ActorIdForName("Kremlin spokesman Dmitry Peskov"));
        Assert.Equal("a-kim-jong-dae", StableIds.ActorIdForName("Kim Jong-dae"));
        Assert.NotEqual(StableIds.ActorIdForName("Kim Jong-dae"), StableIds.ActorIdForName("Kim Jong Un"));
        Assert.True(StableIds.ActorIdForName(new string('x', 500)).Length <= 60);
        Assert.StartsWith("a-", StableIds.ActorIdForName("!!!"), StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_ids_are_deterministic_per_report_and_index()
    {
        Assert.Equal(StableIds.StatementId("report-a", 0), StableIds.StatementId("report-a", 0));
        Assert.NotEqual(StableIds.StatementId("report-a", 0), StableIds.StatementId("report-a", 1));
        Assert.NotEqual(StableIds.StatementId("report-a", 0), StableIds.StatementId("report-b", 0));
    }

    [Theory]
    [InlineData("AFP", ActorKind.Outlet)]
    [InlineData("Russian Ministry of Defence", ActorKind.Government)]
    [InlineData("Ukrainian data", ActorKind.Organization)]
    [InlineData("Dmitry Peskov", ActorKind.Person)]
    public void Speaker_kinds_are_guessed_from_names(string name, ActorKind expected) =>
        Assert.Equal(expected, ActorKindGuesser.GuessSpeaker(name));
}
