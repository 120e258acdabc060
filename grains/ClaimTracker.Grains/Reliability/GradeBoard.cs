using ClaimTracker.Analysis.Reliability;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Reliability;

/// <summary>
/// Every source's track record and the grade in force (an analyst's override, else the record's), as computed up to a
/// feed position: the read model behind the grades shown beside statements.
/// </summary>
public sealed class GradeBoard
{
    private readonly Dictionary<(string ActorId, string Role), ReliabilityGrade> inForce;

    public GradeBoard(
        IReadOnlyList<SourceStanding> standings, IReadOnlyList<ReliabilityOverrideRow> overrides, long feedPosition, DateTimeOffset at)
    {
        Standings = standings;
        Overrides = overrides
            .GroupBy(o => (o.ActorId, o.Role))
            .Select(g => g.Last())
            .Where(o => o.Grade.Length > 0)
            .ToDictionary(o => (o.ActorId, o.Role));
        FeedPosition = feedPosition;
        ComputedAt = at;
        inForce = standings.ToDictionary(s => (s.ActorId, s.Role), s => s.Grade);
        foreach (var (key, row) in Overrides)
        {
            inForce[key] = Enum.Parse<ReliabilityGrade>(row.Grade);
        }

        Weighting = new ReliabilityWeighting(originId => GradeOf(originId, ReliabilityBoard.Origin));
    }

    public IReadOnlyList<SourceStanding> Standings { get; }

    /// <summary>The override in force per source (actor id, role); withdrawn ones are left out.</summary>
    public IReadOnlyDictionary<(string ActorId, string Role), ReliabilityOverrideRow> Overrides { get; }

    /// <summary>The feed position this silo had dispatched when the records were read.</summary>
    public long FeedPosition { get; }

    public DateTimeOffset ComputedAt { get; }

    /// <summary>Origins weighted by the grades of this board.</summary>
    public ReliabilityWeighting Weighting { get; }

    /// <summary>The grade in force; F (cannot be judged) for a source with no firm position on record and no override.</summary>
    public ReliabilityGrade GradeOf(string actorId, string role) =>
        actorId.Length > 0 && inForce.TryGetValue((actorId, role), out var grade) ? grade : ReliabilityGrade.F;

    /// <summary>The same records with the overrides read again, dated <paramref name="at"/>.</summary>
    public GradeBoard WithOverrides(IReadOnlyList<ReliabilityOverrideRow> overrides, DateTimeOffset at) =>
        new(Standings, overrides, FeedPosition, at);
}
