using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Corroboration;

namespace ClaimTracker.Analysis.Tests;

public sealed class CorroborationLedgerTests
{
    private static Evidence Support(string origin, string carrier, Modality modality = Modality.Asserted) =>
        new("a-" + origin.ToLowerInvariant().Replace(' ', '-'), origin, carrier, Stance.Supports, modality);

    private static Evidence Contradict(string origin, string carrier) =>
        new("a-" + origin.ToLowerInvariant().Replace(' ', '-'), origin, carrier, Stance.Contradicts, Modality.Asserted);

    [Fact]
    public void One_origin_is_uncorroborated_and_possibly_true()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Uncorroborated, assessment.Status);
        Assert.Equal(AdmiraltyCredibility.PossiblyTrue, assessment.Credibility);
        Assert.Equal(["a-ukrainian-data"], assessment.SupportingOrigins);
        Assert.Contains(assessment.Reasons, r => r.Contains("supported by 1 independent origin: Ukrainian data", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_outlets_repeating_one_origin_are_one_origin_and_the_reason_names_it()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Support("Ukrainian data", "Le Monde"));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Uncorroborated, assessment.Status);
        Assert.Single(assessment.SupportingOrigins);
        Assert.Contains(assessment.Reasons, r => r.StartsWith(
            "1 repeat of Ukrainian data not counted as independent (carried by Kyiv Independent, Le Monde)",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_independent_origin_corroborates()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Support("Ukrainian data", "Le Monde"));
        ledger.Add(Support("Estonian defence intelligence", "Reuters"));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Corroborated, assessment.Status);
        Assert.Equal(AdmiraltyCredibility.Confirmed, assessment.Credibility);
        Assert.Contains("supported by 2 independent origins: Ukrainian data, Estonian defence intelligence", assessment.Reasons);
    }

    [Fact]
    public void A_contradiction_against_support_is_contested_and_doubtful()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Support("Estonian defence intelligence", "Reuters"));
        ledger.Add(Contradict("Russian Ministry of Defence", "TASS"));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Contested, assessment.Status);
        Assert.Equal(AdmiraltyCredibility.Doubtful, assessment.Credibility);
        Assert.Equal(["a-russian-ministry-of-defence"], assessment.ContradictingOrigins);
        Assert.Contains("contradicted by 1 independent origin: Russian Ministry of Defence", assessment.Reasons);
    }

    [Fact]
    public void Only_contradictions_make_a_claim_contradicted()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Contradict("Russian Ministry of Defence", "TASS"));

        Assert.Equal(CorroborationStatus.Contradicted, ledger.Assess().Status);
        Assert.Equal(AdmiraltyCredibility.Improbable, ledger.Assess().Credibility);
    }

    [Fact]
    public void Hedged_support_does_not_corroborate()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Support("Yohann Michel", "AFP", Modality.Hedged));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Uncorroborated, assessment.Status);
        Assert.Contains(assessment.Reasons, r => r.Contains("hedged statements from Yohann Michel not counted", StringComparison.Ordinal));
    }

    [Fact]
    public void An_origin_retracting_its_support_counts_against_the_claim()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Contradict("Ukrainian data", "Kyiv Independent"));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Contradicted, assessment.Status);
        Assert.Contains("Ukrainian data retracted its earlier support", assessment.Reasons);
    }

    [Fact]
    public void A_clone_is_independent_of_the_original()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));

        var clone = ledger.ScratchCopy();
        clone.Add(Support("Estonian defence intelligence", "Reuters"));

        Assert.Equal(CorroborationStatus.Corroborated, clone.Assess().Status);
        Assert.Equal(CorroborationStatus.Uncorroborated, ledger.Assess().Status);
        Assert.Equal(1, ledger.OriginCount);
    }

    [Fact]
    public void A_scratch_copy_adding_to_a_known_origin_leaves_the_original_alone()
    {
        var ledger = new CorroborationLedger();
        for (var i = 0; i < 12; i++)
        {
            ledger.Add(Support("Origin " + i, "Outlet"));
        }

        var before = ledger.Assess();
        var scratch = ledger.ScratchCopy();
        scratch.Add(Contradict("Origin 3", "Other Outlet"));
        scratch.Add(Support("Origin 3", "Third Outlet"));
        scratch.Add(Support("Origin 12", "Outlet"));

        Assert.Contains("Origin 3 withdrew its earlier contradiction", scratch.Assess().Reasons);
        Assert.Equal(13, scratch.OriginCount);
        Assert.Equal(12, ledger.OriginCount);
        Assert.Equal(before.Reasons, ledger.Assess().Reasons);
        Assert.Equal(before.SupportingOrigins, ledger.Assess().SupportingOrigins);
    }

    [Fact]
    public void Observing_and_querying_statements_do_not_support()
    {
        var ledger = new CorroborationLedger();
        ledger.Add(new Evidence("a-x", "X", "Outlet", Stance.Observing, Modality.Asserted));
        ledger.Add(new Evidence("a-y", "Y", "Outlet", Stance.Queries, Modality.Asserted));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Uncorroborated, assessment.Status);
        Assert.Equal(AdmiraltyCredibility.CannotBeJudged, assessment.Credibility);
        Assert.Empty(assessment.SupportingOrigins);
    }

    [Fact]
    public void A_support_under_the_confidence_floor_is_not_counted_and_the_reason_names_it()
    {
        var ledger = new CorroborationLedger(confidenceFloor: 0.5);
        ledger.Add(Support("Ukrainian data", "Kyiv Independent") with { Confidence = 0.9f });
        ledger.Add(Support("Daily Rumour", "Daily Rumour") with { Confidence = 0.41f });

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Uncorroborated, assessment.Status);
        Assert.Equal(["a-ukrainian-data"], assessment.SupportingOrigins);
        Assert.Contains("1 low-confidence stance of Daily Rumour not counted (supports at 0.41, under the floor 0.50)", assessment.Reasons);
    }

    [Fact]
    public void A_contradiction_under_the_floor_does_not_contest_the_claim()
    {
        var ledger = new CorroborationLedger(confidenceFloor: 0.6);
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Support("Estonian defence intelligence", "Reuters") with { Confidence = 0.8f });
        ledger.Add(Contradict("Kremlin", "TASS") with { Confidence = 0.55f });

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Corroborated, assessment.Status);
        Assert.Empty(assessment.ContradictingOrigins);
        Assert.Contains(
            assessment.Reasons,
            r => r.StartsWith("1 low-confidence stance of Kremlin not counted (contradicts at 0.55", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stance_no_model_judged_counts_whatever_the_floor()
    {
        var ledger = new CorroborationLedger(confidenceFloor: 0.9);
        ledger.Add(Support("Ukrainian data", "Kyiv Independent"));
        ledger.Add(Support("Estonian defence intelligence", "Reuters"));

        var assessment = ledger.Assess();

        Assert.Equal(CorroborationStatus.Corroborated, assessment.Status);
        Assert.DoesNotContain(assessment.Reasons, r => r.Contains("low-confidence", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scratch_copy_keeps_the_floor()
    {
        var ledger = new CorroborationLedger(confidenceFloor: 0.5);
        var scratch = ledger.ScratchCopy();
        scratch.Add(Support("Daily Rumour", "Daily Rumour") with { Confidence = 0.3f });

        Assert.Equal(0.5, scratch.ConfidenceFloor);
        Assert.Empty(scratch.Assess().SupportingOrigins);
    }

    [Fact]
    public void A_busy_claims_reason_that_reads_as_before_is_the_same_string_and_one_that_changed_is_new()
    {
        // A claim of a few origins keeps nothing between its judgements; past eight origins it keeps what it handed out last.
        var small = new CorroborationLedger();
        small.Add(Support("Kremlin", "TASS"));
        small.Add(Support("Pyongyang", "KCNA"));
        Assert.NotSame(small.Assess().Reasons[0], small.Assess().Reasons[0]);
        var ledger = new CorroborationLedger();
        var evidence = Enumerable.Range(1, 9).Select(i => Support($"Origin {i}", "Wire")).ToList();
        evidence.Add(Support("Kremlin", "TASS"));
        evidence.Add(Support("Kremlin", "RIA"));
        evidence.ForEach(ledger.Add);
        var before = ledger.Assess();

        var scratch = ledger.ScratchCopy();
        scratch.Add(Support("Kremlin", "Interfax"));
        var after = scratch.Assess();

        Assert.Equal(before.Reasons.Count, after.Reasons.Count);
        var repeats = Enumerable.Range(0, after.Reasons.Count)
            .Single(i => after.Reasons[i].Contains("of Kremlin", StringComparison.Ordinal));
        Assert.StartsWith("2 repeats of Kremlin not counted as independent", after.Reasons[repeats], StringComparison.Ordinal);
        Assert.NotEqual(before.Reasons[repeats], after.Reasons[repeats]);
        var unchanged = Enumerable.Range(0, after.Reasons.Count).Where(i => i != repeats);
        Assert.All(unchanged, i => Assert.Same(before.Reasons[i], after.Reasons[i]));
        Assert.Same(before.SupportingOrigins, after.SupportingOrigins);

        // The same reasons as judged from scratch.
        var fresh = new CorroborationLedger();
        evidence.ForEach(fresh.Add);
        fresh.Add(Support("Kremlin", "Interfax"));
        Assert.Equal(fresh.Assess().Reasons, after.Reasons);

        // A new origin: a new list of them; as many origins, one of them another: a new list too.
        var added = ledger.ScratchCopy();
        added.Add(Support("Seoul", "Yonhap"));
        Assert.Equal([.. before.SupportingOrigins, "a-seoul"], added.Assess().SupportingOrigins);
        var turned = ledger.ScratchCopy();
        turned.Add(Contradict("Origin 2", "Wire") with { PublishedAt = DateTimeOffset.UnixEpoch.AddDays(1) });
        turned.Add(Support("Seoul", "Yonhap"));
        Assert.Equal([.. before.SupportingOrigins.Where(id => id != "a-origin-2"), "a-seoul"], turned.Assess().SupportingOrigins);
        Assert.Equal(fresh.Assess().SupportingOrigins, before.SupportingOrigins);
    }
}
