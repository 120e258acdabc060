namespace ClaimTracker.Matching;

/// <summary>Okapi BM25 constants; the usual defaults suit headline-length claims.</summary>
public sealed record Bm25Parameters(double K1 = 1.2, double B = 0.75)
{
    public static Bm25Parameters Default { get; } = new();

    /// <summary>Robertson–Spärck Jones IDF, floored at zero by the +1.</summary>
    public static double Idf(long documentCount, long documentFrequency) =>
        Math.Log(1.0 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}
