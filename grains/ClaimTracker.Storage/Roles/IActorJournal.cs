using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Storage;

/// <summary>The actors' append-only journal, one stream per actor; same contract as <see cref="IClaimJournal"/>.</summary>
public interface IActorJournal
{
    /// <summary>Every entry of the actor's stream, oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadActorAsync(string actorId, CancellationToken cancellationToken = default);

    /// <summary>The entries at versions <paramref name="firstVersion"/>…<paramref name="lastVersion"/> (inclusive), oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadActorAsync(
        string actorId, int firstVersion, int lastVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="events"/> at versions expectedVersion+1… and the projection; false
    /// (nothing written) if the stream is not at <paramref name="expectedVersion"/>.
    /// </summary>
    Task<bool> AppendActorAsync(string actorId, int expectedVersion, IReadOnlyList<JournalAppend> events, ActorRow projection);
}

/// <summary>The queryable projection of an actor, written in the same transaction as its journal entries.</summary>
public sealed record ActorRow(string ActorId, string Name, string[] Aliases, byte[] Snapshot)
{
    /// <summary>The name and aliases normalized, distinct, name first, joined by " | ": what name search matches.</summary>
    public string NormalizedNames()
    {
        var names = new string[Aliases.Length + 1];
        var count = 0;
        for (var i = -1; i < Aliases.Length; i++)
        {
            var normalized = ClaimText.Normalize(i < 0 ? Name : Aliases[i]);
            if (Array.IndexOf(names, normalized, 0, count) < 0)
            {
                names[count++] = normalized;
            }
        }

        return string.Join(" | ", names, 0, count);
    }
}
