using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.Reliability;
using ClaimTracker.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ClaimTracker.Grains.Claims;

/// <summary>
/// One claim, event-sourced over the append-only journal: the state is rebuilt from the journal at
/// activation and changes only once a write is confirmed. The state is a compact summary; statements
/// are read back from the journal when asked for (a page, or an earlier result). A plain grain, not a
/// JournaledGrain: its log-view machinery cost about a kilobyte per active claim, and this grain
/// already queues and batches its own writes.
/// </summary>
[Reentrant]
public sealed partial class ClaimGrain(
    IClaimJournal journal,
    PayloadSerializer serializer,
    ClaimFeed feed,
    IOptions<MatchingOptions> matching,
    SourceGrades grades,
    ILogger<ClaimGrain> logger)
    : Grain, IClaimGrain
{
    // Statements waiting for the next journal write; allocated at the first append only, since most
    // activations (reads) never append.
    private JournalWriteQueue<StatementRecord, AddStatementResult>? writes;

    // What the journal holds: the state and the number of entries (the version a write must follow).
    private ClaimState state = new(matching.Value.StanceConfidenceFloor);
    private int journalVersion;

    // One journal write at a time: a batch of statements or a correction (corrections replay the journal
    // and must not interleave with a batch planned against the state before them).
    private readonly WriteGate writeGate = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReadStateAsync(cancellationToken);

    /// <summary>
    /// Appends a statement. Calls interleave ([Reentrant]): while one journal write is in flight, the
    /// statements that arrive queue up and go out together in the next write, so a hot claim does not
    /// pay one commit round trip per statement.
    /// </summary>
    public Task<AddStatementResult> AddStatement(StatementRecord statement)
    {
        if (state.Contains(statement.StatementId))
        {
            return EarlierResultAsync(statement.StatementId);
        }

        return (writes ??= new()).Enqueue(statement.StatementId, statement, AppendAsync);
    }

    /// <summary>What adding a statement already recorded returned: its stance is read back from the journal.</summary>
    private async Task<AddStatementResult> EarlierResultAsync(string statementId)
    {
        var confirmed = state;
        var status = confirmed.Assessment.Status;
        var firstStatementId = confirmed.FirstStatementId;
        var statements = await ReadStatementsAsync(1, (int)confirmed.Version);
        var known = statements.First(s => s.StatementId == statementId);
        return new AddStatementResult(known.StatementId, known.Stance, ClaimCreated: firstStatementId == statementId, status)
        {
            AlreadyRecorded = true,
        };
    }

    /// <summary>
    /// Writes <paramref name="batch"/> to the journal, then applies it. After a failed write (whose
    /// outcome is unknown) or a version conflict, the journal is read again and what is still missing
    /// is written; the callers are told what the batch did as planned against the state it followed.
    /// </summary>
    private async Task<IReadOnlyList<AddStatementResult>> AppendAsync(List<StatementRecord> batch)
    {
        return await writeGate.RunAsync(() => state.MergedInto.Length > 0 ? ForwardToMergeTargetAsync(batch) : AppendUnderGateAsync(batch));
    }

    private async Task<IReadOnlyList<AddStatementResult>> AppendUnderGateAsync(List<StatementRecord> batch)
    {
        // Judged with the grades of the moment when weighting by reliability is on (null, the default rules, when off).
        state.Weighting = grades.Weighting;
        var planned = state.Plan(batch);
        var claimId = this.GetPrimaryKeyString();
        await JournalRetry.RunAsync(
            "claim " + claimId,
            async () =>
            {
                var fresh = batch.FindAll(s => !state.Contains(s.StatementId));
                if (fresh.Count == 0)
                {
                    return true;
                }

                var writing = fresh.Count == batch.Count ? planned : state.Plan(fresh);
                if (!await WriteAsync(writing))
                {
                    return false;
                }

                foreach (var append in writing)
                {
                    state.Apply(new StatementRecorded(append.Statement));
                }

                journalVersion += writing.Count;
                feed.NotifyAppended();
                return true;
            },
            () => ReadStateAsync(CancellationToken.None),
            (ex, attempt) => LogWriteRetry(ex, claimId, attempt));

        return planned.Select(p => p.Result).ToList();
    }

    /// <summary>One transaction: the journal entries, the feed entries and the projection of <paramref name="planned"/>.</summary>
    private Task<bool> WriteAsync(IReadOnlyList<PlannedAppend> planned)
    {
        var claimId = this.GetPrimaryKeyString();
        var summary = planned[^1].Changes[0].Claim;
        var events = new List<JournalAppend>(planned.Count);
        var feedEntries = new List<byte[]>(planned.Count);
        var newActors = new List<string>(1);
        foreach (var append in planned)
        {
            events.Add(new JournalAppend(
                append.Statement.StatementId,
                serializer.Serialize<ClaimJournalEvent>(new StatementRecorded(append.Statement))));
            foreach (var change in append.Changes)
            {
                feedEntries.Add(FeedPayload.Pack(serializer.Serialize(change)));
            }

            // An actor the state knows was linked to the claim by the write that journaled it.
            var actorId = append.Statement.ActorId;
            if (!state.HasActor(actorId) && !newActors.Contains(actorId))
            {
                newActors.Add(actorId);
            }
        }

        // A search for claims finds a claim by its proposition and by the words first written for it.
        var searchText = summary.Verbatim.Length > 0 ? summary.Text + "\n" + summary.Verbatim : summary.Text;
        var projection = new ClaimRow(
            claimId, searchText, summary.Status, summary.UpdatedAt, [.. newActors], serializer.Serialize(summary))
        {
            Keys = ClaimListing.Keys(summary),
            Statements = planned.Select(append => ClaimListing.Row(append.Statement, serializer)).ToList(),
        };
        return journal.AppendClaimAsync(claimId, journalVersion, events, feedEntries, projection);
    }

    private async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var entries = await journal.ReadClaimAsync(this.GetPrimaryKeyString(), cancellationToken);
        state = ClaimState.Replay(entries.Select(entry => serializer.Deserialize<ClaimJournalEvent>(entry.Payload)).ToList(), StanceFloor);
        journalVersion = entries.Count;
        state.Weighting = grades.Weighting;
    }

    private double StanceFloor => matching.Value.StanceConfidenceFloor;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Claim {ClaimId}: journal write attempt {Attempt} failed; re-reading the journal and retrying")]
    private partial void LogWriteRetry(Exception exception, string claimId, int attempt);

    public Task<bool> Exists() => Task.FromResult(state.Exists);

    public async Task<ClaimDetails?> GetDetails(int statementPageSize, string statementPageToken)
    {
        var confirmed = state;
        if (!confirmed.Exists)
        {
            return null;
        }

        // The summary and the page describe the same confirmed version, whatever lands meanwhile.
        var summary = confirmed.Summary();
        var end = (int)confirmed.Version;
        if (StatementPageToken.TryParse(statementPageToken, out var before) && before is { } version)
        {
            end = Math.Clamp(version, 0, end);
        }

        var start = Math.Max(0, end - statementPageSize);
        var page = end > start ? await ReadStatementsAsync(start + 1, end) : [];
        page.Reverse();
        var next = start > 0 ? StatementPageToken.Format(start) : string.Empty;
        var withdrawn = new Dictionary<string, string>(StringComparer.Ordinal);
        if (confirmed.Corrections is { } corrections)
        {
            foreach (var statement in page.Where(s => corrections.IsInactive(s.StatementId)))
            {
                withdrawn[statement.StatementId] = corrections.NoteOf(statement.StatementId);
            }
        }

        return new ClaimDetails(summary, [.. page], next) { Withdrawn = withdrawn };
    }

    /// <summary>The statements at journal versions <paramref name="first"/>…<paramref name="last"/> (one per version), oldest
    /// first.</summary>
    private async Task<List<StatementRecord>> ReadStatementsAsync(int first, int last)
    {
        var entries = await journal.ReadClaimAsync(this.GetPrimaryKeyString(), first, last);
        return entries.Select(entry => serializer.Deserialize<ClaimJournalEvent>(entry.Payload))
            .Select(e => e switch
            {
                StatementRecorded recorded => recorded.Statement,
                StatementAbsorbed absorbed => absorbed.Statement,
                StatementRelinked relinked => relinked.Statement,
                _ => null,
            })
            .OfType<StatementRecord>()
            .Select(s => state.Corrections?.CurrentOf(s) ?? s)
            .ToList();
    }
}
