using ClaimTracker.Grains.Storage;
using Orleans.Concurrency;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace ClaimTracker.Grains.Actors;

/// <summary>
/// One actor, event-sourced over the append-only journal (reads only the confirmed <c>State</c>; see ClaimGrain).
/// Reentrant: while one write is in flight, the events that later reports raise wait as tentative
/// updates and the log-view adaptor writes them together, so a busy outlet or source does not pay one
/// commit round trip per report.
/// </summary>
[LogConsistencyProvider(ProviderName = GrainProviders.LogConsistency)]
[Reentrant]
public sealed class ActorGrain(IClaimTrackerStore store, PayloadSerializer serializer)
    : JournaledGrain<ActorState, ActorJournalEvent>, IActorGrain, ICustomStorageInterface<ActorState, ActorJournalEvent>
{
    public async Task Record(ActorActivity activity)
    {
        var state = State;
        var events = new List<ActorJournalEvent>(activity.Aliases.Length + activity.Statements.Length);
        foreach (var alias in activity.Aliases)
        {
            AddIfNew(new AliasSeen(alias, activity.ReportId, activity.KindHint));
        }

        foreach (var statement in activity.Statements)
        {
            AddIfNew(new StatementAttributed(statement.StatementId, statement.ClaimId, activity.ReportId));
        }

        if (events.Count == 0)
        {
            return;
        }

        RaiseEvents(events);
        await ConfirmEvents();

        void AddIfNew(ActorJournalEvent candidate)
        {
            if (state.IsNew(candidate))
            {
                events.Add(candidate);
            }
        }
    }

    public Task<ActorSnapshot?> Get() =>
        Task.FromResult(State.Exists ? State.Snapshot(this.GetPrimaryKeyString()) : null);

    protected override void TransitionState(ActorState state, ActorJournalEvent @event) => state.Apply(@event);

    public async Task<KeyValuePair<int, ActorState>> ReadStateFromStorage()
    {
        var state = new ActorState();
        var entries = await store.ReadJournalAsync("actor/" + this.GetPrimaryKeyString());
        foreach (var entry in entries)
        {
            state.Apply(serializer.Deserialize<ActorJournalEvent>(entry.Payload));
        }

        return new KeyValuePair<int, ActorState>(entries.Count, state);
    }

    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<ActorJournalEvent> updates, int expectedVersion)
    {
        // After an ambiguous failure the provider re-reads and retries: skip what already landed. Two
        // interleaved calls for one report (a client's retry) may both have raised the same event.
        var state = State;
        var events = new List<JournalAppend>(updates.Count);
        var listing = state.Listing.Clone();
        foreach (var update in updates)
        {
            if (!state.IsNew(update))
            {
                continue;
            }

            var key = EventKey(update);
            if (Holds(events, key))
            {
                continue;
            }

            events.Add(new JournalAppend(key, serializer.Serialize(update)));
            listing.Apply(update);
        }

        if (events.Count == 0)
        {
            return true;
        }

        var actorId = this.GetPrimaryKeyString();
        var summary = new ActorSnapshot(actorId, listing.Name, listing.Kind, [.. listing.Aliases], listing.StatementCount, [], []);
        var row = new ActorRow(actorId, listing.Name, summary.Aliases, serializer.Serialize(summary));
        return await store.AppendActorAsync(actorId, expectedVersion, events, row);
    }

    private static bool Holds(List<JournalAppend> events, string key)
    {
        foreach (var appended in events)
        {
            if (string.Equals(appended.EventKey, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string EventKey(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasSeen seen => "alias:" + seen.ReportId + ":" + seen.Alias,
        StatementAttributed attributed => "statement:" + attributed.StatementId,
        _ => throw new ArgumentOutOfRangeException(nameof(journalEvent), journalEvent.GetType().Name, "unknown actor event"),
    };
}
