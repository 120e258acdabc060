using ClaimTracker.Analysis;
using ClaimTracker.Extraction;
using ClaimTracker.Grains.Reports;

namespace ClaimTracker.Grains.Tests;

/// <summary>How a report that is its headline alone becomes the statements to link.</summary>
public sealed class HeadlineDraftTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static ReportDraft Draft(string headline) =>
        ReportDraft.FromExtraction(new ReportSubmission("r-1", "Outlet", string.Empty, null, headline, headline, []), Extractor);

    [Fact]
    public void A_question_headline_queries_and_leaves_the_claim_to_the_linker()
    {
        var statement = Assert.Single(Draft("Did Paul Rudd Help Tackle That Dallas Airport Gay-Basher?").Statements).Input;

        Assert.Equal(Stance.Queries, statement.Stance);
        Assert.Equal(string.Empty, statement.ClaimId);
        Assert.Contains("question", statement.StanceReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headline_whose_content_holds_its_speaker_is_not_read_again_for_a_nested_speaker()
    {
        var draft = Draft("Boko Haram agrees to release schoolgirls, Nigeria says");

        var statement = Assert.Single(draft.Statements);
        Assert.Equal("Nigeria", statement.Input.Speaker);
        Assert.Empty(statement.Via);
        Assert.Equal(Stance.Unspecified, statement.Input.Stance);
    }
}
