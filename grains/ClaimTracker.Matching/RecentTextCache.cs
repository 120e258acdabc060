using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ClaimTracker.Matching;

/// <summary>
/// Values computed from texts, kept by exact text for the texts used last. Holds up to <c>capacity</c> texts in two
/// generations: lookups go to the newer, then to the older (and bring the value back into the newer); when the newer is full it
/// becomes the older and the older is dropped, so the texts used least recently leave first. Texts longer than
/// <c>longestText</c> characters are not kept, so the cache's size stays bounded whatever the texts. Values are shared
/// between callers: keep them immutable. Thread-safe.
/// </summary>
internal sealed class RecentTextCache<TValue>
    where TValue : class
{
    private readonly int generationSize;
    private readonly int longestText;
    private readonly Lock rotation = new();
    private Generation newer = new();
    private Generation older = new();

    public RecentTextCache(int capacity, int longestText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(longestText);
        generationSize = capacity / 2;
        this.longestText = longestText;
    }

    public bool TryGet(string text, [NotNullWhen(true)] out TValue? value)
    {
        if (text.Length > longestText)
        {
            value = null;
            return false;
        }

        if (newer.Values.TryGetValue(text, out value))
        {
            return true;
        }

        if (older.Values.TryGetValue(text, out value))
        {
            Keep(text, value);
            return true;
        }

        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="text"/>, unless a value is already kept for it in the newer
    /// generation (equal texts give equal values).</summary>
    public void Add(string text, TValue value)
    {
        if (text.Length <= longestText)
        {
            Keep(text, value);
        }
    }

    /// <summary>The value kept for <paramref name="text"/>, or the one <paramref name="compute"/> gives (then kept).</summary>
    public TValue GetOrAdd(string text, Func<string, TValue> compute)
    {
        if (TryGet(text, out var known))
        {
            return known;
        }

        var value = compute(text);
        Add(text, value);
        return value;
    }

    private void Keep(string text, TValue value)
    {
        var generation = newer;
        // Counted here rather than read from the dictionary: ConcurrentDictionary.Count takes every one of its locks.
        if (!generation.Values.TryAdd(text, value) || Interlocked.Increment(ref generation.Count) < generationSize)
        {
            return;
        }

        lock (rotation)
        {
            if (ReferenceEquals(newer, generation))
            {
                older = generation;
                newer = new Generation();
            }
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, TValue> Values = new(StringComparer.Ordinal);

        public int Count;
    }
}
