using ClaimTracker.Analysis;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Storage;
using ClaimTracker.Matching;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>The claim linker over a fake encoder (fixed vectors per text) and an in-memory index log.</summary>
public sealed class ClaimLinkerTests
{
    private const string Founding = "the ministry closed every school in the region";
    private const string Joining = "officials shut all schools across the province";
    private const string LikeTheJoiner = "all schools across the province were shut by officials";

    // Founding · Joining = 0.71, Joining · LikeTheJoiner = 0.71, Founding · LikeTheJoiner = 0.
    private static readonly FakeEncoder Encoder = new(new Dictionary<string, float[]>
    {
        [Founding] = Vector(1, 0),
        [Joining] = Vector(1, 1),
        [LikeTheJoiner] = Vector(0, 1),
    });

    [Fact]
    public async Task A_statement_that_joined_a_claim_is_indexed_as_a_phrasing_that_later_statements_find()
    {
        var store = new MemoryClaimIndexLog();
        using var linker = Linker(store, phrasingsPerClaim: 16);

        var founded = Assert.Single(await linker.LinkAsync([Request(Founding)]));
        var joined = Assert.Single(await linker.LinkAsync([Request(Joining)]));
        var later = Assert.Single(await linker.LinkAsync([Request(LikeTheJoiner)]));

        Assert.Equal(founded.ClaimId, joined.ClaimId);
        Assert.Equal(founded.ClaimId, later.ClaimId);
        Assert.Contains(store.Entries, e => e.ClaimId == founded.ClaimId && e.Text == Joining);
    }

    [Fact]
    public async Task Phrasings_stop_at_the_cap_so_the_index_stays_bounded()
    {
        var store = new MemoryClaimIndexLog();
        using var linker = Linker(store, phrasingsPerClaim: 1);

        var founded = Assert.Single(await linker.LinkAsync([Request(Founding)]));
        var joined = Assert.Single(await linker.LinkAsync([Request(Joining)]));
        var later = Assert.Single(await linker.LinkAsync([Request(LikeTheJoiner)]));

        Assert.Equal(founded.ClaimId, joined.ClaimId);
        Assert.NotEqual(founded.ClaimId, later.ClaimId);
        Assert.DoesNotContain(store.Entries, e => e.Text == Joining);
    }

    [Fact]
    public async Task A_claim_is_indexed_under_its_proposition_and_the_words_as_written_within_the_cap()
    {
        var store = new MemoryClaimIndexLog();
        using var linker = Linker(store, phrasingsPerClaim: 2);

        var founded = Assert.Single(await linker.LinkAsync([Request(Founding) with { Verbatim = "and " + Founding }]));
        var joined = Assert.Single(await linker.LinkAsync([Request(Joining) with { Verbatim = "but " + Joining }]));

        Assert.Equal(founded.ClaimId, joined.ClaimId);
        Assert.Equal([Founding, "and " + Founding], store.Entries.Where(e => e.ClaimId == founded.ClaimId).Select(e => e.Text));
    }

    [Theory]
    [InlineData(Modality.Asserted, false, Stance.Supports)]
    [InlineData(Modality.Hedged, false, Stance.Observing)]
    [InlineData(Modality.Asserted, true, Stance.Contradicts)]
    public async Task The_founding_statements_stance_follows_how_it_puts_its_own_text(Modality modality, bool isDenial, Stance expected)
    {
        using var linker = Linker(new MemoryClaimIndexLog(), phrasingsPerClaim: 16);

        var founded = Assert.Single(
            await linker.LinkAsync([new LinkRequest(Founding, modality, isDenial, Stance.Unspecified, string.Empty, string.Empty)]));

        Assert.Equal(expected, founded.Stance);
    }

    [Theory]
    [InlineData("Officials in Bay City confirmed the measles case", new[] { "Bay", "City" })]
    [InlineData("Local Mayor Confirms Measles Case In Bay City Schools", new string[0])]
    [InlineData("MEASLES CASE CONFIRMED IN BAY CITY", new string[0])]
    public void Entities_come_from_capitals_only_where_capitals_say_something(string text, string[] expected) =>
        Assert.Equal(expected, ClaimLinker.Entities(text));

    private static ClaimLinker Linker(IClaimIndexLog store, int phrasingsPerClaim) =>
        new(store, Options.Create(new MatchingOptions
        {
            Scorer = LinkingScorer.Rules,
            JoinThreshold = 0.6,
            LexicalWeight = 0,
            PhrasingsPerClaim = phrasingsPerClaim,
        }), () => Encoder);

    private static LinkRequest Request(string content)
        => new(content, Modality.Asserted, false, Stance.Unspecified, string.Empty, string.Empty);

    private static float[] Vector(float x, float y)
    {
        var v = new float[384];
        var norm = MathF.Sqrt((x * x) + (y * y));
        v[0] = x / norm;
        v[1] = y / norm;
        return v;
    }

    private sealed class FakeEncoder(Dictionary<string, float[]> vectors) : ISentenceEncoder
    {
        public int Dimensions => 384;

        public float[][] Encode(IReadOnlyList<string> texts) => texts.Select(t => vectors[t]).ToArray();
    }
}
