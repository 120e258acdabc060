using ClaimTracker.Grains.Actors;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.History;

/// <summary>
/// An actor's past, replayed from its journal: the actor at any version or time, and its events with the aliases after each.
/// </summary>
public sealed class ActorHistory(IActorJournal journal, PayloadSerializer serializer)
{
    private readonly ActorJournalReplay replay = new(journal, serializer);

    /// <summary>
    /// The actor as it stood at <paramref name="at"/>; null if it has no journal at all. Events journaled before times
    /// were kept count as before any time.
    /// </summary>
    public async Task<ActorAt?> GetActorAtAsync(string actorId, HistoryPoint at, CancellationToken cancellationToken)
    {
        var state = new ActorState();
        long latest = 0;
        var stopped = false;
        await foreach (var (version, journalEvent) in replay.ReadAsync(actorId, 1, int.MaxValue, cancellationToken))
        {
            latest = version;
            stopped |= at.IsPast(version, RecordedAt(journalEvent));
            if (!stopped)
            {
                state.Apply(journalEvent);
            }
        }

        return latest == 0 ? null : new ActorAt(state.Exists ? state.Snapshot(actorId) : null, latest);
    }

    /// <summary>
    /// The events after <paramref name="afterVersion"/>, oldest first, at most <paramref name="pageSize"/>; null if none exist.
    /// </summary>
    public async Task<ActorHistoryPage?> GetHistoryAsync(
        string actorId, long afterVersion, int pageSize, CancellationToken cancellationToken)
    {
        var state = new ActorState();
        var versions = new List<ActorVersionRecord>(Math.Min(pageSize, 64));
        long latest = 0;
        long? next = null;

        // One event past the page tells whether another page follows.
        await foreach (var (version, journalEvent) in replay.ReadAsync(actorId, 1, afterVersion + pageSize + 1, cancellationToken))
        {
            latest = version;
            if (version > afterVersion + pageSize)
            {
                next = afterVersion + pageSize;
                break;
            }

            var newAlias = SeenAliases(journalEvent)
                .Any(alias => !state.Listing.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase));
            state.Apply(journalEvent);
            if (version > afterVersion)
            {
                versions.Add(new ActorVersionRecord(version, journalEvent, newAlias, state.Listing.Name, [.. state.Listing.Aliases]));
            }
        }

        return latest == 0 ? null : new ActorHistoryPage(versions, next, latest);
    }

    /// <summary>The aliases a report used in <paramref name="journalEvent"/>: none for statements and corrections.</summary>
    private static IEnumerable<string> SeenAliases(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasSeen seen => [seen.Alias],
        ReportActivityRecorded activity => activity.Aliases,
        _ => [],
    };

    public static DateTimeOffset? RecordedAt(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasSeen seen => seen.RecordedAt,
        ReportActivityRecorded activity => activity.RecordedAt,
        StatementAttributed attributed => attributed.RecordedAt,
        AliasMovedOut moved => moved.Correction.RecordedAt,
        AliasMovedIn moved => moved.Correction.RecordedAt,
        ActorMergedInto merged => merged.Correction.RecordedAt,
        _ => null,
    };
}
