using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace ClaimTracker.Grains.Actors;

/// <summary>
/// One actor, event-sourced over the append-only journal the same way as <see cref="Claims.ClaimGrain"/>:
/// the state is rebuilt from the journal at activation and changes only once a write is confirmed.
/// Reentrant: while one write is in flight, the events that later reports raise queue up and go out
/// together in the next write, so a busy outlet or source does not pay one commit round trip per report. Events queue
/// one per alias and statement (so a retry shares exactly what it repeats) and are journaled one entry per report
/// (<see cref="ReportActivityRecorded"/>).
/// </summary>
[Reentrant]
public sealed partial class ActorGrain(IActorJournal journal, PayloadSerializer serializer, ILogger<ActorGrain> logger)
    : Grain, IActorGrain
{
    private JournalWriteQueue<ActorJournalEvent, bool>? writes;

    // What the journal holds: the state and the number of entries (the version a write must follow).
    private ActorState state = new();
    private int journalVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReadStateAsync(cancellationToken);

    /// <summary>
    /// Journals what <paramref name="activity"/> adds (aliases seen, statements attributed); what the
    /// journal holds is skipped.
    /// </summary>
    public Task Record(ActorActivity activity)
    {
        var fresh = new List<(string Key, ActorJournalEvent Event)>(activity.Aliases.Length + activity.Statements.Length);
        foreach (var alias in activity.Aliases)
        {
            Add(new AliasSeen(alias, activity.ReportId, activity.KindHint, activity.RecordedAt));
        }

        foreach (var statement in activity.Statements)
        {
            Add(new StatementAttributed(statement.StatementId, statement.ClaimId, activity.ReportId, activity.RecordedAt));
        }

        // Two interleaved calls for one report (a client's retry) share the queued events; one call's events go out in
        // one write, so they become one journal entry.
        return fresh.Count == 0 ? Task.CompletedTask : (writes ??= new()).EnqueueAll(fresh, AppendAsync);

        void Add(ActorJournalEvent journalEvent)
        {
            if (state.IsNew(journalEvent))
            {
                fresh.Add((EventKey(journalEvent), journalEvent));
            }
        }
    }

    public Task Correct(ActorJournalEvent correction) =>
        state.IsNew(correction)
            ? (writes ??= new()).Enqueue(EventKey(correction), correction, AppendAsync)
            : Task.CompletedTask;

    public Task<ActorSnapshot?> Get() =>
        Task.FromResult(state.Exists ? state.Snapshot(this.GetPrimaryKeyString()) : null);

    /// <summary>
    /// Writes what of <paramref name="batch"/> the journal does not hold yet, then applies it. After a
    /// failed write (whose outcome is unknown) or a version conflict, the journal is read again and
    /// what is still missing is written.
    /// </summary>
    private async Task<IReadOnlyList<bool>> AppendAsync(List<ActorJournalEvent> batch)
    {
        var actorId = this.GetPrimaryKeyString();
        await JournalRetry.RunAsync(
            "actor " + actorId,
            async () =>
            {
                var fresh = batch.FindAll(state.IsNew);
                if (fresh.Count == 0)
                {
                    return true;
                }

                var entries = ActorJournalEntries.Of(fresh);
                if (!await WriteAsync(entries))
                {
                    return false;
                }

                entries.ForEach(state.Apply);
                journalVersion += entries.Count;
                return true;
            },
            () => ReadStateAsync(CancellationToken.None),
            (ex, attempt) => LogWriteRetry(ex, actorId, attempt));
        return batch.ConvertAll(_ => true);
    }

    /// <summary>One transaction: <paramref name="entries"/> and the actor's projection after them.</summary>
    private Task<bool> WriteAsync(List<ActorJournalEvent> entries)
    {
        var events = new List<JournalAppend>(entries.Count);
        var listing = state.Listing.Clone();
        foreach (var journalEvent in entries)
        {
            events.Add(new JournalAppend(EventKey(journalEvent), serializer.Serialize(journalEvent)));
            listing.Apply(journalEvent);
        }

        var actorId = this.GetPrimaryKeyString();
        var summary = new ActorSnapshot(actorId, listing.Name, listing.Kind, [.. listing.Aliases], listing.StatementCount, [], []);
        var row = new ActorRow(actorId, listing.Name, summary.Aliases, serializer.Serialize(summary));
        return journal.AppendActorAsync(actorId, journalVersion, events, row);
    }

    private async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var read = new ActorState();
        var entries = await journal.ReadActorAsync(this.GetPrimaryKeyString(), cancellationToken);
        foreach (var entry in entries)
        {
            read.Apply(serializer.Deserialize<ActorJournalEvent>(entry.Payload));
        }

        state = read;
        journalVersion = entries.Count;
    }

    private static string EventKey(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasSeen seen => "alias:" + seen.ReportId + ":" + seen.Alias,
        StatementAttributed attributed => "statement:" + attributed.StatementId,
        ReportActivityRecorded activity => "report:" + activity.ReportId,
        AliasMovedOut or AliasMovedIn or ActorMergedInto => ActorState.CorrectionKey(journalEvent),
        _ => throw new ArgumentOutOfRangeException(nameof(journalEvent), journalEvent.GetType().Name, "unknown actor event"),
    };

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Actor {ActorId}: journal write attempt {Attempt} failed; re-reading the journal and retrying")]
    private partial void LogWriteRetry(Exception exception, string actorId, int attempt);
}
