using ClaimTracker.Matching;
using Xunit.Abstractions;

namespace ClaimTracker.Matching.Tests;

/// <summary>The scan's integer dot products (int16 probe × int8 codes, shards in parallel) against float brute force.</summary>
public sealed class ClaimIndexRecallTests(ITestOutputHelper output)
{
    private const int Dims = 384;
    private const int Claims = 60_000;

    [Fact]
    public void The_integer_scan_on_all_cores_finds_the_same_ten_nearest_claims_as_float_brute_force()
    {
        var random = new Random(11);
        float[] Unit() => VectorMath.Normalized(Enumerable.Range(0, Dims).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());
        // The exact scan at any size (the approximate lists are measured in ApproximateClaimIndexTests).
        var exact = new ClaimIndexOptions { ApproximateFrom = long.MaxValue };
        using var index = new ClaimIndex(shardCount: 8, Dims, Bm25Parameters.Default, exact);
        var stored = new float[Claims][];
        for (var i = 0; i < Claims; i++)
        {
            stored[i] = Unit();
            index.Add(new ClaimEntry("c" + i, "claim", stored[i], [], []));
        }

        // What the scan ranks: the stored int8 vectors, decoded.
        var decoded = Enumerable.Range(0, Claims).Select(i => index.Find("c" + i)!.Embedding).ToArray();
        double againstDecoded = 0, againstFloat = 0;
        const int probes = 16;
        for (var p = 0; p < probes; p++)
        {
            // Half the probes near a stored claim, half anywhere (near-ties everywhere: the hard case).
            var noise = Unit();
            var probe = p % 2 == 0 ? VectorMath.Normalized(stored[p].Zip(noise, (a, b) => a + b).ToArray()) : noise;
            var found = index.Search(new StatementProbe("unrelated", probe, [], []), k: 10)
                .OrderByDescending(c => c.Cosine).Take(10).Select(c => c.Claim.ClaimId).ToHashSet();
            againstDecoded += Recall(found, decoded, probe);
            againstFloat += Recall(found, stored, probe);
        }

        output.WriteLine($"recall@10 over {Claims:N0} claims: {againstDecoded / probes:0.000} against the int8 vectors in float, "
            + $"{againstFloat / probes:0.000} against the float32 originals");
        Assert.True(againstDecoded / probes >= 0.99, $"recall@10 against decoded int8: {againstDecoded / probes:0.000}");
        Assert.True(againstFloat / probes >= 0.9, $"recall@10 against float32: {againstFloat / probes:0.000}");
    }

    private static double Recall(HashSet<string> found, float[][] vectors, float[] probe)
    {
        var exact = Enumerable.Range(0, vectors.Length)
            .OrderByDescending(i => VectorMath.Dot(probe, vectors[i]))
            .Take(10)
            .Select(i => "c" + i);
        return exact.Count(found.Contains) / 10.0;
    }
}
