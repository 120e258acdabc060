using System.Security.Cryptography;
using System.Text.Json;
using ClaimTracker.Training.Linking;

namespace ClaimTracker.Matching.Tests;

[Collection(EncoderCollection.Name)]
public sealed class SameClaimScorerTests(EncoderFixture fixture)
{
    [Fact]
    public void Shipped_model_loads_and_its_manifest_is_complete()
    {
        using var manifest = JsonDocument.Parse(SameClaimScorer.OpenResource(SameClaimScorer.ManifestResource));
        var root = manifest.RootElement;
        using var model = new MemoryStream();
        SameClaimScorer.OpenResource(SameClaimScorer.ModelResource).CopyTo(model);

        Assert.InRange(model.Length, 1, 5 * 1024 * 1024);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(model.ToArray())), root.GetProperty("modelSha256").GetString());
        Assert.Equal(LinkingFeatures.Names, root.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.InRange(root.GetProperty("joinThreshold").GetDouble(), 0.05, 0.95);
        Assert.Equal(SameClaimScorer.Shipped.JoinThreshold, root.GetProperty("joinThreshold").GetDouble());
        Assert.All(root.GetProperty("data").EnumerateArray(), d => Assert.Matches("^[0-9a-f]{64}$", d.GetProperty("sha256").GetString()));
        Assert.NotEmpty(root.GetProperty("data").EnumerateArray());
        Assert.True(root.GetProperty("hyperParameters").EnumerateObject().Any());
        Assert.Contains("grouped by rumour", root.GetProperty("split").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("trainingPairs").GetProperty("sameClaim").GetInt32() > 0);
        var folds = root.GetProperty("crossValidation").GetProperty("perFold").EnumerateArray().ToList();
        Assert.True(folds.Count >= 3);
        Assert.All(folds, f => Assert.InRange(f.GetProperty("learned").GetProperty("f1").GetDouble(), 0.01, 1));
        Assert.All(folds, f => Assert.InRange(f.GetProperty("rules").GetProperty("f1").GetDouble(), 0.01, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Training_twice_on_the_same_pairs_writes_the_same_model_file(int trees)
    {
        var pairs = SelfMadePairs();
        var hyperParameters = new LinkingHyperParameters(0, 1, trees);

        var first = SameClaimTrainer.Train(pairs, hyperParameters);
        var second = SameClaimTrainer.Train(pairs, hyperParameters);

        Assert.Equal(first, second);
        var scorer = new SameClaimScorer(new MemoryStream(first), 0.5);
        var close = new ClaimCandidate(new ClaimEntry("a", "the minister resigned on Monday", Unit(1), [], []), 0.9, 0.8);
        var far = new ClaimCandidate(new ClaimEntry("b", "rain is expected tomorrow", Unit(2), [], []), 0.2, 0.0);
        var probabilities = scorer.Probabilities(new StatementProbe("the minister quit on Monday", Unit(1), [], []), [close, far]);
        Assert.True(probabilities[0] > 0.5 && probabilities[1] < 0.5, $"{probabilities[0]} / {probabilities[1]}");
    }

    [Fact]
    public void A_paraphrase_joins_its_claim_beside_other_rumours_on_its_topic()
    {
        using var index = Store();

        var decision = Link(index, "Islamic State militants behead American reporter James Foley in new video");

        Assert.Equal("foley", decision.ClaimId);
        Assert.Contains("p(same claim)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_rumour_on_a_topic_the_store_knows_founds_its_own_claim()
    {
        using var index = Store();

        var decision = Link(index, "Militants threaten to kill a British hostage held in Syria next");

        Assert.True(decision.ClaimId is null, decision.Reason);
    }

    [Fact]
    public void A_rumour_on_a_topic_scores_below_a_paraphrase_of_the_claim()
    {
        using var index = Store();
        var paraphrase = Probe("Apple to launch its smartwatch in September");
        var otherRumour = Probe("Apple's smartwatch battery lasts less than a day, insiders say");

        var same = Matcher.ScoreAll(paraphrase, index.Search(paraphrase, 10)).Single(s => s.Candidate.Claim.ClaimId == "apple-watch");
        var other = Matcher.ScoreAll(otherRumour, index.Search(otherRumour, 10)).Single(s => s.Candidate.Claim.ClaimId == "apple-watch");

        Assert.True(same.Total > Matcher.Options.JoinThreshold, same.Explain());
        Assert.True(other.Total < same.Total - 0.2, $"{other.Explain()} vs {same.Explain()}");
    }

    /// <summary>A store like Emergent's: several rumours per topic (ISIS hostages, the Apple Watch) among others.</summary>
    private ClaimIndex Store() => Index(
        ("foley", "ISIS beheaded journalist James Wright Foley"),
        ("apple-watch", "Apple will release its smartwatch in September"),
        ("apple-price", "The Apple Watch will cost $349"),
        ("bird", "A bird pooped on Vladimir Putin during a speech"),
        ("cone", "A man was arrested for taking a selfie with a traffic cone"));

    private static readonly ClaimMatcher Matcher = new(MatcherOptions.Learned);

    private MatchDecision Link(ClaimIndex index, string text)
    {
        var probe = Probe(text);
        return Matcher.Decide(probe, index.Search(probe, 10));
    }

    private ClaimIndex Index(params (string Id, string Text)[] claims)
    {
        var index = new ClaimIndex(shardCount: 2);
        foreach (var (id, text) in claims)
        {
            var probe = Probe(text);
            index.Add(new ClaimEntry(id, text, probe.Embedding, probe.Entities, probe.Quantities));
        }

        return index;
    }

    private StatementProbe Probe(string text) => new(text, fixture.Embed(text), NamedEntities.Read(text), QuantityReader.Read(text));

    /// <summary>Pairs whose label follows the cosine, with a little overlap, from a fixed generator.</summary>
    internal static List<LinkingExample> SelfMadePairs()
    {
        var random = new Random(3);
        var pairs = new List<LinkingExample>();
        for (var i = 0; i < 400; i++)
        {
            var cosine = (float)random.NextDouble();
            var lexical = (float)Math.Clamp(cosine + ((random.NextDouble() - 0.5) * 0.4), 0, 1);
            var features = new float[LinkingFeatures.Count];
            features[0] = cosine;
            features[1] = lexical;
            features[2] = cosine - 0.5f;
            features[13] = cosine * lexical;
            pairs.Add(new LinkingExample { Features = features, Label = cosine + ((random.NextDouble() - 0.5) * 0.2) > 0.6 });
        }

        return pairs;
    }

    private static float[] Unit(int axis)
    {
        var vector = new float[384];
        vector[axis] = 1;
        return vector;
    }
}
