using ClaimTracker.Analysis;
using ClaimTracker.Extraction;
using ClaimTracker.Grains.Reports;

namespace ClaimTracker.Grains.Tests;

/// <summary>Which stance model a report's statements take: the body model for running text, the headline model otherwise.</summary>
public sealed class StanceOriginTests
{
    private const string Body = "Russia will produce 2.5 million artillery shells this year, Estonian defence intelligence said. "
        + "The Kremlin denied that military cooperation with North Korea was discussed at the summit.";

    private const string Headline = "Russia to produce 2.5 million shells this year, Estonia says";

    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void Statements_read_from_running_text_take_the_body_model_and_a_headline_alone_the_headline_model()
    {
        var running = ReportDraft.FromExtraction(Submission(title: Headline, text: Body), Extractor);
        var untitled = ReportDraft.FromExtraction(Submission(title: string.Empty, text: Body), Extractor);
        var headline = ReportDraft.FromExtraction(Submission(title: Headline, text: " " + Headline + "\n"), Extractor);

        Assert.True(running.FromRunningText);
        Assert.True(untitled.FromRunningText);
        Assert.False(headline.FromRunningText);
        Assert.NotEmpty(running.Statements);
        Assert.All(ReportPlanner.LinkRequests(running), r => Assert.True(r.FromBody));
        Assert.False(Assert.Single(ReportPlanner.LinkRequests(headline)).FromBody);
    }

    [Fact]
    public void Structured_statements_from_the_client_take_the_headline_model()
    {
        var statement = new StatementSubmission("Estonian defence intelligence", "Russia will produce 2.5 million shells", string.Empty, [],
            Stance.Unspecified, Modality.Asserted, string.Empty);

        var draft = ReportDraft.FromStatements(Submission(title: string.Empty, text: Body) with { Statements = [statement] });

        Assert.False(draft.FromRunningText);
        Assert.False(Assert.Single(ReportPlanner.LinkRequests(draft)).FromBody);
    }

    private static ReportSubmission Submission(string title, string text) => new("r-1", "Outlet", string.Empty, null, title, text, []);
}
