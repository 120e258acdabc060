using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Reliability;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Reliability;

/// <summary>A source in one role, its track record and grade.</summary>
public sealed record SourceStanding(string ActorId, string Name, string Role, TrackRecord Record)
{
    public ReliabilityGrade Grade => SourceReliability.Grade(Record);
}

/// <summary>
/// Track records of origins and outlets, read from the claims as they stand: for each settled claim, each source's firm
/// position on it (its first asserted support or contradiction by publication time; one per claim, however many times it
/// was repeated) scored by <see cref="SourceReliability.Outcome"/> against the claim's status (a superseded claim is
/// recorded as superseded); a firm statement in a report its outlet retracted counts as a retraction for the outlet,
/// on any claim, and not for its origin (the statement was withdrawn). Reads the projections only
/// (the claim list for statuses, the statement list), never a claim grain, so a pass over a large store activates
/// nothing; it is still a pass over every statement, which is why <see cref="SourceGrades"/> caches the result.
/// </summary>
public sealed class ReliabilityBoard(IClaimReadSide claims, IListReadSide lists)
{
    public const string Origin = "origin";
    public const string Outlet = "outlet";
    private const int ClaimPage = 500;
    private const int StatementPage = 1000;

    /// <param name="retractedReportIds">Reports their outlets retracted (from the corrections' audit trail).</param>
    public async Task<IReadOnlyList<SourceStanding>> ComputeAsync(
        IReadOnlySet<string> retractedReportIds, CancellationToken cancellation)
    {
        var settled = await SettledClaimsAsync(cancellation);
        // Every source with a firm position (listed even with nothing judged yet), and its first one on each settled claim.
        var sources = new Dictionary<(string ActorId, string Role), string>();
        var firsts = new Dictionary<(string ClaimId, string ActorId, string Role), Position>();
        var retractions = new HashSet<(string ClaimId, string OutletId)>();
        var query = new StatementQuery(StatementPage, null);
        while (true)
        {
            var page = await lists.ListStatementsAsync(query, cancellation);
            foreach (var statement in page.Items.Select(listed => listed.Statement))
            {
                if (statement.Modality == Modality.Hedged || statement.Stance is not (Stance.Supports or Stance.Contradicts))
                {
                    continue;
                }

                sources.TryAdd((statement.OriginActorId, Origin), statement.OriginName);
                if (statement.SourceActorId.Length > 0)
                {
                    sources.TryAdd((statement.SourceActorId, Outlet), statement.Source);
                }

                if (retractedReportIds.Contains(statement.ReportId))
                {
                    if (statement.SourceActorId.Length > 0)
                    {
                        retractions.Add((statement.ClaimId, statement.SourceActorId));
                    }

                    continue;
                }

                if (!settled.ContainsKey(statement.ClaimId))
                {
                    continue;
                }

                KeepFirst(firsts, (statement.ClaimId, statement.OriginActorId, Origin), statement);
                if (statement.SourceActorId.Length > 0)
                {
                    KeepFirst(firsts, (statement.ClaimId, statement.SourceActorId, Outlet), statement);
                }
            }

            if (page.NextBefore is null)
            {
                break;
            }

            query = query with { Before = page.NextBefore };
        }

        var records = sources.Keys.ToDictionary(key => key, _ => TrackRecord.Empty);
        foreach (var ((claimId, actorId, role), stance) in firsts)
        {
            var status = settled[claimId];
            var outcome = SourceReliability.Outcome(
                stance.Stance, status, retracted: false, superseded: status == CorroborationStatus.Superseded);
            records[(actorId, role)] = records[(actorId, role)].Add(outcome);
        }

        foreach (var (_, outletId) in retractions)
        {
            var key = (outletId, Outlet);
            records[key] = records[key].Add(SourceReliability.Outcome(Stance.Supports, default, retracted: true, superseded: false));
        }

        return [.. records.Select(r => new SourceStanding(r.Key.ActorId, sources[r.Key], r.Key.Role, r.Value))];
    }

    /// <summary>The status of every claim whose outcome is known; claims still open are not counted.</summary>
    private async Task<Dictionary<string, CorroborationStatus>> SettledClaimsAsync(CancellationToken cancellation)
    {
        var settled = new Dictionary<string, CorroborationStatus>(StringComparer.Ordinal);
        var query = new ClaimQuery(null, null, null, ClaimPage, null);
        while (true)
        {
            var page = await claims.ListClaimsAsync(query, cancellation);
            foreach (var summary in page.Items)
            {
                if (summary.Status is not (CorroborationStatus.Uncorroborated or CorroborationStatus.Unspecified))
                {
                    settled[summary.ClaimId] = summary.Status;
                }
            }

            if (page.NextBefore is null)
            {
                return settled;
            }

            query = query with { Before = page.NextBefore };
        }
    }

    /// <summary>Keeps the earliest firm statement of a source on a claim: by publication time, then recording time.</summary>
    private static void KeepFirst(
        Dictionary<(string, string, string), Position> firsts, (string, string, string) key, StatementRecord statement)
    {
        var at = (statement.PublishedAt ?? statement.RecordedAt, statement.RecordedAt);
        if (!firsts.TryGetValue(key, out var kept) || at.CompareTo(kept.At) < 0)
        {
            firsts[key] = new Position(statement.Stance, at);
        }
    }

    private readonly record struct Position(Stance Stance, (DateTimeOffset Published, DateTimeOffset Recorded) At);
}
