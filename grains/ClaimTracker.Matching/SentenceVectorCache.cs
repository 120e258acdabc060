using System.Collections.Concurrent;

namespace ClaimTracker.Matching;

/// <summary>
/// The vectors of the sentences encoded last, by exact text, so that a sentence seen again (wire copy that several outlets
/// run, a report registered again under another id) skips the encoder. Holds up to <c>capacity</c> sentences in two
/// generations: lookups go to the newer, then to the older (and bring the vector back into the newer); when the newer is
/// full it becomes the older and the older is dropped, so the sentences used least recently leave first. Every caller gets
/// its own copy of a vector. Sentences longer than <see cref="LongestText"/> characters are not kept, so the cache's size
/// stays bounded whatever a report holds. Thread-safe.
/// </summary>
internal sealed class SentenceVectorCache
{
    /// <summary>Longest text kept: well past a sentence the encoder reads whole.</summary>
    public const int LongestText = 1_000;

    private readonly int generationSize;
    private readonly Lock rotation = new();
    private ConcurrentDictionary<string, float[]> newer = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, float[]> older = new(StringComparer.Ordinal);
    private long hits;

    public SentenceVectorCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        generationSize = capacity / 2;
    }

    /// <summary>Lookups answered from the cache since it was made.</summary>
    public long Hits => Interlocked.Read(ref hits);

    public bool TryGet(string text, out float[] vector)
    {
        if (text.Length <= LongestText && (newer.TryGetValue(text, out var found) || older.TryGetValue(text, out found)))
        {
            Keep(text, found);
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
            Keep(text, (float[])vector.Clone());
        }
    }

    private void Keep(string text, float[] vector)
    {
        newer[text] = vector;
        if (newer.Count < generationSize)
        {
            return;
        }

        lock (rotation)
        {
            if (newer.Count >= generationSize)
            {
                older = newer;
                newer = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
            }
        }
    }
}
