using System.Runtime.CompilerServices;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.History;

/// <summary>
/// Reads a claim's journal oldest first, a chunk at a time, so a long journal is never held whole. The first chunk is
/// one checkpoint interval and the chunks double up to 1,000 entries: a read that stops early (at an as_of point, a
/// checkpoint interval or less after where it started) reads no more rows than it needs.
/// </summary>
internal sealed class ClaimJournalReplay(IClaimJournal journal, PayloadSerializer serializer)
{
    private const int ChunkSize = 1000;

    /// <summary>The statements at versions <paramref name="first"/>…<paramref name="last"/>, oldest first, with their versions.</summary>
    public async IAsyncEnumerable<(long Version, StatementRecord Statement)> ReadAsync(
        string claimId, long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = ClaimCheckpoints.Interval;
        for (var from = first; from <= last; from += chunk, chunk = Math.Min(ChunkSize, chunk * 2))
        {
            var to = Math.Min(last, from + chunk - 1);
            var entries = await journal.ReadClaimAsync(claimId, (int)from, (int)to, cancellationToken);
            foreach (var entry in entries)
            {
                if (serializer.Deserialize<ClaimJournalEvent>(entry.Payload) is StatementRecorded recorded)
                {
                    yield return (entry.Version, recorded.Statement);
                }
            }

            if (entries.Count < to - from + 1)
            {
                yield break;
            }
        }
    }
}

/// <summary>Reads an actor's journal oldest first, a chunk at a time.</summary>
internal sealed class ActorJournalReplay(IActorJournal journal, PayloadSerializer serializer)
{
    private const int ChunkSize = 1000;

    public async IAsyncEnumerable<(long Version, ActorJournalEvent Event)> ReadAsync(
        string actorId, long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var from = first; from <= last; from += ChunkSize)
        {
            var to = Math.Min(last, from + ChunkSize - 1);
            var entries = await journal.ReadActorAsync(actorId, (int)from, (int)to, cancellationToken);
            foreach (var entry in entries)
            {
                yield return (entry.Version, serializer.Deserialize<ActorJournalEvent>(entry.Payload));
            }

            if (entries.Count < to - from + 1)
            {
                yield break;
            }
        }
    }
}
