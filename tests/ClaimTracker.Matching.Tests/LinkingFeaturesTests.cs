using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

/// <summary>The word-level features of a statement against a candidate claim.</summary>
public sealed class LinkingFeaturesTests
{
    private const string Probe = "Military cooperation with North Korea grew";
    private const string Claim = "North Korea and Russia discussed military cooperation, North Korea said";

    [Fact]
    public void Shared_phrases_count_each_of_the_statements_word_pairs_once()
    {
        var features = FeaturesOf(Probe, Claim);

        // Five pairs in the statement; "military cooperation" and "north korea" (twice) are in the claim.
        Assert.Equal(0.4f, features[Index("shared_bigrams")], 5);
        Assert.Equal(MathF.Log(1 + 6), features[Index("log_probe_words")], 5);
        Assert.Equal(MathF.Log(1 + 10), features[Index("log_claim_words")], 5);
        Assert.Equal(0f, FeaturesOf(Probe, "The central bank raised interest rates")[Index("shared_bigrams")]);
    }

    [Fact]
    public void Shared_terms_are_those_of_the_term_lists_of_both_texts()
    {
        var probeTerms = TextAnalysis.Terms(Probe).ToHashSet(StringComparer.Ordinal);
        var claimTerms = TextAnalysis.Terms(Claim).ToHashSet(StringComparer.Ordinal);
        var shared = probeTerms.Count(claimTerms.Contains);

        var features = FeaturesOf(Probe, Claim);

        Assert.True(shared > 0);
        Assert.Equal((float)shared / probeTerms.Count, features[Index("probe_terms_in_claim")], 5);
        Assert.Equal((float)shared / claimTerms.Count, features[Index("claim_terms_in_probe")], 5);
    }

    [Fact]
    public void A_name_within_a_longer_name_is_one_entity()
    {
        string[] statement = ["Putin", "Kim Jong Un", "Vostochny"];
        string[] claim = ["Vladimir Putin", "North Korea", "Kim"];

        var (score, shared) = ClaimMatcher.EntityOverlap(statement, claim);
        var features = FeaturesOf(Probe, Claim, statement, claim);

        // "Putin" is in "Vladimir Putin", "Kim" in "Kim Jong Un"; "Vostochny" and "North Korea" match nothing.
        Assert.Equal(["Putin", "Kim Jong Un"], shared);
        Assert.Equal(2.0 / 3, score, 5);
        Assert.Equal(2f, features[Index("shared_entities")]);
        Assert.Equal((float)(2.0 / 3), features[Index("entity_agreement")], 5);
        Assert.Equal(-0.5, ClaimMatcher.EntityOverlap(["Vostochny"], ["Moscow"]).Score);
    }

    [Fact]
    public void A_claim_met_again_gives_the_features_it_gave_the_first_time()
    {
        // The claim's words come from the cache the second time; a negated claim keeps its negation mismatch.
        const string negated = "North Korea did not discuss military cooperation with Russia";

        var first = FeaturesOf(Probe, negated);
        var again = FeaturesOf(Probe, negated);

        Assert.Equal(first, again);
        Assert.Equal(1f, again[Index("negation_mismatch")]);
        Assert.Equal(0f, FeaturesOf(Probe, Claim)[Index("negation_mismatch")]);
    }

    private static float[] FeaturesOf(string probe, string claim, string[]? probeEntities = null, string[]? claimEntities = null)
    {
        var embedding = new float[384];
        embedding[0] = 1;
        var candidate = new ClaimCandidate(new ClaimEntry("c-1", claim, embedding, claimEntities ?? [], []), 0.8, 0.5);
        return LinkingFeatures.Of(new StatementProbe(probe, embedding, probeEntities ?? [], []), [candidate])[0];
    }

    private static int Index(string name) => LinkingFeatures.Names.ToList().IndexOf(name);
}
