namespace ClaimTracker.Matching;

/// <summary>
/// The vectors of the sentences encoded last, by exact text, so that a sentence seen again (wire copy that several outlets
/// run, a report registered again under another id) skips the encoder: a <see cref="RecentTextCache{TValue}"/> of up to
/// <c>capacity</c> sentences, the least recently used leaving first. Every caller gets its own copy of a vector. Sentences
/// longer than <see cref="LongestText"/> characters are not kept. Thread-safe.
/// </summary>
internal sealed class SentenceVectorCache(int capacity)
{
    /// <summary>Longest text kept: well past a sentence the encoder reads whole.</summary>
    public const int LongestText = 1_000;

    private readonly RecentTextCache<float[]> vectors = new(capacity, LongestText);
    private long hits;

    /// <summary>Lookups answered from the cache since it was made.</summary>
    public long Hits => Interlocked.Read(ref hits);

    public bool TryGet(string text, out float[] vector)
    {
        if (vectors.TryGet(text, out var found))
        {
            Interlocked.Increment(ref hits);
            vector = (float[])found.Clone();
            return true;
        }

        vector = [];
        return false;
    }

    public void Add(string text, float[] vector)
    {
        if (text.Length <= LongestText)
        {
            vectors.Add(text, (float[])vector.Clone());
        }
    }
}
