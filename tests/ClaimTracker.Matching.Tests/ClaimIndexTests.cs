using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class ClaimIndexTests
{
    private const int Dims = 8;

    [Fact]
    public void Bm25_ranks_the_claim_sharing_rare_terms_first()
    {
        using var index = new ClaimIndex(shardCount: 3, Dims, Bm25Parameters.Default);
        index.Add(Claim("a", "Russian forces fire 60,000 shells a day near Bakhmut", Axis(0)));
        index.Add(Claim("b", "Russian forces advance near Avdiivka", Axis(1)));
        index.Add(Claim("c", "Ukraine receives new air defence systems", Axis(2)));

        var results = index.Search(Probe("How many shells a day do Russian forces fire?", Axis(7)), k: 2);

        var best = results.MaxBy(c => c.Lexical)!;
        Assert.Equal("a", best.Claim.ClaimId);
        Assert.InRange(best.Lexical, 0.5, 1.5);
        Assert.All(results.Where(c => c.Claim.ClaimId == "c"), c => Assert.Equal(0, c.Lexical));
    }

    [Fact]
    public void Search_returns_the_union_of_cosine_and_lexical_top_k()
    {
        using var index = new ClaimIndex(shardCount: 2, Dims, Bm25Parameters.Default);
        index.Add(Claim("semantic", "Moscow troops launch huge barrage", Axis(0)));      // same meaning, no shared word
        index.Add(Claim("lexical", "Artillery shells per day statistics", Axis(3)));     // shared words, other vector
        index.Add(Claim("neither", "Weather forecast for Kyiv", Axis(5)));

        var results = index.Search(Probe("Artillery shells fired per day", Axis(0)), k: 1);

        Assert.Contains(results, c => c.Claim.ClaimId == "semantic");
        Assert.Contains(results, c => c.Claim.ClaimId == "lexical");
        Assert.DoesNotContain(results, c => c.Claim.ClaimId == "neither");
    }

    [Fact]
    public void Adding_the_same_claim_twice_is_idempotent_and_phrasings_count_once()
    {
        using var index = new ClaimIndex(shardCount: 4, Dims, Bm25Parameters.Default);
        index.Add(Claim("x", "Putin sees opportunities for military cooperation", Axis(0)));
        index.Add(Claim("x", "Putin sees opportunities for military cooperation", Axis(0)));
        index.Add(Claim("x", "Military cooperation possible, Putin says", Axis(1)));

        var results = index.Search(Probe("military cooperation", Axis(1)), k: 5);

        Assert.Equal(1, index.Count);
        var only = Assert.Single(results);
        Assert.Equal(1.0, only.Cosine, 5);
    }

    [Fact]
    public void Add_says_whether_a_claim_or_phrasing_was_stored_and_phrasings_are_counted_per_claim()
    {
        using var index = new ClaimIndex(shardCount: 4, Dims, Bm25Parameters.Default);

        Assert.Equal(0, index.PhrasingCount("x"));
        Assert.True(index.Add(Claim("x", "Putin sees opportunities for military cooperation", Axis(0))));
        Assert.False(index.Add(Claim("x", "Putin sees opportunities for military cooperation", Axis(0))));
        Assert.True(index.Add(Claim("x", "Military cooperation possible, Putin says", Axis(1))));
        Assert.Equal(2, index.PhrasingCount("x"));
    }

    [Fact]
    public void Concurrent_adds_and_searches_are_safe()
    {
        using var index = new ClaimIndex(shardCount: 8, Dims, Bm25Parameters.Default);
        Parallel.For(0, 2000, i =>
        {
            index.Add(Claim("c" + i, $"claim number {i} about shells and forces {i % 7}", Axis(i % Dims)));
            if (i % 10 == 0)
            {
                Assert.NotNull(index.Search(Probe("shells forces", Axis(i % Dims)), 5));
            }
        });

        Assert.Equal(2000, index.Count);
        Assert.Equal(5, index.Search(Probe("claim number 42", Axis(3)), 5).Count(c => c.Cosine > 0.99));
    }

    [Fact]
    public void Rejects_embeddings_of_the_wrong_size()
    {
        using var index = new ClaimIndex(shardCount: 1, Dims, Bm25Parameters.Default);

        Assert.Throws<ArgumentException>(() => index.Add(Claim("x", "text", new float[3])));
    }

    [Fact]
    public void Int8_embeddings_keep_cosines_within_a_thousandth_of_float32()
    {
        const int dims = 384;
        var random = new Random(7);
        float[] Unit() => VectorMath.Normalized(Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());
        using var index = new ClaimIndex(shardCount: 2, dims, Bm25Parameters.Default);
        var stored = Enumerable.Range(0, 50).Select(_ => Unit()).ToList();
        for (var i = 0; i < stored.Count; i++)
        {
            index.Add(new ClaimEntry("c" + i, "claim " + i, stored[i], [], []));
        }

        for (var p = 0; p < 20; p++)
        {
            // A probe near one stored vector, so that high cosines are tested too.
            var near = stored[p];
            var probe = VectorMath.Normalized(near.Zip(Unit(), (a, b) => a + (0.3f * b)).ToArray());
            foreach (var candidate in index.Search(new StatementProbe("probe", probe, [], []), k: 10))
            {
                var exact = VectorMath.Dot(
                    probe,
                    stored[int.Parse(candidate.Claim.ClaimId[1..], System.Globalization.CultureInfo.InvariantCulture)]);
                Assert.InRange(candidate.Cosine - exact, -1e-3, 1e-3);
            }
        }
    }

    [Fact]
    public void Find_returns_the_first_phrasing_with_its_decoded_embedding()
    {
        using var index = new ClaimIndex(shardCount: 2, Dims, Bm25Parameters.Default);
        index.Add(Claim("x", "first phrasing", Axis(2)));
        index.Add(Claim("x", "second phrasing", Axis(3)));

        var found = index.Find("x");

        Assert.NotNull(found);
        Assert.Equal("first phrasing", found.Text);
        Assert.Equal(1.0, VectorMath.Dot(found.Embedding, Axis(2)), 5);
        Assert.Null(index.Find("y"));
    }

    internal static float[] Axis(int i)
    {
        var v = new float[Dims];
        v[i] = 1;
        return v;
    }

    private static ClaimEntry Claim(string id, string text, float[] vector) => new(id, text, vector, [], []);

    private static StatementProbe Probe(string text, float[] vector) => new(text, vector, [], []);
}
