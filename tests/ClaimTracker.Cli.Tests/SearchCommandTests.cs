using ClaimTracker.Server.Tests;
using Google.Protobuf;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cli.Tests;

/// <summary>The search, reports and statements commands against a real server.</summary>
public sealed class SearchCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    [Fact]
    public async Task Reports_and_statements_list_by_outlet_words_and_report_and_search_needs_semantic_matching()
    {
        var story = await fixture.StoryAsync();
        var reports = await fixture.RunAsync("reports", "--query", "spillway", "--json");
        Assert.True(reports.ExitCode == 0, reports.ToString());
        var report = Assert.Single(Parser.Parse<V1.ListReportsResponse>(reports.Stdout).Reports);
        Assert.Equal(ServerFixture.StoryId, report.ReportId);
        var table = await fixture.RunAsync("reports", "--outlet", story.Report.SourceActorId);
        Assert.Contains("Dam operators open every spillway", table.Stdout, StringComparison.Ordinal);
        var partWord = await fixture.RunAsync("reports", "--query", "spill", "--json");
        Assert.Equal(0, partWord.ExitCode);
        Assert.Empty(Parser.Parse<V1.ListReportsResponse>(partWord.Stdout).Reports);

        var statements = await fixture.RunAsync("statements", "--report", ServerFixture.StoryId, "--limit", "100", "--json");
        Assert.True(statements.ExitCode == 0, statements.ToString());
        Assert.Equal(
            story.Outcomes.Select(o => o.StatementId).Order(),
            Parser.Parse<V1.ListStatementsResponse>(statements.Stdout).Statements.Select(s => s.StatementId).Order());
        var supports = await fixture.RunAsync("statements", "--report", ServerFixture.StoryId, "--stance", "SUPPORTS");
        Assert.True(supports.ExitCode == 0, supports.ToString());
        Assert.Contains("Supports", supports.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await fixture.RunAsync("statements", "--stance", "MAYBE")).ExitCode);
        var backwards = await fixture.RunAsync("statements", "--published-after", "2025-01-02", "--published-before", "2025-01-01");
        Assert.Equal(2, backwards.ExitCode);

        var search = await fixture.RunAsync("search", "the dam gate is stuck", "--dry-run");
        Assert.Equal(1, search.ExitCode);
        Assert.Contains("FailedPrecondition", search.Stderr, StringComparison.Ordinal);
    }
}
