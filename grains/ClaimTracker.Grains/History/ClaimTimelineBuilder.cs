using ClaimTracker.Analysis;
using ClaimTracker.Grains.Claims;

namespace ClaimTracker.Grains.History;

/// <summary>
/// Lays a claim's statements out in publication order (the recording time stands in for a missing
/// publication time; arrival breaks ties) and replays them in that order, so each entry carries the
/// status the claim had once the statements up to it had come out.
/// </summary>
internal static class ClaimTimelineBuilder
{
    /// <param name="recorded">The statements in journal order, with their versions; not empty.</param>
    /// <param name="empty">A fresh claim state to replay into.</param>
    public static ClaimTimelineRecord Build(
        string claimId, IReadOnlyList<(long Version, StatementRecord Statement)> recorded, ClaimState empty, int offset, int pageSize)
    {
        var text = recorded[0].Statement.ClaimText;
        var ordered = recorded.OrderBy(r => PublishedAt(r.Statement)).ThenBy(r => r.Version).ToList();
        var state = empty;
        var entries = new List<TimelineEntryRecord>(ordered.Count);
        var origins = new Dictionary<string, OriginAccumulator>(StringComparer.Ordinal);
        var originOrder = new List<OriginAccumulator>();
        var turns = new List<StatusTurnRecord>();
        var status = CorroborationStatus.Unspecified;
        foreach (var (version, statement) in ordered)
        {
            var at = PublishedAt(statement);
            state.Apply(new StatementRecorded(statement));
            var assessment = state.Assessment;
            var turned = assessment.Status != status;
            if (turned)
            {
                turns.Add(new StatusTurnRecord(at, status, assessment.Status, statement, assessment.Reasons));
            }

            var firstSpoke = !origins.TryGetValue(statement.OriginActorId, out var origin);
            if (firstSpoke)
            {
                origin = new OriginAccumulator(statement, at);
                origins.Add(statement.OriginActorId, origin);
                originOrder.Add(origin);
            }

            origin!.Statements++;
            var statusTurned = turned && status != CorroborationStatus.Unspecified;
            entries.Add(new TimelineEntryRecord(statement, at, version, firstSpoke, assessment.Status, statusTurned));
            status = assessment.Status;
        }

        var final = state.Assessment;
        var page = entries.Skip(offset).Take(pageSize).ToList();
        int? next = offset + page.Count < entries.Count ? offset + page.Count : null;
        return new ClaimTimelineRecord(
            claimId,
            text,
            final.Status,
            entries.Count,
            entries[0],
            page,
            next,
            originOrder.Select(o => o.ToRecord(PositionOf(o.First.OriginActorId, final))).ToList(),
            turns);
    }

    public static DateTimeOffset PublishedAt(StatementRecord statement) => statement.PublishedAt ?? statement.RecordedAt;

    private static Stance PositionOf(string originId, Analysis.Corroboration.Assessment assessment) =>
        assessment.SupportingOrigins.Contains(originId) ? Stance.Supports
        : assessment.ContradictingOrigins.Contains(originId) ? Stance.Contradicts
        : Stance.Unspecified;

    private sealed class OriginAccumulator(StatementRecord first, DateTimeOffset at)
    {
        public StatementRecord First { get; } = first;

        public long Statements { get; set; }

        public OriginFirstSeenRecord ToRecord(Stance position) =>
            new(First.OriginActorId, First.OriginName, at, First.StatementId, First.Source, Statements, position);
    }
}
