namespace ClaimTracker.Storage;

/// <summary>
/// The analysts' alias pins, all in memory (they are few): key → actor, the latest pin of a key winning. A pinned
/// identifying key decides; a pinned non-identifying alias ("kim") decides only for a mention with no identifying key,
/// so "Kim Jong Un … Kim said" still follows the full name.
/// </summary>
internal sealed class AliasPins
{
    private readonly Lock gate = new();
    private Dictionary<string, string> actorByKey = new(StringComparer.Ordinal);
    private long lastSeq;
    private long refreshedAt = long.MinValue;

    public long LastSeq
    {
        get
        {
            lock (gate)
            {
                return lastSeq;
            }
        }
    }

    public bool IsStale(TimeSpan maxAge) =>
        Volatile.Read(ref refreshedAt) == long.MinValue
        || (maxAge != Timeout.InfiniteTimeSpan && Environment.TickCount64 - Volatile.Read(ref refreshedAt) > maxAge.TotalMilliseconds);

    /// <summary>Pins read from the store, oldest first; those seen before are skipped.</summary>
    public void Apply(IEnumerable<(long Seq, string Key, string ActorId)> rows)
    {
        lock (gate)
        {
            Dictionary<string, string>? next = null;
            foreach (var (seq, key, actorId) in rows)
            {
                if (seq > lastSeq)
                {
                    (next ??= new Dictionary<string, string>(actorByKey, StringComparer.Ordinal))[key] = actorId;
                    lastSeq = seq;
                }
            }

            if (next is not null)
            {
                actorByKey = next;
            }

            Volatile.Write(ref refreshedAt, Environment.TickCount64);
        }
    }

    /// <summary>The pinned actor of each candidate, or null where the machine decides.</summary>
    public string?[] Resolve(IReadOnlyList<ActorAliasCandidate> candidates)
    {
        var pins = Volatile.Read(ref actorByKey);
        var resolved = new string?[candidates.Count];
        if (pins.Count == 0)
        {
            return resolved;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var keys = candidates[i].AliasKeys.Count > 0 ? candidates[i].AliasKeys : candidates[i].PinKeys;
            resolved[i] = keys.Select(pins.GetValueOrDefault).FirstOrDefault(id => id is not null);
        }

        return resolved;
    }
}
