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
    private ConcurrentDictionary<string, TValue> newer = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, TValue> older = new(StringComparer.Ordinal);

    public RecentTextCache(int capacity, int longestText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(longestText);
        generationSize = capacity / 2;
        this.longestText = longestText;
    }

    public bool TryGet(string text, [NotNullWhen(true)] out TValue? value)
    {
        if (text.Length <= longestText && (newer.TryGetValue(text, out value) || older.TryGetValue(text, out value)))
        {
            Keep(text, value);
            return true;
        }

        value = null;
        return false;
    }

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
        newer[text] = value;
        if (newer.Count < generationSize)
        {
            return;
        }

        lock (rotation)
        {
            if (newer.Count >= generationSize)
            {
                older = newer;
                newer = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
            }
        }
    }
}
