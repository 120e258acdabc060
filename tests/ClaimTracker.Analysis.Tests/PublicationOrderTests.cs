using ClaimTracker.Analysis.Corroboration;

namespace ClaimTracker.Analysis.Tests;

/// <summary>An origin's position is its latest statement by publication time, whatever order the statements arrive in.</summary>
public sealed class PublicationOrderTests
{
    private static readonly DateTimeOffset Monday = new(2023, 9, 11, 9, 0, 0, TimeSpan.Zero);

    private static Evidence Said(string origin, Stance stance, int day, Modality modality = Modality.Asserted, string why = "") =>
        new("a-" + origin.ToLowerInvariant(), origin, "Outlet " + day, stance, modality, why, 0, Monday.AddDays(day));

    [Fact]
    public void A_backfilled_older_support_does_not_override_a_newer_contradiction()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Said("Kremlin", Stance.Contradicts, day: 3, why: "denied (Outlet 3, 2023-09-14)"));
        ledger.Add(Said("Kremlin", Stance.Supports, day: 1));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Contradicted, assessment.Status);
        Assert.Equal(["a-kremlin"], assessment.ContradictingOrigins);
        Assert.Contains("Kremlin: denied (Outlet 3, 2023-09-14)", assessment.Reasons);
        Assert.Contains("Kremlin retracted its earlier support", assessment.Reasons);
    }

    [Fact]
    public void Every_arrival_order_gives_the_same_assessment()
    {
        Evidence[] statements =
        [
            Said("Kremlin", Stance.Supports, day: 1),
            Said("Kremlin", Stance.Contradicts, day: 4, why: "denied (Outlet 4)"),
            Said("Kremlin", Stance.Contradicts, day: 2, why: "doubted (Outlet 2)"),
            Said("Seoul", Stance.Supports, day: 2, Modality.Hedged),
            Said("Seoul", Stance.Contradicts, day: 3, Modality.Hedged),
            Said("Tokyo", Stance.Contradicts, day: 1),
            Said("Tokyo", Stance.Supports, day: 5),
            Said("Kyiv", Stance.Observing, day: 2),
        ];
        var expected = Assess(statements);
        Assert.Equal(CorroborationStatus.Contested, expected.Status);
        Assert.Equal(["a-tokyo"], expected.SupportingOrigins);
        Assert.Equal(["a-kremlin"], expected.ContradictingOrigins);
        Assert.Contains("Kremlin: denied (Outlet 4)", expected.Reasons);

        foreach (var order in Permutations(statements.Length).Take(400))
        {
            var assessment = Assess([.. order.Select(i => statements[i])]);
            Assert.Equal(expected.Status, assessment.Status);
            Assert.Equal(expected.Credibility, assessment.Credibility);
            Assert.Equal(expected.SupportingOrigins.Order(), assessment.SupportingOrigins.Order());
            Assert.Equal(expected.ContradictingOrigins.Order(), assessment.ContradictingOrigins.Order());
            Assert.Contains("Kremlin: denied (Outlet 4)", assessment.Reasons);
            Assert.Contains("hedged statements from Seoul not counted", assessment.Reasons);
        }
    }

    [Fact]
    public void Statements_published_at_the_same_time_go_by_arrival()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Said("Kremlin", Stance.Supports, day: 1));
        ledger.Add(Said("Kremlin", Stance.Contradicts, day: 1));
        Assert.Equal(CorroborationStatus.Contradicted, ledger.Assess().Status);

        var reversed = new CorroborationLedger();
        reversed.Add(Said("Kremlin", Stance.Contradicts, day: 1));
        reversed.Add(Said("Kremlin", Stance.Supports, day: 1));
        Assert.Equal(CorroborationStatus.Uncorroborated, reversed.Assess().Status);
    }

    [Fact]
    public void A_scratch_copy_orders_by_publication_time_too()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Said("Kremlin", Stance.Contradicts, day: 3));
        var scratch = ledger.ScratchCopy();
        scratch.Add(Said("Kremlin", Stance.Supports, day: 1));

        Assert.Equal(CorroborationStatus.Contradicted, scratch.Assess().Status);
        Assert.Equal(CorroborationStatus.Contradicted, ledger.Assess().Status);
    }

    private static Assessment Assess(IEnumerable<Evidence> statements)
    {
        var ledger = new CorroborationLedger();
        foreach (var statement in statements)
        {
            ledger.Add(statement);
        }

        return ledger.Assess();
    }

    /// <summary>Orders of 0…n-1, a spread of them rather than all: every rotation of every tenth permutation.</summary>
    private static IEnumerable<int[]> Permutations(int n)
    {
        var items = Enumerable.Range(0, n).ToArray();
        var index = 0;
        foreach (var permutation in AllPermutations(items, 0))
        {
            if (index++ % 10 == 0)
            {
                yield return permutation;
            }
        }
    }

    private static IEnumerable<int[]> AllPermutations(int[] items, int from)
    {
        if (from == items.Length)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var permutation in AllPermutations(items, from + 1))
            {
                yield return permutation;
            }

            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
