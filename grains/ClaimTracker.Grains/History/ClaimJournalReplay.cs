using System.Runtime.CompilerServices;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.History;

/// <summary>Reads a claim's journal oldest first, a chunk at a time, so a long journal is never held whole.</summary>
internal sealed class ClaimJournalReplay(IClaimJournal journal, PayloadSerializer serializer)
{
    private const int ChunkSize = 1000;

    /// <summary>The statements at versions <paramref name="first"/>…<paramref name="last"/>, oldest first, with their versions.</summary>
    public async IAsyncEnumerable<(long Version, StatementRecord Statement)> ReadAsync(
        string claimId, long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var from = first; from <= last; from += ChunkSize)
        {
            var to = Math.Min(last, from + ChunkSize - 1);
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
