namespace ClaimTracker.Matching.Tests;

/// <summary>
/// The learned scorer beside the rules' confident join (<see cref="MatcherOptions.RuleConfidentMargin"/>), in the seed
/// article's one-topic store: where the model is unsure between two claims on the topic, a rule score well over the rules'
/// own threshold decides, for the candidate the rules rank first.
/// </summary>
[Collection(EncoderCollection.Name)]
public sealed class RuleConfidentJoinTests(EncoderFixture fixture)
{
    [Fact]
    public void The_rules_confident_join_takes_the_denial_to_the_claim_it_shares_its_phrase_with()
    {
        using var index = new ClaimIndex(shardCount: 2);
        foreach (var (id, text) in SameClaimOneTopicStoreTests.SeedClaims)
        {
            var claim = Probe(text);
            index.Add(new ClaimEntry(id, text, claim.Embedding, claim.Entities, claim.Quantities));
        }

        var probe = Probe("military cooperation with North Korea was discussed at the summit");
        var candidates = index.Search(probe, 10);

        var modelAlone = new ClaimMatcher(MatcherOptions.Learned with { RuleConfidentMargin = null }).Decide(probe, candidates);
        var combined = new ClaimMatcher(MatcherOptions.Learned).Decide(probe, candidates);

        Assert.NotNull(MatcherOptions.Learned.RuleConfidentMargin);
        Assert.True(modelAlone.ClaimId is null, modelAlone.Reason);
        Assert.True(combined.ClaimId == "opportunities", combined.Reason);
        Assert.Contains("rule score", combined.Reason, StringComparison.Ordinal);
    }

    private StatementProbe Probe(string text) => new(text, fixture.Embed(text), NamedEntities.Read(text), QuantityReader.Read(text));
}
