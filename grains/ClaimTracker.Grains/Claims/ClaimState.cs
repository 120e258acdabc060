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
    private readonly CorroborationLedger ledger = new();
    private Assessment? assessment;

    public string ClaimId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset FirstReportedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool Exists => statements.Count > 0;

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

    public ClaimSummary Summary() => BuildSummary(Text, Version, statements.Count, FirstReportedAt, UpdatedAt, actorIds, Assessment);

    /// <summary>The summary this claim will have once <paramref name="statement"/> is recorded; the state is unchanged.</summary>
    public ClaimSummary SummaryWith(StatementRecord statement)
    {
        var text = Exists ? Text : statement.Content;
        var reportedAt = ReportedAt(statement);
        var first = Exists && FirstReportedAt <= reportedAt ? FirstReportedAt : reportedAt;
        IEnumerable<string> actors = actorIdSet.Contains(statement.ActorId) ? actorIds : actorIds.Append(statement.ActorId);
        return BuildSummary(text, Version + 1, statements.Count + 1, first, statement.RecordedAt, actors, ledger.AssessWith(EvidenceOf(statement)))
            with { ClaimId = statement.ClaimId };
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

        statements.Add(statement);
        byId.Add(statement.StatementId, statement);
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
