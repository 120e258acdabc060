using System.Globalization;
using System.Text;
using ClaimTracker.Analysis.Reliability;

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
    private static readonly Func<OriginTally, bool> Supports = o => o.CountedPosition == Stance.Supports;
    private static readonly Func<OriginTally, bool> Contradicts = o => o.CountedPosition == Stance.Contradicts;
    private static readonly Func<OriginTally, bool> HedgedOnly = o =>
        o.CountedPosition is not (Stance.Supports or Stance.Contradicts) && o.HedgedPosition != Stance.Unspecified;

    // Judging runs on every append of a busy claim: the reasons are written through one reused
    // builder, and the origins are counted and then walked again instead of being copied into lists.
    [ThreadStatic]
    private static StringBuilder? ReasonBuilder;

    private readonly List<OriginTally> inArrivalOrder;
    private Dictionary<string, OriginTally>? byId;

    // The last judgement's reasons and origin ids, shared with scratch copies: a busy claim's mostly read as they did at
    // its previous append, and what reads the same is handed out again instead of being built anew. Kept only past
    // LinearLimit origins: a claim of a few origins rebuilds its few short reasons, and keeping them would cost every such
    // claim memory between its appends.
    private LastJudgement? last;

    // Set on a scratch copy only: the tallies it copied from its original, the only ones it may change.
    private readonly List<OriginTally>? ownCopies;

    public CorroborationLedger()
        : this(confidenceFloor: 0)
    {
    }

    /// <param name="confidenceFloor">
    /// Supports and contradictions whose stance-model confidence is under this floor are not counted
    /// (the reasons name them); a stance no model judged (confidence 0) always counts.
    /// </param>
    public CorroborationLedger(double confidenceFloor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(confidenceFloor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(confidenceFloor, 1);
        inArrivalOrder = [];
        ConfidenceFloor = confidenceFloor;
    }

    private CorroborationLedger(List<OriginTally> shared, double confidenceFloor, LastJudgement? last)
    {
        inArrivalOrder = shared;
        ownCopies = [];
        ConfidenceFloor = confidenceFloor;
        this.last = last;
    }

    public int OriginCount => inArrivalOrder.Count;

    public double ConfidenceFloor { get; }

    /// <summary>
    /// A copy to try additions on without changing this ledger: it shares the tallies and copies one
    /// only when adding to it, so it costs O(distinct origins) references plus O(origins touched).
    /// Valid while this ledger is unchanged (it sees this ledger's tallies).
    /// </summary>
    public CorroborationLedger ScratchCopy() => new(new List<OriginTally>(inArrivalOrder), ConfidenceFloor, KeptJudgement());

    /// <summary>An independent copy: later additions to either do not show in the other. O(distinct origins).</summary>
    public CorroborationLedger Copy()
    {
        var copy = new CorroborationLedger(ConfidenceFloor);
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
            ownCopies?.Add(tally);
        }
        else if (ownCopies is not null && !ownCopies.Contains(tally))
        {
            var copy = tally.Clone();
            inArrivalOrder[inArrivalOrder.IndexOf(tally)] = copy;
            ownCopies.Add(copy);
            tally = copy;
        }

        tally.Add(evidence, ConfidenceFloor);
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
        else if (inArrivalOrder.Count > LinearLimit && ownCopies is null)
        {
            // Not for a scratch copy: it lives for one batch, where scanning beats building the index.
            byId = inArrivalOrder.ToDictionary(t => t.Id, StringComparer.Ordinal);
        }
    }

    public Assessment Assess() => Judge(inArrivalOrder, ConfidenceFloor, KeptJudgement());

    /// <summary>
    /// The assessment with origins weighted by reliability (<see cref="ReliabilityWeighting"/>); when the weights change
    /// the status, the reasons say so and name the origins that weighed less. Null weighting: <see cref="Assess()"/>.
    /// </summary>
    public Assessment Assess(ReliabilityWeighting? weighting)
    {
        var judged = Judge(inArrivalOrder, ConfidenceFloor, KeptJudgement());
        return weighting is null ? judged : Reweigh(judged, weighting);
    }

    private Assessment Reweigh(Assessment judged, ReliabilityWeighting weighting)
    {
        double supporting = 0, contradicting = 0;
        var discounted = new List<string>();
        foreach (var origin in inArrivalOrder)
        {
            if (!Supports(origin) && !Contradicts(origin))
            {
                continue;
            }

            var grade = weighting.GradeOf(origin.Id);
            var weight = ReliabilityWeighting.Weight(grade);
            if (weight < 1)
            {
                discounted.Add($"{origin.Name} (graded {grade}) {(weight == 0 ? "not counted" : "counted half")}");
            }

            if (Supports(origin))
            {
                supporting += weight;
            }
            else
            {
                contradicting += weight;
            }
        }

        var status = ReliabilityWeighting.Status(supporting, contradicting);
        if (status == judged.Status)
        {
            return judged;
        }

        var credibility = Credibility(status, supporting > 0);
        var reasons = judged.Reasons.Take(judged.Reasons.Count - 1).ToList();
        reasons.Add($"weighted by source reliability: {Describe(status)} instead of {Describe(judged.Status)} " +
            $"({string.Join(", ", discounted.Take(NamesListed))}{(discounted.Count > NamesListed ? " and more" : string.Empty)})");
        reasons.Add(string.Create(
            CultureInfo.InvariantCulture, $"credibility {credibility}: {AdmiraltyCredibility.Describe(credibility)}"));
        return judged with { Status = status, Credibility = credibility, Reasons = reasons };
    }

    private static string Describe(CorroborationStatus status) => status.ToString().ToLowerInvariant();

    private static int Credibility(CorroborationStatus status, bool anySupport) => status switch
    {
        CorroborationStatus.Corroborated => AdmiraltyCredibility.Confirmed,
        CorroborationStatus.Uncorroborated when anySupport => AdmiraltyCredibility.PossiblyTrue,
        CorroborationStatus.Contested => AdmiraltyCredibility.Doubtful,
        CorroborationStatus.Contradicted => AdmiraltyCredibility.Improbable,
        _ => AdmiraltyCredibility.CannotBeJudged,
    };

    /// <summary>The ids of the origins whose counted position is support.</summary>
    public string[] SupportingOriginIds() => inArrivalOrder.Where(Supports).Select(o => o.Id).ToArray();

    private LastJudgement? KeptJudgement() => inArrivalOrder.Count > LinearLimit ? last ??= new() : last;

    private static Assessment Judge(List<OriginTally> origins, double confidenceFloor, LastJudgement? last)
    {
        int supporting = 0, contradicting = 0, hedgedOnly = 0, echoing = 0, reversed = 0;
        var observingStatements = 0;
        var queryingStatements = 0;

        foreach (var origin in origins)
        {
            observingStatements += origin.Observing;
            queryingStatements += origin.Queries;
            if (Supports(origin))
            {
                supporting++;
            }
            else if (Contradicts(origin))
            {
                contradicting++;
            }
            else if (HedgedOnly(origin))
            {
                hedgedOnly++;
            }

            if (origin.Statements > 1)
            {
                echoing++;
            }

            if (origin.Reversed)
            {
                reversed++;
            }
        }

        var status = (supporting, contradicting) switch
        {
            ( > 0, > 0) => CorroborationStatus.Contested,
            (0, > 0) => CorroborationStatus.Contradicted,
            ( >= 2, 0) => CorroborationStatus.Corroborated,
            _ => CorroborationStatus.Uncorroborated,
        };

        var credibility = Credibility(status, supporting > 0);

        var text = ReasonBuilder ??= new StringBuilder();
        var reasons = new List<string>(16);
        var previous = last?.Reasons;
        void Done()
        {
            var at = reasons.Count;
            var same = previous is not null && at < previous.Length && text.Equals(previous[at].AsSpan());
            reasons.Add(same ? previous![at] : text.ToString());
            text.Clear();
        }

        if (supporting > 0)
        {
            AppendCount(text.Append("supported by "), supporting, "independent origin").Append(": ");
            AppendNames(text, origins, Supports, supporting);
            Done();
        }

        if (contradicting > 0)
        {
            AppendCount(text.Append("contradicted by "), contradicting, "independent origin").Append(": ");
            AppendNames(text, origins, Contradicts, contradicting);
            Done();
        }

        var explained = 0;
        foreach (var origin in origins)
        {
            if (explained < NamesListed && Contradicts(origin) && origin.ContradictionWhy.Length > 0)
            {
                text.Append(origin.Name).Append(": ").Append(origin.ContradictionWhy);
                Done();
                explained++;
            }
        }

        if (status == CorroborationStatus.Uncorroborated)
        {
            reasons.Add(supporting == 1
                ? "only one independent origin so far: corroboration needs a second"
                : "no independent origin asserts it yet");
        }

        var listed = 0;
        foreach (var origin in origins)
        {
            if (listed < NamesListed && origin.Statements > 1)
            {
                AppendCount(text, origin.Statements - 1, "repeat").Append(" of ").Append(origin.Name).Append(" not counted as independent");
                if (origin.Carriers.Count > 0)
                {
                    AppendCarriers(text.Append(" (carried by "), origin).Append(')');
                }

                Done();
                listed++;
            }
        }

        if (echoing > NamesListed)
        {
            text.Append("repeats of ").Append(CultureInfo.InvariantCulture, $"{echoing - NamesListed}")
                .Append(" more origins not counted as independent");
            Done();
        }

        listed = 0;
        foreach (var origin in origins)
        {
            if (listed < NamesListed && origin.Reversed)
            {
                text.Append(origin.Name).Append(origin.CountedPosition == Stance.Contradicts
                    ? " retracted its earlier support"
                    : " withdrew its earlier contradiction");
                Done();
                listed++;
            }
        }

        listed = 0;
        var lowConfidence = 0;
        foreach (var origin in origins)
        {
            if (origin.LowConfidence == 0)
            {
                continue;
            }

            lowConfidence++;
            if (listed < NamesListed)
            {
                var (stance, confidence) = origin.LatestLowConfidence;
                AppendCount(text, origin.LowConfidence, "low-confidence stance").Append(" of ").Append(origin.Name)
                    .Append(" not counted (").Append(stance == Stance.Supports ? "supports" : "contradicts")
                    .Append(CultureInfo.InvariantCulture, $" at {confidence:0.00}, under the floor {confidenceFloor:0.00})");
                Done();
                listed++;
            }
        }

        if (lowConfidence > NamesListed)
        {
            text.Append("low-confidence stances of ").Append(CultureInfo.InvariantCulture, $"{lowConfidence - NamesListed}")
                .Append(" more origins not counted");
            Done();
        }

        if (hedgedOnly > 0)
        {
            AppendNames(text.Append("hedged statements from "), origins, HedgedOnly, hedgedOnly).Append(" not counted");
            Done();
        }

        if (observingStatements > 0)
        {
            AppendCount(text, observingStatements, "statement").Append(observingStatements == 1 ? " only reports" : " only report")
                .Append(" the claim without endorsing it");
            Done();
        }

        if (queryingStatements > 0)
        {
            AppendCount(text, queryingStatements, "statement").Append(queryingStatements == 1 ? " questions" : " question")
                .Append(" the claim");
            Done();
        }

        text.Append("credibility ").Append(CultureInfo.InvariantCulture, $"{credibility}").Append(": ")
            .Append(AdmiraltyCredibility.Describe(credibility));
        Done();

        var written = reasons.ToArray();
        var supportingIds = Ids(origins, Supports, supporting, last?.Supporting);
        var contradictingIds = Ids(origins, Contradicts, contradicting, last?.Contradicting);
        last?.Remember(written, supportingIds, contradictingIds);
        return new Assessment(status, credibility, written, supportingIds, contradictingIds);
    }

    private static StringBuilder AppendCount(StringBuilder text, int n, string noun)
    {
        text.Append(CultureInfo.InvariantCulture, $"{n} ").Append(noun);
        return n == 1 ? text : text.Append('s');
    }

    /// <summary>The names of the first few origins that match, and how many more there are.</summary>
    private static StringBuilder AppendNames(StringBuilder text, List<OriginTally> origins, Func<OriginTally, bool> matches, int count)
    {
        var listed = 0;
        foreach (var origin in origins)
        {
            if (listed == NamesListed)
            {
                break;
            }

            if (matches(origin))
            {
                text.Append(listed == 0 ? string.Empty : ", ").Append(origin.Name);
                listed++;
            }
        }

        return count > NamesListed ? text.Append(CultureInfo.InvariantCulture, $" and {count - NamesListed} more") : text;
    }

    private static StringBuilder AppendCarriers(StringBuilder text, OriginTally origin)
    {
        var carriers = origin.Carriers;
        for (var i = 0; i < carriers.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(carriers[i]);
        }

        return origin.MoreCarriers > 0 ? text.Append(CultureInfo.InvariantCulture, $" and {origin.MoreCarriers} more") : text;
    }

    /// <summary>The ids of the <paramref name="count"/> origins that match, in order; <paramref name="previous"/> when it lists the same.</summary>
    private static string[] Ids(List<OriginTally> origins, Func<OriginTally, bool> matches, int count, string[]? previous)
    {
        if (count == 0)
        {
            return [];
        }

        var same = previous is not null && previous.Length == count;
        string[]? ids = null;
        var next = 0;
        foreach (var origin in origins)
        {
            if (!matches(origin))
            {
                continue;
            }

            if (ids is null && same && string.Equals(previous![next], origin.Id, StringComparison.Ordinal))
            {
                next++;
                continue;
            }

            if (ids is null)
            {
                ids = new string[count];
                if (same)
                {
                    Array.Copy(previous!, ids, next);
                }
            }

            ids[next++] = origin.Id;
        }

        return ids ?? previous!;
    }

    /// <summary>What the last judgement handed out, for the next one to hand out again where it reads the same.</summary>
    private sealed class LastJudgement
    {
        public string[]? Reasons { get; private set; }

        public string[]? Supporting { get; private set; }

        public string[]? Contradicting { get; private set; }

        public void Remember(string[] reasons, string[] supporting, string[] contradicting)
        {
            Reasons = reasons;
            Supporting = supporting;
            Contradicting = contradicting;
        }
    }
}
