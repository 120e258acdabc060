using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Corroboration;

namespace ClaimTracker.Grains.Claims;

/// <summary>
/// A claim's state, rebuilt from its journal. Applying an event is O(1): statements are appended,
/// origins folded into the ledger; the assessment is recomputed lazily (O(origins)).
/// </summary>
// JournaledGrain asks Orleans for a copier of its state at activation. [Immutable] makes that a
// reference copy: the grain never reads the tentative state, the only place a copy would be made.
[Immutable]
public sealed class ClaimState
{
    private readonly List<StatementRecord> statements = [];
    private readonly Dictionary<string, StatementRecord> byId = new(StringComparer.Ordinal);
    private readonly List<string> actorIds = [];
    private readonly HashSet<string> actorIdSet = new(StringComparer.Ordinal);
    private readonly CorroborationLedger ledger;
    private readonly bool keepsStatements;
    private Assessment? assessment;

    public ClaimState()
        : this(new CorroborationLedger(), keepsStatements: true)
    {
    }

    private ClaimState(CorroborationLedger ledger, bool keepsStatements)
    {
        this.ledger = ledger;
        this.keepsStatements = keepsStatements;
    }

    public string ClaimId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset FirstReportedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>One journal event per statement, so the version counts the statements.</summary>
    public bool Exists => Version > 0;

    public IReadOnlyList<StatementRecord> Statements => statements;

    public Assessment Assessment => assessment ??= Exists ? ledger.Assess() : Assessment.Empty;

    public bool Contains(string statementId) => byId.ContainsKey(statementId);

    public StatementRecord? Find(string statementId) => byId.GetValueOrDefault(statementId);

    /// <summary>Applies one journal event. Re-applying a statement already present changes nothing.</summary>
    public void Apply(ClaimJournalEvent journalEvent)
    {
        switch (journalEvent)
        {
            case StatementRecorded recorded when !byId.ContainsKey(recorded.Statement.StatementId):
                Record(recorded.Statement);
                break;
        }
    }

    public ClaimSummary Summary() => BuildSummary(Text, Version, Version, FirstReportedAt, UpdatedAt, actorIds, Assessment);

    /// <summary>
    /// What recording <paramref name="batch"/> in order will do: the feed entries and the result of each
    /// statement. Works on a copy of the small parts (ledger, counters, actor set), so it costs
    /// O(origins + actors + batch), never O(history); this state is unchanged.
    /// </summary>
    public IReadOnlyList<PlannedAppend> Plan(IReadOnlyList<StatementRecord> batch)
    {
        var scratch = new ClaimState(ledger.Clone(), keepsStatements: false)
        {
            ClaimId = ClaimId,
            Text = Text,
            Version = Version,
            FirstReportedAt = FirstReportedAt,
            UpdatedAt = UpdatedAt,
        };
        scratch.actorIds.AddRange(actorIds);
        scratch.actorIdSet.UnionWith(actorIdSet);
        var planned = new List<PlannedAppend>(batch.Count);
        foreach (var statement in batch)
        {
            var created = !scratch.Exists;
            var before = created ? CorroborationStatus.Unspecified : scratch.Assessment.Status;
            scratch.Record(statement);
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
                changes.Add(new ClaimChange { Kind = ClaimChangeKind.StatusChanged, Claim = after, PreviousStatus = before, OccurredAt = statement.RecordedAt });
            }

            planned.Add(new PlannedAppend(statement, changes, new AddStatementResult(statement.StatementId, statement.Stance, created, after.Status)));
        }

        return planned;
    }

    public static Evidence EvidenceOf(StatementRecord statement) =>
        new(statement.OriginActorId, statement.OriginName, statement.Source, statement.Stance, statement.Modality,
            statement.Stance == Stance.Contradicts ? $"{StripLinkDetail(statement.StanceReason)} ({Published(statement)})" : string.Empty);

    private static string Published(StatementRecord statement) =>
        statement.Source + ", " + (statement.PublishedAt ?? statement.RecordedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stance part of a reason, without the linking detail that follows it.</summary>
    private static string StripLinkDetail(string reason)
    {
        var cut = reason.IndexOf(" (linked:", StringComparison.Ordinal);
        return cut < 0 ? reason : reason[..cut];
    }

    private static DateTimeOffset ReportedAt(StatementRecord statement) => statement.PublishedAt ?? statement.RecordedAt;

    private ClaimSummary BuildSummary(string text, long version, long count, DateTimeOffset first, DateTimeOffset updated, IEnumerable<string> actors, Assessment judged) => new()
    {
        ClaimId = ClaimId,
        Text = text,
        Status = judged.Status,
        Credibility = judged.Credibility,
        Reasons = [.. judged.Reasons],
        SupportingOrigins = [.. judged.SupportingOrigins],
        ContradictingOrigins = [.. judged.ContradictingOrigins],
        StatementCount = count,
        FirstReportedAt = first,
        UpdatedAt = updated,
        Version = version,
        ActorIds = [.. actors],
    };

    private void Record(StatementRecord statement)
    {
        var reportedAt = ReportedAt(statement);
        if (!Exists)
        {
            ClaimId = statement.ClaimId;
            Text = statement.Content;
            FirstReportedAt = reportedAt;
        }
        else if (reportedAt < FirstReportedAt)
        {
            FirstReportedAt = reportedAt;
        }

        if (keepsStatements)
        {
            statements.Add(statement);
            byId.Add(statement.StatementId, statement);
        }

        if (actorIdSet.Add(statement.ActorId))
        {
            actorIds.Add(statement.ActorId);
        }

        ledger.Add(EvidenceOf(statement));
        assessment = null;
        UpdatedAt = statement.RecordedAt;
        Version++;
    }
}

/// <summary>One statement of a batch about to be confirmed: its feed entries and what the caller is told.</summary>
public sealed record PlannedAppend(StatementRecord Statement, IReadOnlyList<ClaimChange> Changes, AddStatementResult Result);
