using System.Globalization;

namespace ClaimTracker.Analysis.Corroboration;

/// <summary>
/// Folds a claim's statements into per-origin tallies and judges the claim over independent origins.
/// Adding a statement is O(1); judging is O(number of distinct origins), never O(statements), so the
/// cost of an append does not grow with a claim's history. Kept by every active claim, so it is
/// small: a few origins are found by a linear scan, and a dictionary is built only past
/// <see cref="LinearLimit"/> of them.
/// </summary>
public sealed class CorroborationLedger
{
    private const int NamesListed = 5;
    private const int LinearLimit = 8;
    private readonly List<OriginTally> inArrivalOrder = [];
    private Dictionary<string, OriginTally>? byId;

    public int OriginCount => inArrivalOrder.Count;

    /// <summary>An independent copy, O(distinct origins).</summary>
    public CorroborationLedger Clone()
    {
        var copy = new CorroborationLedger();
        foreach (var tally in inArrivalOrder)
        {
            copy.Insert(tally.Clone());
        }

        return copy;
    }

    public void Add(Evidence evidence)
    {
        var tally = Find(evidence.OriginId);
        if (tally is null)
        {
            tally = new OriginTally(evidence.OriginId, evidence.OriginName);
            Insert(tally);
        }

        tally.Add(evidence);
    }

    private OriginTally? Find(string originId)
    {
        if (byId is not null)
        {
            return byId.GetValueOrDefault(originId);
        }

        foreach (var tally in inArrivalOrder)
        {
            if (string.Equals(tally.Id, originId, StringComparison.Ordinal))
            {
                return tally;
            }
        }

        return null;
    }

    private void Insert(OriginTally tally)
    {
        inArrivalOrder.Add(tally);
        if (byId is not null)
        {
            byId.Add(tally.Id, tally);
        }
        else if (inArrivalOrder.Count > LinearLimit)
        {
            byId = inArrivalOrder.ToDictionary(t => t.Id, StringComparer.Ordinal);
        }
    }

    public Assessment Assess() => Judge(inArrivalOrder);

    private static Assessment Judge(IEnumerable<OriginTally> origins)
    {
        var supporting = new List<OriginTally>();
        var contradicting = new List<OriginTally>();
        var hedgedOnly = new List<OriginTally>();
        var echoing = new List<OriginTally>();
        var reversed = new List<OriginTally>();
        var observingStatements = 0;
        var queryingStatements = 0;

        foreach (var origin in origins)
        {
            observingStatements += origin.Observing;
            queryingStatements += origin.Queries;
            switch (origin.CountedPosition)
            {
                case Stance.Supports:
                    supporting.Add(origin);
                    break;
                case Stance.Contradicts:
                    contradicting.Add(origin);
                    break;
                default:
                    if (origin.HedgedPosition != Stance.Unspecified)
                    {
                        hedgedOnly.Add(origin);
                    }

                    break;
            }

            if (origin.Statements > 1)
            {
                echoing.Add(origin);
            }

            if (origin.Reversed)
            {
                reversed.Add(origin);
            }
        }

        var status = (supporting.Count, contradicting.Count) switch
        {
            ( > 0, > 0) => CorroborationStatus.Contested,
            (0, > 0) => CorroborationStatus.Contradicted,
            ( >= 2, 0) => CorroborationStatus.Corroborated,
            _ => CorroborationStatus.Uncorroborated,
        };

        var credibility = status switch
        {
            CorroborationStatus.Corroborated => AdmiraltyCredibility.Confirmed,
            CorroborationStatus.Uncorroborated when supporting.Count == 1 => AdmiraltyCredibility.PossiblyTrue,
            CorroborationStatus.Contested => AdmiraltyCredibility.Doubtful,
            CorroborationStatus.Contradicted => AdmiraltyCredibility.Improbable,
            _ => AdmiraltyCredibility.CannotBeJudged,
        };

        var reasons = new List<string>();
        if (supporting.Count > 0)
        {
            reasons.Add($"supported by {Count(supporting.Count, "independent origin")}: {Names(supporting)}");
        }

        if (contradicting.Count > 0)
        {
            reasons.Add($"contradicted by {Count(contradicting.Count, "independent origin")}: {Names(contradicting)}");
        }

        foreach (var origin in contradicting.Where(o => o.ContradictionWhy.Length > 0).Take(NamesListed))
        {
            reasons.Add($"{origin.Name}: {origin.ContradictionWhy}");
        }

        if (status == CorroborationStatus.Uncorroborated)
        {
            reasons.Add(supporting.Count == 1
                ? "only one independent origin so far: corroboration needs a second"
                : "no independent origin asserts it yet");
        }

        foreach (var origin in echoing.Take(NamesListed))
        {
            var repeats = origin.Statements - 1;
            var carriers = origin.Carriers.Count == 0 ? string.Empty : $" (carried by {CarrierList(origin)})";
            reasons.Add($"{Count(repeats, "repeat")} of {origin.Name} not counted as independent{carriers}");
        }

        if (echoing.Count > NamesListed)
        {
            reasons.Add($"repeats of {echoing.Count - NamesListed} more origins not counted as independent");
        }

        foreach (var origin in reversed.Take(NamesListed))
        {
            reasons.Add(origin.CountedPosition == Stance.Contradicts
                ? $"{origin.Name} retracted its earlier support"
                : $"{origin.Name} withdrew its earlier contradiction");
        }

        if (hedgedOnly.Count > 0)
        {
            reasons.Add($"hedged statements from {Names(hedgedOnly)} not counted");
        }

        if (observingStatements > 0)
        {
            reasons.Add($"{Count(observingStatements, "statement")} only {(observingStatements == 1 ? "reports" : "report")} the claim without endorsing it");
        }

        if (queryingStatements > 0)
        {
            reasons.Add($"{Count(queryingStatements, "statement")} {(queryingStatements == 1 ? "questions" : "question")} the claim");
        }

        reasons.Add($"credibility {credibility.ToString(CultureInfo.InvariantCulture)}: {AdmiraltyCredibility.Describe(credibility)}");

        return new Assessment(
            status,
            credibility,
            reasons,
            supporting.ConvertAll(o => o.Id),
            contradicting.ConvertAll(o => o.Id));
    }

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");

    private static string Names(List<OriginTally> origins)
    {
        var listed = string.Join(", ", origins.Take(NamesListed).Select(o => o.Name));
        return origins.Count > NamesListed ? $"{listed} and {origins.Count - NamesListed} more" : listed;
    }

    private static string CarrierList(OriginTally origin)
    {
        var listed = string.Join(", ", origin.Carriers);
        return origin.MoreCarriers > 0 ? $"{listed} and {origin.MoreCarriers} more" : listed;
    }
}
