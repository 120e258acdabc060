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
/// Track records of origins and outlets, read from the claims as they stand: for each claim, each source's firm
/// position on it (its first asserted support or contradiction; one per claim, however many times it was repeated)
/// scored by <see cref="SourceReliability.Outcome"/> against the claim's status. Reads every claim: an on-demand view
/// for analysts, not for the ingest path.
/// </summary>
public sealed class ReliabilityBoard(IClaimReadSide readSide)
{
    public const string Origin = "origin";
    public const string Outlet = "outlet";
    private const int ClaimPage = 500;
    private const int StatementPage = 1000;

    public async Task<IReadOnlyList<SourceStanding>> ComputeAsync(CancellationToken cancellation)
    {
        var records = new Dictionary<(string ActorId, string Role), (string Name, TrackRecord Record)>();
        var query = new ClaimQuery(null, null, null, ClaimPage, null);
        while (true)
        {
            var page = await readSide.ListClaimsAsync(query, cancellation);
            foreach (var summary in page.Items)
            {
                foreach (var (key, name, outcome) in await PositionsAsync(summary, cancellation))
                {
                    var known = records.GetValueOrDefault(key, (name, TrackRecord.Empty));
                    records[key] = (known.Item1, known.Item2.Add(outcome));
                }
            }

            if (page.NextBefore is null)
            {
                break;
            }

            query = query with { Before = page.NextBefore };
        }

        return [.. records.Select(r => new SourceStanding(r.Key.ActorId, r.Value.Name, r.Key.Role, r.Value.Record))];
    }

    private async Task<List<((string, string) Key, string Name, TrackRecord Outcome)>> PositionsAsync(
        ClaimSummary claim, CancellationToken cancellation)
    {
        var statements = new List<StatementRecord>();
        var token = string.Empty;
        do
        {
            cancellation.ThrowIfCancellationRequested();
            var details = await readSide.GetClaimAsync(claim.ClaimId, StatementPage, token);
            if (details is null)
            {
                break;
            }

            statements.AddRange(details.Statements);
            token = details.NextStatementPageToken;
        }
        while (token.Length > 0);

        var positions = new List<((string, string), string, TrackRecord)>();
        var seen = new HashSet<(string, string)>();
        foreach (var statement in statements.OrderBy(s => s.PublishedAt ?? s.RecordedAt).ThenBy(s => s.RecordedAt))
        {
            if (statement.Modality == Modality.Hedged || statement.Stance is not (Stance.Supports or Stance.Contradicts))
            {
                continue;
            }

            var outcome = SourceReliability.Outcome(statement.Stance, claim.Status, retracted: false, superseded: false);
            if (seen.Add((statement.OriginActorId, Origin)))
            {
                positions.Add(((statement.OriginActorId, Origin), statement.OriginName, outcome));
            }

            if (statement.SourceActorId.Length > 0 && seen.Add((statement.SourceActorId, Outlet)))
            {
                positions.Add(((statement.SourceActorId, Outlet), statement.Source, outcome));
            }
        }

        return positions;
    }
}
