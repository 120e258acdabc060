using ClaimTracker.Extraction.Attribution;

namespace ClaimTracker.Extraction.Tests;

/// <summary>The word lists of the attribution rules are embedded text files that load and parse.</summary>
public sealed class LexiconTests
{
    public static TheoryData<string> Names => [.. Lexicon.Names];

    [Fact]
    public void Every_list_of_the_attribution_rules_is_embedded()
    {
        string[] expected =
        [
            "clause-stops", "connectives", "content-blockers", "cue-particles", "cue-prefixes", "cue-verbs", "hedges",
            "invertible-cues", "nominal-cues", "not-speakers", "not-verbs", "reported-acts", "time-nouns",
        ];
        Assert.Empty(expected.Except(Lexicon.Names));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_list_has_entries_and_no_repeated_entry(string name)
    {
        var keys = Lexicon.Entries(name).Select(e => e[0]).ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Cue_verbs_carry_their_classes()
    {
        Assert.True(CueLexicon.TryGet("said", out var said));
        Assert.Equal(CueFlags.None, said);
        Assert.True(CueLexicon.TryGet("denied", out var denied));
        Assert.True(denied.HasFlag(CueFlags.Denial));
        Assert.True(CueLexicon.TryGet("hopes", out var hopes));
        Assert.Equal(CueFlags.Hedge | CueFlags.TakesInfinitive, hopes);
        Assert.True(CueLexicon.IsParticle("called", "for"));
        Assert.False(CueLexicon.TryGet("table", out _));
    }

    [Fact]
    public void A_missing_list_is_reported_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Lexicon.Entries("no-such-list"));
        Assert.Contains("no-such-list", error.Message, StringComparison.Ordinal);
    }
}
