using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Storage;
using Orleans.Concurrency;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace ClaimTracker.Grains.Claims;

/// <summary>
/// One claim, event-sourced over the append-only journal. The grain reads only the confirmed
/// <c>State</c>, never <c>TentativeState</c>: JournaledGrain builds the tentative state by deep-copying
/// the whole claim, which would make every append cost O(history). The state is a compact summary;
/// statements are read back from the journal when asked for (a page, or an earlier result).
/// </summary>
[LogConsistencyProvider(ProviderName = GrainProviders.LogConsistency)]
[Reentrant]
public sealed class ClaimGrain(IClaimTrackerStore store, PayloadSerializer serializer, ClaimFeed feed)
    : JournaledGrain<ClaimState, ClaimJournalEvent>, IClaimGrain, ICustomStorageInterface<ClaimState, ClaimJournalEvent>
{
    private const string PageTokenPrefix = "before:";

    // Statements waiting for the next journal write, and the batch being confirmed now; allocated
    // while appends are pending only, since most claims sit idle between them.
    private List<(StatementRecord Statement, TaskCompletionSource<AddStatementResult> Done)>? queued;
    private Dictionary<string, Task<AddStatementResult>>? inFlight;
    private IReadOnlyList<PlannedAppend> confirming = [];
    private bool flushing;

    /// <summary>
    /// Appends a statement. Calls interleave ([Reentrant]): while one journal write is in flight, the
    /// statements that arrive queue up and go out together in the next write, so a hot claim does not
    /// pay one commit round trip per statement.
    /// </summary>
    public Task<AddStatementResult> AddStatement(StatementRecord statement)
    {
        if (State.Contains(statement.StatementId))
        {
            return EarlierResultAsync(statement.StatementId);
        }

        inFlight ??= new Dictionary<string, Task<AddStatementResult>>(StringComparer.Ordinal);
        if (inFlight.TryGetValue(statement.StatementId, out var pending))
        {
            return pending;
        }

        var done = new TaskCompletionSource<AddStatementResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        queued ??= [];
        queued.Add((statement, done));
        inFlight[statement.StatementId] = done.Task;
        if (!flushing)
        {
            flushing = true;
            _ = FlushAsync();
        }

        return done.Task;
    }

    /// <summary>What adding a statement already recorded returned: its stance is read back from the journal.</summary>
    private async Task<AddStatementResult> EarlierResultAsync(string statementId)
    {
        var state = State;
        var status = state.Assessment.Status;
        var firstStatementId = state.FirstStatementId;
        var statements = await ReadStatementsAsync(1, (int)state.Version);
        var known = statements.First(s => s.StatementId == statementId);
        return new AddStatementResult(known.StatementId, known.Stance, ClaimCreated: firstStatementId == statementId, status);
    }

    private async Task FlushAsync()
    {
        try
        {
            while (queued is { Count: > 0 })
            {
                var batch = queued.ToList();
                queued.Clear();
                try
                {
                    confirming = State.Plan(batch.ConvertAll(b => b.Statement));
                    RaiseEvents(batch.ConvertAll(b => (ClaimJournalEvent)new StatementRecorded(b.Statement)));
                    await ConfirmEvents();
                    feed.NotifyAppended();
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.TrySetResult(confirming[i].Result);
                    }
                }
                catch (Exception ex)
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                }
                finally
                {
                    confirming = [];
                    batch.ForEach(b => inFlight!.Remove(b.Statement.StatementId));
                }
            }
        }
        finally
        {
            flushing = false;
            queued = null;
            inFlight = null;
        }
    }

    public Task<bool> Exists() => Task.FromResult(State.Exists);

    public async Task<ClaimDetails?> GetDetails(int statementPageSize, string statementPageToken)
    {
        var state = State;
        if (!state.Exists)
        {
            return null;
        }

        // The summary and the page describe the same confirmed version, whatever lands meanwhile.
        var summary = state.Summary();
        var end = (int)state.Version;
        if (statementPageToken.StartsWith(PageTokenPrefix, StringComparison.Ordinal)
            && int.TryParse(statementPageToken.AsSpan(PageTokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var before))
        {
            end = Math.Clamp(before, 0, end);
        }

        var start = Math.Max(0, end - statementPageSize);
        var page = end > start ? await ReadStatementsAsync(start + 1, end) : [];
        page.Reverse();
        var next = start > 0 ? PageTokenPrefix + start.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return new ClaimDetails(summary, [.. page], next);
    }

    /// <summary>The statements at journal versions <paramref name="first"/>…<paramref name="last"/> (one per version), oldest first.</summary>
    private async Task<List<StatementRecord>> ReadStatementsAsync(int first, int last)
    {
        var entries = await store.ReadJournalAsync(Stream, first, last);
        return entries.Select(entry => serializer.Deserialize<ClaimJournalEvent>(entry.Payload)).OfType<StatementRecorded>().Select(e => e.Statement).ToList();
    }

    private string Stream => "claim/" + this.GetPrimaryKeyString();

    /// <summary>True if <paramref name="token"/> is empty or one this grain hands out.</summary>
    public static bool IsValidPageToken(string token) =>
        token.Length == 0
        || (token.StartsWith(PageTokenPrefix, StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(PageTokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    protected override void TransitionState(ClaimState state, ClaimJournalEvent @event) => state.Apply(@event);

    public async Task<KeyValuePair<int, ClaimState>> ReadStateFromStorage()
    {
        var state = new ClaimState();
        var entries = await store.ReadJournalAsync(Stream);
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

        // The feed entries and projection must describe exactly what this write appends.
        var planned = confirming.Count == fresh.Count && confirming.Select(p => p.Statement.StatementId).SequenceEqual(fresh.Select(u => u.Statement.StatementId))
            ? confirming
            : state.Plan(fresh.ConvertAll(u => u.Statement));
        var summary = planned[^1].Changes[0].Claim;
        var events = fresh.ConvertAll(u => new JournalAppend(u.Statement.StatementId, serializer.Serialize<ClaimJournalEvent>(u)));
        var projection = new ClaimRow(
            this.GetPrimaryKeyString(),
            summary.Text,
            summary.Status,
            summary.UpdatedAt,
            fresh.Select(u => u.Statement.ActorId).Distinct().ToArray(),
            serializer.Serialize(summary));
        var feedEntries = planned.SelectMany(p => p.Changes).Select(change => serializer.Serialize(change)).ToList();
        return await store.AppendClaimAsync(this.GetPrimaryKeyString(), expectedVersion, events, feedEntries, projection);
    }
}
