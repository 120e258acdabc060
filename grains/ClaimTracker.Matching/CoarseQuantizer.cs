namespace ClaimTracker.Matching;

/// <summary>
/// The centroids of an inverted-file index: unit vectors from spherical k-means over a sample of stored phrasings, each
/// kept as float (to rank them against a probe) and as int16 codes (to assign int8-coded phrasings with integer dot
/// products). A phrasing belongs to the list of its nearest centroid.
/// </summary>
internal sealed class CoarseQuantizer
{
    private const int Iterations = 10;
    private readonly float[][] centroids;
    private readonly QuantizedProbe[] codes;

    public CoarseQuantizer(float[][] centroids, long trainedOn)
    {
        this.centroids = centroids;
        codes = centroids.Select(c => new QuantizedProbe(c)).ToArray();
        TrainedOn = trainedOn;
    }

    public int Lists => centroids.Length;

    /// <summary>How many phrasings the index held when these centroids were trained.</summary>
    public long TrainedOn { get; }

    public IReadOnlyList<float[]> Centroids => centroids;

    /// <summary>The list a phrasing stored as int8 <paramref name="phrasing"/> belongs to (its scale does not change which).</summary>
    public int Nearest(ReadOnlySpan<sbyte> phrasing)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < codes.Length; c++)
        {
            var score = VectorMath.Dot(codes[c].Codes, phrasing) * codes[c].Scale;
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }

    /// <summary>The <paramref name="probes"/> lists whose centroids are nearest <paramref name="embedding"/>.</summary>
    public int[] NearestLists(float[] embedding, int probes)
    {
        var top = new TopK<int>(Math.Min(probes, centroids.Length));
        for (var c = 0; c < centroids.Length; c++)
        {
            top.Offer(c, VectorMath.Dot(embedding, centroids[c]));
        }

        return top.Drain().Select(x => x.Item).ToArray();
    }

    /// <summary>Spherical k-means (k-means++ seeding, then <see cref="Iterations"/> rounds) over decoded sample vectors.</summary>
    public static CoarseQuantizer Train(IReadOnlyList<float[]> sample, int lists, int seed, long trainedOn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sample.Count, 1);
        var random = new Random(seed);
        var k = Math.Min(lists, sample.Count);
        var centroids = Seed(sample, k, random);
        var assigned = new int[sample.Count];
        for (var round = 0; round < Iterations; round++)
        {
            Parallel.For(0, sample.Count, i => assigned[i] = NearestOf(centroids, sample[i]));
            var sums = new float[k][];
            for (var c = 0; c < k; c++)
            {
                sums[c] = new float[sample[0].Length];
            }

            var sizes = new int[k];
            for (var i = 0; i < sample.Count; i++)
            {
                var sum = sums[assigned[i]];
                var vector = sample[i];
                for (var d = 0; d < sum.Length; d++)
                {
                    sum[d] += vector[d];
                }

                sizes[assigned[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                // An empty cluster restarts at a random sample vector.
                centroids[c] = sizes[c] == 0 ? sample[random.Next(sample.Count)] : VectorMath.Normalized(sums[c]);
            }
        }

        return new CoarseQuantizer(centroids, trainedOn);
    }

    private static float[][] Seed(IReadOnlyList<float[]> sample, int k, Random random)
    {
        var centroids = new float[k][];
        centroids[0] = sample[random.Next(sample.Count)];
        var distance = new double[sample.Count];
        Array.Fill(distance, double.MaxValue);
        for (var c = 1; c < k; c++)
        {
            var previous = centroids[c - 1];
            var total = 0.0;
            for (var i = 0; i < sample.Count; i++)
            {
                distance[i] = Math.Min(distance[i], Math.Max(0, 1 - VectorMath.Dot(sample[i], previous)));
                total += distance[i];
            }

            var pick = random.NextDouble() * total;
            var chosen = sample.Count - 1;
            for (var i = 0; i < sample.Count; i++)
            {
                pick -= distance[i];
                if (pick <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            centroids[c] = sample[chosen];
        }

        return centroids;
    }

    private static int NearestOf(float[][] centroids, float[] vector)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            var score = VectorMath.Dot(vector, centroids[c]);
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }
}
