using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class ClaimMatcherTests
{
    private static readonly ClaimMatcher Matcher = new(MatcherOptions.Default);

    [Fact]
    public void No_candidates_founds_a_new_claim()
    {
        var decision = Matcher.Decide(Probe("anything"), []);

        Assert.Null(decision.ClaimId);
        Assert.Contains("no stored claim", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_candidate_is_joined_with_a_reason()
    {
        var decision = Matcher.Decide(
            Probe("Moscow fires 60,000 shots a day"),
            [Candidate("shells", 0.82, 0.4), Candidate("weather", 0.1, 0)]);

        Assert.Equal("shells", decision.ClaimId);
        Assert.True(decision.JoinsExistingClaim);
        Assert.StartsWith("joins claim shells", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("cosine 0.82", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Weak_best_candidate_founds_a_new_claim_and_names_it()
    {
        var decision = Matcher.Decide(Probe("The central bank raised rates"), [Candidate("shells", 0.30, 0.1)]);

        Assert.Null(decision.ClaimId);
        Assert.Equal(0.30, decision.Score, 2);
        Assert.StartsWith("founds a new claim: best candidate shells scored 0.30 < 0.56", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_entities_and_measure_raise_the_score_and_disjoint_entities_lower_it()
    {
        var figure = new QuantityFeature(20_000, null, QuantityBounds.About, "shells", "day", null);
        var probe = new StatementProbe("Ukraine's general staff: about 20,000 shells per day", [], ["Ukraine"], [figure]);
        var same = new ClaimCandidate(new ClaimEntry(
            "a",
            "up to 60,000 shots per day",
            [],
            ["Ukraine", "Russia"],
            [figure with { Value = 60_000, Bound = QuantityBounds.UpTo, Unit = "shots" }]), 0.5, 0.2);
        var other = new ClaimCandidate(new ClaimEntry("b", "x", [], ["France"], []), 0.5, 0.2);

        var withShared = Matcher.Score(probe, same);
        var withDisjoint = Matcher.Score(probe, other);

        Assert.True(withShared.Total > 0.5 && withDisjoint.Total < 0.5);
        Assert.Contains("same measure: shell per day", withShared.Explain(), StringComparison.Ordinal);
        Assert.Contains("shared entities: Ukraine", withShared.Explain(), StringComparison.Ordinal);
        Assert.Contains("no shared entity", withDisjoint.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_is_an_option()
    {
        var strict = new ClaimMatcher(MatcherOptions.Default with { JoinThreshold = 0.9 });

        Assert.Null(strict.Decide(Probe("x"), [Candidate("a", 0.8, 0)]).ClaimId);
    }

    [Fact]
    public void Below_the_cosine_floor_shared_words_alone_do_not_join()
    {
        var strict = new ClaimMatcher(MatcherOptions.Default with { LexicalWeight = 1.0, MinCosine = 0.6 });
        var topicOnly = Candidate("pyongyang-invitation", 0.54, 0.5);
        var paraphrase = Candidate("arms-talks", 0.65, 0.1);

        var alone = strict.Decide(Probe("arms talks with Pyongyang"), [topicOnly]);
        var withParaphrase = strict.Decide(Probe("arms talks with Pyongyang"), [topicOnly, paraphrase]);

        Assert.Null(alone.ClaimId);
        Assert.Contains("cosine 0.54 is under 0.60", alone.Reason, StringComparison.Ordinal);
        Assert.Equal("arms-talks", withParaphrase.ClaimId);
        Assert.Equal("pyongyang-invitation", new ClaimMatcher(MatcherOptions.Default with { LexicalWeight = 1.0 }).Decide(
            Probe("arms talks with Pyongyang"),
            [topicOnly]).ClaimId);
    }

    private static StatementProbe Probe(string text) => new(text, [], [], []);

    private static ClaimCandidate Candidate(string id, double cosine, double lexical)
        => new(new ClaimEntry(id, id, [], [], []), cosine, lexical);
}

[Collection(EncoderCollection.Name)]
public sealed class MatchingWithRealEmbeddingsTests(EncoderFixture fixture)
{
    [Fact]
    public void Paraphrases_join_their_claim_and_an_unrelated_statement_founds_one()
    {
        using var index = new ClaimIndex();
        var matcher = new ClaimMatcher(MatcherOptions.Default);
        string[] claims =
        [
            "Russian forces fire up to 60,000 shells a day, according to Ukrainian data",
            "Putin said there are opportunities for military cooperation with North Korea",
            "Russia will produce 2.5 million artillery shells this year",
            "A bird pooped on Vladimir Putin during a speech",
        ];
        var vectors = fixture.Encoder.Encode(claims);
        for (var i = 0; i < claims.Length; i++)
        {
            index.Add(new ClaimEntry("claim-" + i, claims[i], vectors[i], [], QuantityReader.Read(claims[i])));
        }

        Assert.Equal("claim-0", Decide("Moscow's troops are firing as many as 60,000 shots per day").ClaimId);
        Assert.Equal("claim-2", Decide("Russian industry is set to make 2.5 million shells in a year, an independent report says").ClaimId);
        Assert.Equal("claim-1", Decide("Putin sees chances for military cooperation with Pyongyang").ClaimId);
        Assert.Null(Decide("The European Central Bank kept interest rates unchanged").ClaimId);

        MatchDecision Decide(string text)
        {
            var probe = new StatementProbe(text, fixture.Embed(text), [], QuantityReader.Read(text));
            return matcher.Decide(probe, index.Search(probe, 5));
        }
    }
}
