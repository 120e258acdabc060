using ClaimTracker.Analysis;
using ClaimTracker.Extraction;
using ClaimTracker.Grains.Reports;

namespace ClaimTracker.Grains.Tests;

/// <summary>How a report's text becomes the statements that go to claims (pure: no cluster).</summary>
public sealed class ReportDraftTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static ReportDraft Read(string text) =>
        ReportDraft.FromExtraction(new ReportSubmission("r-1", "Example Outlet", "", null, "", text, []), Extractor);

    private static (string Speaker, string[] Via, string Content) Describe(ReportDraft draft, DraftStatement statement) =>
        (draft.Mentions[statement.Speaker].Name, statement.Via.Select(v => draft.Mentions[v].Name).ToArray(), statement.Input.Content);

    [Fact]
    public void A_speaker_reported_by_an_outlet_is_one_statement_carried_by_it_not_a_claim_of_the_outlet()
    {
        var draft = Read("Putin said the talks with Kim were useful, Russian state media reported.");

        var statement = Assert.Single(draft.Statements);
        var (speaker, via, content) = Describe(draft, statement);
        Assert.Equal("Putin", speaker);
        Assert.Equal(["Russian state media"], via);
        Assert.Equal("the talks with Kim were useful", content);
    }

    [Fact]
    public void A_statement_according_to_an_agency_is_registered_once()
    {
        var draft = Read("The Kremlin said on Tuesday that no agreements were signed, according to Interfax.");

        var statement = Assert.Single(draft.Statements);
        var (speaker, via, _) = Describe(draft, statement);
        Assert.Equal("Kremlin", speaker);
        Assert.Equal(["Interfax"], via);
    }

    [Fact]
    public void An_outlet_that_reports_without_naming_a_speaker_inside_keeps_its_statement()
    {
        var draft = Read("The plant will close in May, the company said.");

        var statement = Assert.Single(draft.Statements);
        Assert.Equal(Modality.Asserted, statement.Input.Modality);
        Assert.Equal("The plant will close in May", statement.Input.Content);
    }
}
