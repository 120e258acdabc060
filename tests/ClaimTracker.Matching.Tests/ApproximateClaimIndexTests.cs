using ClaimTracker.Matching;
using Xunit.Abstractions;

namespace ClaimTracker.Matching.Tests;

/// <summary>
/// The inverted-file search past <see cref="ClaimIndexOptions.ApproximateFrom"/> against the exact scan of the same phrasings,
/// at the proportions of a million phrasings (about 250 lists, the default 8 probed) scaled down to 30,000; and the snapshot
/// an index is written to and read back from.
/// </summary>
public sealed class ApproximateClaimIndexTests(ITestOutputHelper output)
{
    private const int Dims = 384;
    private const int Topics = 200;
    private const int PerTopic = 50;
    private const int Scattered = 5_000;

    // 250 lists over 15,000 phrasings, as 4,000 per list gives over a million.
    private static readonly ClaimIndexOptions Approximate = new() { ApproximateFrom = 5_000, PhrasingsPerList = 60 };
    private static readonly ClaimIndexOptions Exact = new() { ApproximateFrom = long.MaxValue };

    [Fact]
    public void Probing_the_nearest_lists_finds_the_exact_scans_ten_nearest_claims()
    {
        var random = new Random(5);
        var (topical, scattered) = Corpus(random);
        using var approximate = new ClaimIndex(8, Dims, Bm25Parameters.Default, Approximate);
        using var exact = new ClaimIndex(8, Dims, Bm25Parameters.Default, Exact);
        foreach (var (id, vector) in topical.Concat(scattered))
        {
            approximate.Add(id, "claim", vector);
            exact.Add(id, "claim", vector);
        }

        // The first search past ApproximateFrom scans exactly and starts the centroids' training in the background.
        var first = new StatementProbe("unrelated", topical[0].Vector, [], []);
        Assert.Equal(
            exact.Search(first, k: 10).Select(c => (c.Claim.ClaimId, c.Cosine)),
            approximate.Search(first, k: 10).Select(c => (c.Claim.ClaimId, c.Cosine)));
        approximate.WaitForCentroids();

        // Paraphrases: a stored phrasing moved as far as a rewording moves a sentence embedding (cosine about 0.9).
        double topicalRecall = 0, scatteredFirst = 0, scatteredRecall = 0;
        const int probes = 100;
        for (var p = 0; p < probes; p++)
        {
            var near = Near(topical[random.Next(topical.Count)].Vector, 0.45, random);
            topicalRecall += Overlap(Top(approximate, near), Top(exact, near)) / 10.0;
            var (id, vector) = scattered[random.Next(scattered.Count)];
            var nearScattered = Near(vector, 0.45, random);
            var found = Top(approximate, nearScattered);
            scatteredFirst += found.Contains(id) ? 1 : 0;
            scatteredRecall += Overlap(found, Top(exact, nearScattered)) / 10.0;
        }

        Assert.True(approximate.IsApproximate);
        Assert.False(exact.IsApproximate);
        output.WriteLine($"recall@10 against the exact scan, {topical.Count + scattered.Count:N0} phrasings, 8 of 250 lists: "
            + $"{topicalRecall / probes:0.000} near topical phrasings; near a scattered one: itself found {scatteredFirst / probes:0.00}, "
            + $"recall@10 {scatteredRecall / probes:0.000} (its other nine are noise at cosine ≈ 0.1)");
        Assert.True(topicalRecall / probes >= 0.95, $"recall@10 near topical phrasings: {topicalRecall / probes:0.000}");
        Assert.True(scatteredFirst / probes >= 0.95, $"scattered phrasing found: {scatteredFirst / probes:0.00}");
    }

    [Fact]
    public void A_saved_index_reads_back_with_the_same_answers_and_reads_entities_from_the_texts()
    {
        var random = new Random(8);
        var (topical, scattered) = Corpus(random);
        var options = Approximate with { ApproximateFrom = 3_000 };
        using var original = new ClaimIndex(4, Dims, Bm25Parameters.Default, options);
        string Text(int i) => i % 3 == 0 ? $"Vladimir Putin said Russia fired {i} shells at Bakhmut" : $"The port of Odesa closed {i}";
        var all = topical.Concat(scattered).Take(6_000).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            original.Add(all[i].Id, Text(i), all[i].Vector);
            if (i % 10 == 0)
            {
                original.Add(all[i].Id, "Another phrasing " + i, all[i].Vector); // a second phrasing of every tenth claim
            }
        }

        var queries = Enumerable.Range(0, 10).Select(i => new StatementProbe($"Putin fired shells at the port {i}",
            Near(all[random.Next(all.Count)].Vector, 0.45, random), [], [])).ToList();
        original.Search(queries[0], k: 10); // starts training the centroids
        original.WaitForCentroids();
        var before = queries.Select(q => original.Search(q, k: 10)).ToList();
        Assert.True(original.IsApproximate);
        using var stream = new MemoryStream();
        original.Save(stream);

        using var restored = new ClaimIndex(4, Dims, Bm25Parameters.Default, options);
        stream.Position = 0;
        restored.Restore(stream);

        Assert.True(restored.IsApproximate);
        Assert.Equal(original.Count, restored.Count);
        Assert.Equal(original.Phrasings, restored.Phrasings);
        Assert.Equal(2, restored.PhrasingCount(all[10].Id));
        for (var q = 0; q < queries.Count; q++)
        {
            var after = restored.Search(queries[q], k: 10);
            Assert.Equal(
                before[q].Select(c => (c.Claim.ClaimId, c.Cosine, c.Lexical)),
                after.Select(c => (c.Claim.ClaimId, c.Cosine, c.Lexical)));
        }

        var putin = restored.Find(all[3].Id)!;
        Assert.Equal(NamedEntities.Read(putin.Text), putin.Entities);
        Assert.Equal(QuantityReader.Read(putin.Text), putin.Quantities);
        Assert.False(restored.Add(all[3].Id, Text(3), all[3].Vector)); // already there: adds stay idempotent
        Assert.True(restored.Add("new", "A claim added after the restore", all[0].Vector));

        stream.Position = 0;
        using var otherShape = new ClaimIndex(8, Dims, Bm25Parameters.Default, options);
        Assert.Throws<InvalidDataException>(() => otherShape.Restore(stream));
        using var truncated = new MemoryStream(stream.ToArray()[..(int)(stream.Length / 2)]);
        using var fresh = new ClaimIndex(4, Dims, Bm25Parameters.Default, options);
        Assert.Throws<EndOfStreamException>(() => fresh.Restore(truncated));
    }

    /// <summary>Phrasings on <see cref="Topics"/> topics (cosine about 0.5 to their topic's others) and scattered ones.</summary>
    private static (List<(string Id, float[] Vector)> Topical, List<(string Id, float[] Vector)> Scattered) Corpus(Random random)
    {
        var topical = new List<(string, float[])>();
        for (var t = 0; t < Topics; t++)
        {
            var centre = Unit(random);
            for (var i = 0; i < PerTopic; i++)
            {
                topical.Add(($"t{t}-{i}", Near(centre, 1.0, random)));
            }
        }

        var scattered = Enumerable.Range(0, Scattered).Select(i => ($"s{i}", Unit(random))).ToList();
        return (topical, scattered);
    }

    private static HashSet<string> Top(ClaimIndex index, float[] probe) =>
        index.Search(new StatementProbe("unrelated", probe, [], []), k: 10)
            .OrderByDescending(c => c.Cosine).Take(10).Select(c => c.Claim.ClaimId).ToHashSet();

    private static int Overlap(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains);

    private static float[] Unit(Random random) =>
        VectorMath.Normalized(Enumerable.Range(0, Dims).Select(_ => (float)Gaussian(random)).ToArray());

    /// <summary>A unit vector at distance about <paramref name="spread"/> from <paramref name="centre"/> (cosine ≈ 1 / √(1 +
    /// spread²)).</summary>
    private static float[] Near(float[] centre, double spread, Random random)
    {
        var noise = Unit(random);
        return VectorMath.Normalized(centre.Zip(noise, (c, n) => c + (float)(spread * n)).ToArray());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
