using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Corroboration;
using ClaimTracker.Analysis.Reliability;

namespace ClaimTracker.Grains.Claims;

/// <summary>
/// A claim's state, rebuilt from its journal: a compact summary, since every active claim keeps one.
/// The statements themselves stay in the journal (the grain reads a page of them when asked); only
/// their ids are kept, to make appends idempotent. Applying an event is O(1): the id is recorded,
/// the origin folded into the ledger; the assessment is computed when asked (O(origins)).
/// </summary>
public sealed class ClaimState
{
    // Created by the first statement, so that a claim not (yet) written costs almost nothing.
    private CorroborationLedger? ledger;
    private OrderedStringSet? actorIds;
    private OrderedStringSet? statementIds;
    private ClaimCorrections? corrections;
    private long countedStatements;

    public ClaimState()
        : this(stanceConfidenceFloor: 0)
    {
    }

    /// <param name="stanceConfidenceFloor">Supports and contradictions the stance model judged below this are not counted.</param>
    public ClaimState(double stanceConfidenceFloor)
    {
        StanceConfidenceFloor = stanceConfidenceFloor;
    }

    private ClaimState(
        CorroborationLedger? ledger, OrderedStringSet? actorIds, OrderedStringSet? statementIds, double stanceConfidenceFloor)
    {
        StanceConfidenceFloor = stanceConfidenceFloor;
        this.ledger = ledger;
        this.actorIds = actorIds;
        this.statementIds = statementIds;
    }

    public double StanceConfidenceFloor { get; }

    public string ClaimId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    /// <summary>The founding statement's words as written, when the claim's text is its proposition; else empty.</summary>
    public string Verbatim { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset FirstReportedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The number of journal events: statements and corrections.</summary>
    public bool Exists => Version > 0;

    /// <summary>What corrections did to the claim; null when it was never corrected.</summary>
    public ClaimCorrections? Corrections => corrections;

    public string MergedInto => corrections?.MergedInto ?? string.Empty;

    /// <summary>The id of the statement that founded the claim.</summary>
    public string FirstStatementId { get; private set; } = string.Empty;

    /// <summary>Origins weighted by reliability when set (Reliability:WeightOrigins); null = the default rules.</summary>
    public ReliabilityWeighting? Weighting { get; set; }

    public Assessment Assessment => ledger?.Assess(Weighting) ?? Assessment.Empty;

    public string[] SupportingOriginIds() => ledger?.SupportingOriginIds() ?? [];

    public bool Contains(string statementId) => statementIds?.Contains(statementId) == true;

    public bool HasActor(string actorId) => actorIds?.Contains(actorId) == true;

    /// <summary>Applies one journal event. Re-applying a statement already present changes nothing.</summary>
    public void Apply(ClaimJournalEvent journalEvent)
    {
        switch (journalEvent)
        {
            case StatementRecorded recorded when !Contains(recorded.Statement.StatementId):
                Record(recorded.Statement);
                break;
        }
    }

    /// <summary>
    /// A copy of a state replayed from statements alone (no corrections), to continue replaying from: it keeps the
    /// assessment, actors and counters but not the statement ids, so applying a statement the state already holds
    /// would count it again. A journal holds each statement once (the grain checks before it writes), so a replay
    /// that goes on from the version copied is exact.
    /// </summary>
    public ClaimState CheckpointCopy()
    {
        if (corrections is not null)
        {
            throw new InvalidOperationException("a corrected claim's state is replayed whole, never from a checkpoint");
        }

        return new ClaimState(ledger?.Copy(), actorIds?.Copy(), statementIds: null, StanceConfidenceFloor)
        {
            countedStatements = countedStatements,
            ClaimId = ClaimId,
            Text = Text,
            Verbatim = Verbatim,
            Version = Version,
            FirstReportedAt = FirstReportedAt,
            UpdatedAt = UpdatedAt,
            FirstStatementId = FirstStatementId,
        };
    }

    public ClaimSummary Summary()
        => BuildSummary(Text, Version, countedStatements, FirstReportedAt, UpdatedAt, actorIds?.ToArray() ?? [], Assessment);

    /// <summary>
    /// The state a journal describes. A journal of statements only is applied event by event; one with
    /// corrections is read twice: first what became of every statement (withdrawn, moved, merged in and out),
    /// then the statements that still count are folded in, in journal order. Corrections are rare, so this
    /// O(history) replay runs only for claims that had one.
    /// </summary>
    public static ClaimState Replay(IReadOnlyList<ClaimJournalEvent> events, double stanceConfidenceFloor)
    {
        var state = new ClaimState(stanceConfidenceFloor);
        if (events.All(e => e is StatementRecorded))
        {
            foreach (var journalEvent in events)
            {
                state.Apply(journalEvent);
            }

            return state;
        }

        var corrections = state.corrections = new ClaimCorrections();
        var records = new Dictionary<string, StatementRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        var updatedAt = DateTimeOffset.MinValue;
        void Keep(StatementRecord statement)
        {
            if (records.TryAdd(statement.StatementId, statement))
            {
                order.Add(statement.StatementId);
            }
            else
            {
                records[statement.StatementId] = statement;
            }
        }

        foreach (var journalEvent in events)
        {
            switch (journalEvent)
            {
                case StatementRecorded recorded:
                    Keep(recorded.Statement);
                    updatedAt = recorded.Statement.RecordedAt;
                    break;
                case StatementAbsorbed absorbed:
                    Keep(absorbed.Statement);
                    corrections.Absorbed(absorbed.Statement.StatementId, absorbed.MergeId, absorbed.Statement.ClaimId);
                    break;
                case StatementRelinked relinked:
                    Keep(relinked.Statement);
                    corrections.Reinstate(relinked.Statement.StatementId);
                    corrections.Applied(relinked.Correction);
                    updatedAt = relinked.Correction.RecordedAt;
                    break;
                case StatementReattributed reattributed when records.ContainsKey(reattributed.Statement.StatementId):
                    Keep(reattributed.Statement);
                    corrections.Reattributed(reattributed.Statement);
                    corrections.Applied(reattributed.Correction);
                    updatedAt = reattributed.Correction.RecordedAt;
                    break;
                case StatementWithdrawn withdrawn when records.ContainsKey(withdrawn.StatementId):
                    corrections.Withdraw(withdrawn.StatementId, withdrawn.Note, counted: true);
                    corrections.Applied(withdrawn.Correction);
                    updatedAt = withdrawn.Correction.RecordedAt;
                    break;
                case ClaimMergedInto merged:
                    corrections.MergeInto(merged.TargetClaimId, merged.Correction.CorrectionId);
                    corrections.Applied(merged.Correction);
                    updatedAt = merged.Correction.RecordedAt;
                    break;
                case ClaimMergeUndone undone:
                    var source = undone.Correction.ClaimIds.FirstOrDefault();
                    var note = $"returned to claim {source} by unmerge {undone.Correction.CorrectionId}";
                    corrections.Unmerge(undone.MergeId, note);
                    foreach (var arrived in undone.Arrived)
                    {
                        Keep(arrived);
                    }

                    corrections.Applied(undone.Correction);
                    updatedAt = undone.Correction.RecordedAt;
                    break;
                case ClaimRelationChanged related:
                    corrections.Relate(related.Relation, related.Removed, related.OtherOrigins);
                    corrections.Applied(related.Correction);
                    updatedAt = related.Correction.RecordedAt;
                    break;
            }
        }

        foreach (var id in order)
        {
            state.Record(records[id], counts: !corrections.IsInactive(id));
        }

        state.Version = events.Count;
        if (updatedAt > state.UpdatedAt)
        {
            state.UpdatedAt = updatedAt;
        }

        return state;
    }

    /// <summary>
    /// What recording <paramref name="batch"/> in order will do: the feed entries and the result of each
    /// statement. Works on a scratch copy of the small parts (ledger, counters, actor set) that shares
    /// what the batch does not change, so it costs O(origins + actors + batch), never O(history); this
    /// state is unchanged.
    /// </summary>
    public IReadOnlyList<PlannedAppend> Plan(IReadOnlyList<StatementRecord> batch)
    {
        // The scratch copy shares the statement ids, since it never records them.
        var scratch = new ClaimState(ledger?.ScratchCopy(), actorIds?.ScratchCopy(), statementIds, StanceConfidenceFloor)
        {
            corrections = corrections,
            countedStatements = countedStatements,
            ClaimId = ClaimId,
            Text = Text,
            Verbatim = Verbatim,
            Version = Version,
            FirstReportedAt = FirstReportedAt,
            UpdatedAt = UpdatedAt,
            FirstStatementId = FirstStatementId,
            Weighting = Weighting,
        };
        var planned = new List<PlannedAppend>(batch.Count);
        var before = scratch.Exists ? scratch.Assessment.Status : CorroborationStatus.Unspecified;
        foreach (var statement in batch)
        {
            var created = !scratch.Exists;
            scratch.Record(statement, recordsId: false);
            var after = scratch.Summary();
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
                changes.Add(new ClaimChange {
                    Kind = ClaimChangeKind.StatusChanged,
                    Claim = after,
                    PreviousStatus = before,
                    OccurredAt = statement.RecordedAt });
            }

            planned.Add(new PlannedAppend(
                statement,
                changes,
                new AddStatementResult(statement.StatementId, statement.Stance, created, after.Status)));
            before = after.Status;
        }

        return planned;
    }

    /// <summary>A contradiction from an origin an analyst said concerns another claim's scope counts as observing only.</summary>
    private Evidence CountedEvidence(StatementRecord statement)
    {
        var evidence = EvidenceOf(statement);
        return evidence.Stance == Stance.Contradicts && corrections?.ScopeOf(evidence.OriginId) is not null
            ? evidence with { Stance = Stance.Observing, Why = string.Empty }
            : evidence;
    }

    public static Evidence EvidenceOf(StatementRecord statement) =>
        new(statement.OriginActorId, statement.OriginName, statement.Source, statement.Stance, statement.Modality,
            statement.Stance == Stance.Contradicts ? $"{StripLinkDetail(statement.StanceReason)} ({Published(statement)})" : string.Empty,
            statement.StanceConfidence,
            ReportedAt(statement));

    private static string Published(StatementRecord statement) =>
        statement.Source + ", "
            + (statement.PublishedAt ?? statement.RecordedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stance part of a reason, without the linking detail that follows it.</summary>
    private static string StripLinkDetail(string reason)
    {
        var cut = reason.IndexOf(" (linked:", StringComparison.Ordinal);
        return cut < 0 ? reason : reason[..cut];
    }

    private static DateTimeOffset ReportedAt(StatementRecord statement) => statement.PublishedAt ?? statement.RecordedAt;

    private ClaimSummary BuildSummary(
        string text,
        long version,
        long count,
        DateTimeOffset first,
        DateTimeOffset updated,
        string[] actors,
        Assessment judged) => new()
    {
        ClaimId = ClaimId,
        Text = text,
        Status = corrections is { SupersededBy.Length: > 0 } ? CorroborationStatus.Superseded : judged.Status,
        Credibility = judged.Credibility,
        Reasons = corrections is null ? AsArray(judged.Reasons) : [.. judged.Reasons, .. corrections.Reasons()],
        MergedInto = corrections?.MergedInto ?? string.Empty,
        MergedClaimIds = corrections is null ? [] : [.. corrections.MergedClaimIds],
        Relations = corrections is null ? [] : [.. corrections.Relations],
        WithdrawnCount = corrections?.InactiveCount ?? 0,
        SupportingOrigins = AsArray(judged.SupportingOrigins),
        ContradictingOrigins = AsArray(judged.ContradictingOrigins),
        StatementCount = count,
        FirstReportedAt = first,
        UpdatedAt = updated,
        Version = version,
        ActorIds = actors,
        Verbatim = Verbatim,
    };

    // The ledger hands out arrays nobody changes (the same ones again while they read the same): the summary keeps them.
    private static string[] AsArray(IReadOnlyList<string> values) => values as string[] ?? [.. values];

    private void Record(StatementRecord statement, bool recordsId = true, bool counts = true)
    {
        var reportedAt = ReportedAt(statement);
        if (!Exists)
        {
            ClaimId = statement.ClaimId;
            Text = statement.ClaimText;
            Verbatim = statement.ClaimText == statement.Content ? string.Empty : statement.Content;
            FirstReportedAt = reportedAt;
            FirstStatementId = statement.StatementId;
        }
        else if (reportedAt < FirstReportedAt)
        {
            FirstReportedAt = reportedAt;
        }

        if (recordsId)
        {
            (statementIds ??= new OrderedStringSet()).Add(statement.StatementId);
        }

        // Actor ids recur across claims: interned, every claim naming an actor shares one string.
        actorIds ??= new OrderedStringSet();
        if (!actorIds.Contains(statement.ActorId))
        {
            actorIds.Add(string.Intern(statement.ActorId));
        }

        ledger ??= new CorroborationLedger(StanceConfidenceFloor);
        if (counts)
        {
            ledger.Add(CountedEvidence(statement));
            countedStatements++;
        }

        UpdatedAt = statement.RecordedAt;
        Version++;
    }
}

/// <summary>One statement of a batch about to be confirmed: its feed entries and what the caller is told.</summary>
public sealed record PlannedAppend(StatementRecord Statement, IReadOnlyList<ClaimChange> Changes, AddStatementResult Result);
