using ClaimTracker.Analysis.Corroboration;
using ClaimTracker.Analysis.Reliability;

namespace ClaimTracker.Analysis.Tests;

/// <summary>Weighting origins by reliability grade: D counts half, E not at all; the reasons say when the status changed.</summary>
public sealed class ReliabilityWeightingTests
{
    private static readonly Dictionary<string, ReliabilityGrade> Grades = new()
    {
        ["a-good"] = ReliabilityGrade.B,
        ["a-new"] = ReliabilityGrade.F,
        ["a-doubtful"] = ReliabilityGrade.D,
        ["a-bad"] = ReliabilityGrade.E,
    };

    private static readonly ReliabilityWeighting Weighting = new(id => Grades.GetValueOrDefault(id, ReliabilityGrade.Unspecified));

    private static CorroborationLedger Ledger(params (string Id, Stance Stance)[] positions)
    {
        var ledger = new CorroborationLedger();
        foreach (var (id, stance) in positions)
        {
            ledger.Add(new Evidence(id, id[2..], "Outlet", stance, Modality.Asserted));
        }

        return ledger;
    }

    [Fact]
    public void Grades_weigh_origins_and_the_reasons_name_who_counted_less()
    {
        // Two supporters, one graded D: weight 1.5, no longer corroborated.
        var ledger = Ledger(("a-good", Stance.Supports), ("a-doubtful", Stance.Supports));
        Assert.Equal(CorroborationStatus.Corroborated, ledger.Assess().Status);
        var weighted = ledger.Assess(Weighting);
        Assert.Equal((CorroborationStatus.Uncorroborated, AdmiraltyCredibility.PossiblyTrue), (weighted.Status, weighted.Credibility));
        Assert.Contains("weighted by source reliability: uncorroborated instead of corroborated (doubtful (graded D) counted half)",
            weighted.Reasons);
        Assert.Equal("credibility 3: possibly true", weighted.Reasons[^1]);

        // A contradiction from an unreliable origin weighs nothing: the claim is no longer contested, just open.
        var denied = Ledger(("a-new", Stance.Supports), ("a-bad", Stance.Contradicts)).Assess(Weighting);
        Assert.Equal(CorroborationStatus.Uncorroborated, denied.Status);
        Assert.Contains(denied.Reasons, r => r.EndsWith("(bad (graded E) not counted)", StringComparison.Ordinal));
    }

    [Fact]
    public void Good_new_and_ungraded_origins_count_one_and_an_unchanged_status_adds_no_reason()
    {
        var ledger = Ledger(("a-good", Stance.Supports), ("a-new", Stance.Supports), ("a-unknown", Stance.Supports));
        Assert.Equal(CorroborationStatus.Corroborated, ledger.Assess(Weighting).Status);
        Assert.Equal(ledger.Assess().Reasons, ledger.Assess(Weighting).Reasons);

        // Two D origins together weigh one: not corroborated. An A counts one, not more: one origin never corroborates alone.
        Assert.Equal(CorroborationStatus.Uncorroborated,
            Ledger(("a-d1", Stance.Supports), ("a-d2", Stance.Supports)).Assess(new(_ => ReliabilityGrade.D)).Status);
        Assert.Equal(CorroborationStatus.Uncorroborated, Ledger(("a-a1", Stance.Supports)).Assess(new(_ => ReliabilityGrade.A)).Status);
    }
}
