using System.Collections.Concurrent;

namespace ClaimTracker.Grains.Reports;

/// <summary>
/// The actors this silo has seen recorded. An actor is never deleted, so one recorded once is found by GetActor from then
/// on: a report need not wait for its record before changing claims that name it. Bounded: when full it forgets
/// everything and learns again, which costs reports only the wait.
/// </summary>
public sealed class RecordedActors(int capacity = RecordedActors.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, byte> actorIds = new(StringComparer.Ordinal);
    private int count;

    public bool Contains(string actorId) => actorIds.ContainsKey(actorId);

    public void Add(string actorId)
    {
        if (!actorIds.TryAdd(actorId, 0))
        {
            return;
        }

        // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
        if (Interlocked.Increment(ref count) > capacity)
        {
            actorIds.Clear();
            Interlocked.Exchange(ref count, 0);
        }
    }
}
