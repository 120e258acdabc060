using System.Collections.Concurrent;

namespace ClaimTracker.Storage;

/// <summary>
/// Alias keys already seen in the alias directory, with their actor. An alias, once registered, never
/// changes actor (first writer wins, rows are never updated), so what is remembered stays true; the
/// count is capped so a huge directory cannot grow the cache without bound.
/// </summary>
internal sealed class KnownAliases(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, string> actorByKey = new(StringComparer.Ordinal);

    public bool TryGet(string key, out string actorId) => actorByKey.TryGetValue(key, out actorId!);

    /// <summary>The distinct <paramref name="keys"/> remembered here, with their actor, and those to look up in the store (null if
    /// none).</summary>
    public (Dictionary<string, string> Known, string[]? Unknown) Split(IEnumerable<string> keys)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        HashSet<string>? unknown = null;
        foreach (var key in keys)
        {
            if (TryGet(key, out var actorId))
            {
                known[key] = actorId;
            }
            else
            {
                (unknown ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
            }
        }

        return (known, unknown?.ToArray());
    }

    /// <summary>Records a key the store answered for: in <paramref name="known"/>, and here.</summary>
    public void Learn(Dictionary<string, string> known, string key, string actorId)
    {
        known[key] = actorId;
        Remember(key, actorId);
    }

    public void Remember(string key, string actorId)
    {
        if (actorByKey.Count < capacity)
        {
            actorByKey.TryAdd(key, actorId);
        }
    }
}
