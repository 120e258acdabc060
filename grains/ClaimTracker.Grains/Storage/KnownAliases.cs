using System.Collections.Concurrent;

namespace ClaimTracker.Grains.Storage;

/// <summary>
/// Alias keys already seen in the alias directory, with their actor. An alias, once registered, never
/// changes actor (first writer wins, rows are never updated), so what is remembered stays true; the
/// count is capped so a huge directory cannot grow the cache without bound.
/// </summary>
internal sealed class KnownAliases(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<string, string> actorByKey = new(StringComparer.Ordinal);

    public bool TryGet(string key, out string actorId) => actorByKey.TryGetValue(key, out actorId!);

    public void Remember(string key, string actorId)
    {
        if (actorByKey.Count < capacity)
        {
            actorByKey.TryAdd(key, actorId);
        }
    }
}
