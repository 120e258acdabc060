namespace ClaimTracker.Matching.Tests;

/// <summary>
/// The learned scorer in a small store of one topic: the claims of the seed article (Putin and Kim at
/// Vostochny, as the extractor words them, with their verbatim spans as second phrasings), and the
/// propositions of its follow-up reports. Every candidate is on the topic and there are few of them, so
/// a candidate standing out from the others is weak evidence here; a follow-up must still join the claim
/// it restates or contests, and never a claim it only shares the topic with.
/// </summary>
[Collection(EncoderCollection.Name)]
public sealed class SameClaimOneTopicStoreTests(EncoderFixture fixture)
{
    internal static readonly (string Id, string Text)[] SeedClaims =
    [
        ("seed-00", "President Putin and North Korean leader Kim Jong Un enjoyed a “historic meeting and talks” on "
            + "Wednesday as the two leaders met at the Vostochny Cosmodrome in Russia’s Far East"),
        ("seed-01", "Putin is looking for sources to provide more weapons for his war in Ukraine, and Kim is always "
            + "looking for a way to circumvent his position as a long-isolated pariah on the international stage"),
        ("opportunities", "There were “opportunities” for military cooperation with North Korea despite international sanctions"),
        ("seed-03", "There are certain limitations… There are options within the existing rules that we note and are discussing."),
        ("production", "Russia is in urgent need of artillery ammunition and has increased domestic production from 1.7 "
            + "million in 2022 to an expected 2.5 million shells this year"),
        ("shells-per-day", "Moscow forces are firing up to 60,000 shots per day"),
        ("shells-per-day", "with Moscow forces firing up to 60,000 shots per day"),
        ("seed-06", "A drone attack was carried out against a Russian industrial facility producing aviation products"),
        ("seed-07", "Moscow needs imports if it wants to maintain the current intensity of its war effort over a longer period of time."),
        ("seed-08", "North Korea has large stocks of Soviet war material – albeit in unknown condition – and is itself "
            + "mass-producing conventional weapons"),
        ("seed-09", "Pyongyang may want oil and food from Russia or even access to space technology"),
        ("seed-09", "In return, Pyongyang may want oil and food from Russia or even access to space technology"),
        ("seed-10", "Putin and Kim Jong Un discussed the possibility of Moscow supporting North Korea’s own space program"),
        ("seed-10", "the two discussed the possibility of Moscow supporting North Korea’s own space program"),
        ("seed-11", "We discussed that if the North Korean side wishes, a North Korean cosmonaut can be trained and sent into space"),
        ("seed-12", "A North Korean has never been to space, and the country’s two attempts to put a spy satellite "
            + "into orbit both failed"),
        ("seed-13", "There is a lot of interest in missile technology"),
        ("seed-14", "Kim Jong Un’s side are trying to develop further."),
        ("seed-14", "They are trying to develop further."),
        ("seed-15", "Russia could help North Korea build satellites"),
        ("seed-16", "Kim Jong Un was confident Russia would achieve a “great victory” over its enemies"),
        ("seed-16", "he was confident Russia would achieve a “great victory” over its enemies"),
        ("seed-17", "Was a days-long “special military operation”"),
        ("seed-18", "We are confident that the Russian army and people will achieve a great victory in the just struggle "
            + "to punish evil groups that seek hegemony, expansion and ambition"),
        ("seed-19", "Russia’s “heroic” army"),
        ("seed-20", "We will always be by Russia’s side."),
        ("seed-21", "One old friend is better than two new ones."),
        ("seed-22", "Kim didn’t go straight home, but headed to the Russian Far Eastern Federal University in Vladivostok"),
        ("seed-23", "In Vladivostok there is also a military component in accordance with the Ministry of Defense, but "
            + "this is only intended to demonstrate the capabilities of the Pacific Fleet."),
        ("seed-24", "It is safe to assume that Kim will not receive a demonstration of the Russian Black Sea Fleet, as "
            + "some of it looks like this after the Ukrainian missile strike yesterday"),
        ("seed-25", "Putin had accepted an invitation to a reception with Kim in Pyongyang"),
        ("seed-26", "Kim Jong Un has politely invited Putin to visit the Democratic People’s Republic of Korea at an appropriate time"),
        ("seed-27", "Putin accepted the invitation with joy and reaffirmed his will to always continue the history and "
            + "tradition of friendship between Russia and the DPRK."),
        ("seed-28", "The summit signals a seismic shift in Northeast Asian geopolitics"),
        ("seed-29", "A stronger alliance between North Korea, Russia and China could become a “destabilizing force in the "
            + "region,” while munitions from Pyongyang could significantly impact the war in Ukraine"),
        ("seed-30", "I think Russia has already tested the North Korean grenades on battlefields and is now ready to "
            + "expand their use in the future. And neither the US nor South Korea have addressed the implications "
            + "of such an arms deal between Russia and the North"),
        ("seed-31", "It can be said that North Korea-Russia relations have fully returned to the level of a blood "
            + "alliance during the Cold War, with Kim Jong Un’s recent visit to Russia"),
        ("seed-31", "With Kim Jong Un’s recent visit to Russia, it can be said that North Korea-Russia relations have "
            + "fully returned to the level of a blood alliance during the Cold War"),
        ("many-summits", "There have been many summits between North Korea and Russia so far, but there has never been a time "
            + "when North Korea has included almost all of its key military officials, like now."),
    ];

    [Theory]
    [InlineData("Russian forces are firing up to 60,000 shells per day", "shells-per-day")]
    [InlineData("Russian forces fire about 20,000 shells per day", "shells-per-day")]
    [InlineData("Russia will produce 2.5 million artillery shells this year", "production")]
    public void A_follow_up_joins_the_claim_it_restates_not_its_neighbour_on_the_topic(string statement, string claimId)
    {
        using var index = Store();

        var probe = Probe(statement);
        var candidates = index.Search(probe, 10);
        var decision = Matcher.Decide(probe, candidates);

        var ranked = Matcher.ScoreAll(probe, candidates).OrderByDescending(s => s.Total).Take(4)
            .Select(s => s.Candidate.Claim.ClaimId + ": " + s.Explain());
        Assert.True(decision.ClaimId == claimId, decision.Reason + "\n" + string.Join("\n", ranked));
    }

    /// <summary>
    /// The Kremlin's denial ("… was discussed at the summit") belongs to the "opportunities" claim; the model does not
    /// rank it first yet (docs/evaluation-linking.md), but it must not join the summit sentence that only shares the topic.
    /// </summary>
    [Fact]
    public void A_denial_does_not_join_a_claim_that_only_shares_its_topic()
    {
        using var index = Store();
        var probe = Probe("military cooperation with North Korea was discussed at the summit");

        var decision = Matcher.Decide(probe, index.Search(probe, 10));

        Assert.True(decision.ClaimId is null or "opportunities", decision.Reason);
    }

    [Fact]
    public void A_statement_on_the_topic_that_restates_no_claim_founds_its_own()
    {
        using var index = Store();

        var probe = Probe("North Korea will send workers to rebuild Russian-occupied towns in Ukraine");

        Assert.True(Matcher.Decide(probe, index.Search(probe, 10)).ClaimId is null);
    }

    private ClaimIndex Store()
    {
        var index = new ClaimIndex(shardCount: 2);
        foreach (var (id, text) in SeedClaims)
        {
            var claim = Probe(text);
            index.Add(new ClaimEntry(id, text, claim.Embedding, claim.Entities, claim.Quantities));
        }

        return index;
    }

    private static readonly ClaimMatcher Matcher = new(MatcherOptions.Learned);

    private StatementProbe Probe(string text) => new(text, fixture.Embed(text), NamedEntities.Read(text), QuantityReader.Read(text));
}
