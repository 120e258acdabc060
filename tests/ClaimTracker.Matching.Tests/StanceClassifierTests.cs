using ClaimTracker.Analysis;
using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class StanceClassifierTests
{
    private const string ShellsClaim = "Moscow forces are firing up to 60,000 shots per day, according to Ukrainian data";

    [Fact]
    public void Kremlin_denial_contradicts_Putins_military_cooperation_claim()
    {
        var decision = Classify(
            "The Kremlin denied that military cooperation was discussed",
            "Putin said there were opportunities for military cooperation");

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains("\"denied\"", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No agreements on military cooperation were signed", true)]
    [InlineData("The video of the shark on the highway is fake", true)]
    [InlineData("Officials never confirmed the figure", true)]
    [InlineData("an arms deal was discussed at the cosmodrome", false)]
    [InlineData("Nothingness is a topic of philosophy", false)]
    public void A_text_that_is_itself_negative_is_recognised(string text, bool negative) =>
        Assert.Equal(negative, StanceClassifier.StatesNegation(text));

    [Fact]
    public void Extraction_denial_flag_contradicts()
    {
        var hints = StanceHints.None with { IsDenial = true };

        Assert.Equal(Stance.Contradicts, StanceClassifier.Classify("Moscow rejected this", "Putin discussed cooperation", hints).Stance);
    }

    [Fact]
    public void General_staff_20000_shells_conflicts_with_up_to_60000_shots_and_names_both()
    {
        var decision = Classify("Ukraine's general staff now estimates about 20,000 shells per day", ShellsClaim);

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains("about 20,000 shells per day", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("up to 60,000 shots per day", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Independent_report_of_the_same_production_figure_supports()
    {
        var decision = Classify(
            "An independent study found Russia produces 2.5 million shells a year",
            "Russia is producing 2.5 million shells per year");

        Assert.Equal(Stance.Supports, decision.Stance);
        Assert.Contains("same figure", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("2.5 million shells per year", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantities_from_extraction_hints_are_used()
    {
        var hints = new StanceHints(
            Modality.Asserted,
            false,
            [new QuantityFeature(20_000, null, QuantityBounds.About, "shells", "day", null)],
            [new QuantityFeature(60_000, null, QuantityBounds.UpTo, "shots", "day", null)]);

        Assert.Equal(
            Stance.Contradicts,
            StanceClassifier.Classify("Twenty thousand a day, say officials", "Sixty thousand a day", hints).Stance);
    }

    [Theory]
    [InlineData("Is it true that Russia fires 60,000 shells a day?")]
    [InlineData("Does Russia really fire 60,000 shells per day?")]
    public void Questions_query(string statement)
    {
        var decision = Classify(statement, ShellsClaim);

        Assert.Equal(Stance.Queries, decision.Stance);
        Assert.Contains("question", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Russia reportedly fires 60,000 shells per day", "reportedly")]
    [InlineData("Ukraine claims that Russia fires 60,000 shells per day", "claims")]
    [InlineData("Rumours spread that a bird pooped on Putin", "rumours")]
    [InlineData("Video appears to show a bird pooping on Putin", "appears")]
    [InlineData("Bird pooped on Putin, according to reports", "according to")]
    public void Reporting_without_endorsing_observes(string statement, string cue)
    {
        var decision = Classify(statement, "A bird pooped on Vladimir Putin during a speech");

        Assert.Equal(Stance.Observing, decision.Stance);
        Assert.Contains($"\"{cue}\"", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hedged_modality_observes()
    {
        var hints = StanceHints.None with { Modality = Modality.Hedged };

        Assert.Equal(Stance.Observing, StanceClassifier.Classify("Putin met Kim", "Putin met Kim in Vladivostok", hints).Stance);
    }

    [Theory]
    [InlineData("The bird video is a hoax", "hoax")]
    [InlineData("Photo of bird pooping on Putin is fake", "fake")]
    [InlineData("Fact check: claim about Putin and the bird is false", "false")]
    [InlineData("Bird-on-Putin story debunked", "debunked")]
    [InlineData("Putin bird story is not true, Kremlin says", "not true")]
    [InlineData("Experts cast doubt on the Putin bird video", "doubt")]
    [InlineData("Reports of a bird on Putin were greatly exaggerated", "exaggerated")]
    [InlineData("The Putin bird story was misinformation", "misinformation")]
    [InlineData("Kremlin rebuffs the bird story", "rebuffs")]
    [InlineData("Media fooled again by a Putin bird video", "fooled")]
    public void Debunking_vocabulary_contradicts(string statement, string cue)
    {
        var decision = Classify(statement, "A bird pooped on Vladimir Putin during a speech");

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains($"\"{cue}\"", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Denial_word_shared_with_the_claim_is_not_a_contradiction()
    {
        var decision = Classify("Experts agree the Putin bird video is a hoax", "The Putin bird video is a hoax");

        Assert.Equal(Stance.Supports, decision.Stance);
    }

    [Fact]
    public void Negation_polarity_mismatch_contradicts()
    {
        var decision = Classify("Elon University has not banned the term freshman", "Elon University has banned the term freshman");

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains("negates", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Negation_below_the_similarity_gate_is_ignored()
    {
        var hints = StanceHints.FromText("x", "y", similarity: 0.1);

        Assert.Equal(Stance.Supports, StanceClassifier.Classify(
            "Elon University has not banned the term freshman",
            "Elon University has banned the term freshman",
            hints).Stance);
    }

    [Fact]
    public void Antonym_contradicts()
    {
        var decision = Classify("Macaulay Culkin is alive and well", "Macaulay Culkin is dead");

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains("\"alive\"", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("\"dead\"", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicting_dates_contradict()
    {
        var decision = Classify("Putin will visit Pyongyang on June 19", "Putin will visit Pyongyang on June 12");

        Assert.Equal(Stance.Contradicts, decision.Stance);
        Assert.Contains("June 19", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("June 12", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_restatement_supports_with_a_reason()
    {
        var decision = Classify("Russian forces fire as many as 60,000 shells a day", ShellsClaim);

        Assert.Equal(Stance.Supports, decision.Stance);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    private static StanceDecision Classify(string statement, string claim) =>
        StanceClassifier.Classify(statement, claim, StanceHints.FromText(statement, claim));
}
