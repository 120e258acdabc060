using ClaimTracker.Analysis;
using ClaimTracker.Extraction;
using ClaimTracker.Grains.Reports;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// Which stance model a report's statements take: the body model for the outlet's own running text, the headline model
/// for a headline, a speaker's attributed words and the client's structured statements.
/// </summary>
public sealed class StanceOriginTests
{
    private const string OwnReporting = "Artillery production in Russia has tripled since the start of the war.";
    private const string Attributed = "Russia will produce 2.5 million artillery shells this year, Estonian defence intelligence said.";
    private const string Headline = "Russia to produce 2.5 million shells this year, Estonia says";

    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void The_outlets_own_running_text_takes_the_body_model_and_speakers_and_headlines_the_headline_model()
    {
        var running = ReportDraft.FromExtraction(Submission(title: Headline, text: OwnReporting + " " + Attributed), Extractor);
        var headline = ReportDraft.FromExtraction(Submission(title: Headline, text: " " + Headline + "\n"), Extractor);

        var requests = ReportPlanner.LinkRequests(running);
        Assert.True(Assert.Single(requests, r => r.Content.Contains("tripled", StringComparison.Ordinal)).FromBody);
        Assert.False(Assert.Single(requests, r => r.Content.Contains("2.5 million", StringComparison.Ordinal)).FromBody);
        Assert.False(Assert.Single(ReportPlanner.LinkRequests(headline)).FromBody);
    }

    [Fact]
    public void A_headline_sent_as_the_text_without_a_title_takes_the_headline_model_and_a_longer_text_the_body_model()
    {
        var headline = ReportDraft.FromExtraction(Submission(title: string.Empty, text: OwnReporting), Extractor);
        var article = ReportDraft.FromExtraction(
            Submission(title: string.Empty, text: OwnReporting + " Shell output rose again in the autumn."), Extractor);

        Assert.False(Assert.Single(ReportPlanner.LinkRequests(headline)).FromBody);
        var ownWords = Assert.Single(ReportPlanner.LinkRequests(article), r => r.Content.Contains("tripled", StringComparison.Ordinal));
        Assert.True(ownWords.FromBody);
    }

    [Fact]
    public void Structured_statements_from_the_client_take_the_headline_model()
    {
        var statement = new StatementSubmission("Estonian defence intelligence", "Russia will produce 2.5 million shells", string.Empty, [],
            Stance.Unspecified, Modality.Asserted, string.Empty);

        var draft = ReportDraft.FromStatements(Submission(title: string.Empty, text: OwnReporting) with { Statements = [statement] });

        Assert.False(Assert.Single(ReportPlanner.LinkRequests(draft)).FromBody);
    }

    private static ReportSubmission Submission(string title, string text) => new("r-1", "Outlet", string.Empty, null, title, text, []);
}
