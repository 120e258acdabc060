using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

/// <summary>
/// A search keeps a few of its shards' hits and makes candidates of only those: each candidate still carries the phrasing it
/// was scored on, with that phrasing's decoded embedding, and a replica re-reading phrasings it holds stores nothing.
/// </summary>
public sealed class ClaimIndexCandidateTests
{
    private const int Dims = 384;

    [Fact]
    public void Each_candidate_carries_the_decoded_embedding_of_its_best_phrasing_across_shards()
    {
        var random = new Random(11);
        float[] Unit() => VectorMath.Normalized(Enumerable.Range(0, Dims).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());
        using var index = new ClaimIndex(shardCount: 8, Dims, Bm25Parameters.Default);
        var phrasings = new Dictionary<(string Claim, string Text), float[]>();
        for (var c = 0; c < 300; c++)
        {
            for (var p = 0; p < 1 + (c % 3); p++)
            {
                var (id, text, vector) = ($"claim-{c}", $"claim {c} phrasing {p} about shells {c % 5} and ports {p}", Unit());
                phrasings[(id, text)] = vector;
                index.Add(new ClaimEntry(id, text, vector, [], []));
            }
        }

        for (var q = 0; q < 25; q++)
        {
            var near = phrasings.ElementAt(random.Next(phrasings.Count)).Value;
            var probe = VectorMath.Normalized(near.Zip(Unit(), (a, b) => a + (0.4f * b)).ToArray());
            var candidates = index.Search(new StatementProbe($"shells {q % 5} and ports", probe, [], []), k: 10);

            Assert.InRange(candidates.Count, 10, 20);
            Assert.Equal(candidates.Count, candidates.Select(c => c.Claim.ClaimId).Distinct().Count());
            foreach (var candidate in candidates)
            {
                var stored = phrasings[(candidate.Claim.ClaimId, candidate.Claim.Text)];
                Assert.True(VectorMath.Dot(stored, candidate.Claim.Embedding) > 0.999, candidate.Claim.Text);
                Assert.Equal(candidate.Cosine, VectorMath.Dot(probe, candidate.Claim.Embedding), 4);
            }
        }
    }

    [Fact]
    public void Searches_of_other_sizes_one_after_another_on_a_thread_find_what_each_finds_alone()
    {
        // A shard keeps its rankings and sets per thread between searches: a search must not see what the one before left.
        var random = new Random(5);
        float[] Unit() => VectorMath.Normalized(Enumerable.Range(0, Dims).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());
        using var index = new ClaimIndex(shardCount: 4, Dims, Bm25Parameters.Default);
        for (var c = 0; c < 400; c++)
        {
            index.Add($"claim-{c}", $"claim {c} on shells {c % 7} and ports {c % 3}", Unit());
        }

        var probes = Enumerable.Range(0, 12)
            .Select(q => new StatementProbe($"shells {q % 7} and ports", Unit(), [], []))
            .ToList();
        string Ids(IReadOnlyList<ClaimCandidate> found) => string.Join(",", found.Select(c => $"{c.Claim.ClaimId}:{c.Cosine:0.000000}"));
        var alone = probes.Select((p, i) => Ids(index.Search(p, k: 1 + (i % 3 * 7)))).ToList();

        // Again, interleaved with searches of other sizes that leave more behind.
        for (var i = 0; i < probes.Count; i++)
        {
            index.Search(probes[(i + 5) % probes.Count], k: 30);
            Assert.Equal(alone[i], Ids(index.Search(probes[i], k: 1 + (i % 3 * 7))));
        }
    }

    [Fact]
    public void Re_adding_a_known_phrasing_by_text_stores_nothing()
    {
        using var index = new ClaimIndex(shardCount: 4, 8, Bm25Parameters.Default);
        var vector = new float[8];
        vector[1] = 1;

        Assert.True(index.Add("x", "Ports reopen on Monday", vector));
        Assert.False(index.Add("x", "Ports reopen on Monday", vector));
        Assert.True(index.Add("x", "Monday: the ports reopen", vector));

        Assert.Equal(1, index.Count);
        Assert.Equal(2, index.Phrasings);
    }
}
