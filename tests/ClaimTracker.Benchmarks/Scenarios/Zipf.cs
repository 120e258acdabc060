namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>Ranks 0…n-1 drawn with probability ∝ 1/(rank+1)^s: a few hot claims, a long tail.</summary>
internal sealed class Zipf
{
    private readonly double[] cumulative;
    private readonly Random random;

    public Zipf(int n, double s, int seed)
    {
        random = new Random(seed);
        cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1 / Math.Pow(i + 1, s);
            cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }
    }

    public int Next()
    {
        lock (random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble());
            return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
        }
    }
}
