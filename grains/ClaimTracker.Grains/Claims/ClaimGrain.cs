using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Storage;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace ClaimTracker.Grains.Claims;

/// <summary>
/// One claim, event-sourced over the append-only journal. The grain reads only the confirmed
/// <c>State</c>, never <c>TentativeState</c>: JournaledGrain builds the tentative state by deep-copying
/// the whole claim, which would make every append cost O(history).
/// </summary>
[LogConsistencyProvider(ProviderName = GrainProviders.LogConsistency)]
public sealed class ClaimGrain(IClaimTrackerStore store, PayloadSerializer serializer, ClaimFeed feed)
    : JournaledGrain<ClaimState, ClaimJournalEvent>, IClaimGrain, ICustomStorageInterface<ClaimState, ClaimJournalEvent>
{
    private const string PageTokenPrefix = "before:";

    // Feed entries for the event being confirmed, computed before it is raised.
    private IReadOnlyList<ClaimChange> pendingChanges = [];

    public async Task<AddStatementResult> AddStatement(StatementRecord statement)
    {
        var state = State;
        if (state.Find(statement.StatementId) is { } known)
        {
            return new AddStatementResult(known.StatementId, known.Stance, ClaimCreated: state.Statements[0].StatementId == known.StatementId, state.Assessment.Status);
        }

        var created = !state.Exists;
        var before = created ? CorroborationStatus.Unspecified : state.Assessment.Status;
        var after = state.SummaryWith(statement);
        var changes = new List<ClaimChange>
        {
            new()
            {
                Kind = created ? ClaimChangeKind.ClaimCreated : ClaimChangeKind.StatementAdded,
                Claim = after,
                Statement = statement,
                OccurredAt = statement.RecordedAt,
            },
        };
        if (!created && after.Status != before)
        {
            changes.Add(new ClaimChange
            {
                Kind = ClaimChangeKind.StatusChanged,
                Claim = after,
                PreviousStatus = before,
                OccurredAt = statement.RecordedAt,
            });
        }

        pendingChanges = changes;
        try
        {
            RaiseEvent(new StatementRecorded(statement));
            await ConfirmEvents();
        }
        finally
        {
            pendingChanges = [];
        }

        feed.NotifyAppended();
        return new AddStatementResult(statement.StatementId, statement.Stance, created, State.Assessment.Status);
    }

    public Task<bool> Exists() => Task.FromResult(State.Exists);

    public Task<ClaimDetails?> GetDetails(int statementPageSize, string statementPageToken)
    {
        var state = State;
        if (!state.Exists)
        {
            return Task.FromResult<ClaimDetails?>(null);
        }

        var end = state.Statements.Count;
        if (statementPageToken.StartsWith(PageTokenPrefix, StringComparison.Ordinal)
            && int.TryParse(statementPageToken.AsSpan(PageTokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var before))
        {
            end = Math.Clamp(before, 0, end);
        }

        var start = Math.Max(0, end - statementPageSize);
        var page = new StatementRecord[end - start];
        for (var i = 0; i < page.Length; i++)
        {
            page[i] = state.Statements[end - 1 - i];
        }

        var next = start > 0 ? PageTokenPrefix + start.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return Task.FromResult<ClaimDetails?>(new ClaimDetails(state.Summary(), page, next));
    }

    /// <summary>True if <paramref name="token"/> is empty or one this grain hands out.</summary>
    public static bool IsValidPageToken(string token) =>
        token.Length == 0
        || (token.StartsWith(PageTokenPrefix, StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(PageTokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    protected override void TransitionState(ClaimState state, ClaimJournalEvent @event) => state.Apply(@event);

    public async Task<KeyValuePair<int, ClaimState>> ReadStateFromStorage()
    {
        var state = new ClaimState();
        var entries = await store.ReadJournalAsync("claim/" + this.GetPrimaryKeyString());
        foreach (var entry in entries)
        {
            state.Apply(serializer.Deserialize<ClaimJournalEvent>(entry.Payload));
        }

        return new KeyValuePair<int, ClaimState>(entries.Count, state);
    }

    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<ClaimJournalEvent> updates, int expectedVersion)
    {
        // After an ambiguous failure the provider re-reads and retries: skip what already landed.
        var state = State;
        var fresh = updates.OfType<StatementRecorded>().Where(u => !state.Contains(u.Statement.StatementId)).ToList();
        if (fresh.Count == 0)
        {
            return true;
        }

        var events = fresh.ConvertAll(u => new JournalAppend(u.Statement.StatementId, serializer.Serialize<ClaimJournalEvent>(u)));
        var summary = pendingChanges.Count > 0 ? pendingChanges[^1].Claim : state.SummaryWith(fresh[^1].Statement);
        var projection = new ClaimRow(
            this.GetPrimaryKeyString(),
            summary.Text,
            summary.Status,
            summary.UpdatedAt,
            fresh.Select(u => u.Statement.ActorId).Distinct().ToArray(),
            serializer.Serialize(summary));
        var feedEntries = pendingChanges.Select(change => serializer.Serialize(change)).ToList();
        return await store.AppendClaimAsync(this.GetPrimaryKeyString(), expectedVersion, events, feedEntries, projection);
    }
}
