using ClaimTracker.Server.Tests;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Browser.Tests;

/// <summary>
/// The actor page (what an actor said, on which claims, with what effect; its names and where they were seen) and
/// the report page (headline, outlet, the statements found in it with their spans in the text, retraction), reached
/// through the links between claim, actor and report pages and through the actors and reports lists.
/// </summary>
public sealed class ActorAndReportPageTests(ITestOutputHelper output)
{
    private const string Wire =
        "Russian forces are firing up to 60,000 shells per day, according to Ukrainian data, AFP reports.";

    [BrowserFact]
    public async Task Actor_and_report_pages_say_who_said_what_on_which_claim_with_what_effect()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        var a = await client.RegisterReportAsync(Reports.A());
        var claimId = a.Outcomes[0].ClaimId;
        await client.RegisterReportAsync(Reports.B());
        await client.RegisterReportAsync(Reports.D(claimId));
        var wire = await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "wire/2023-09-14",
            Source = "Wire Review",
            Title = "Shelling estimates",
            Url = "https://example.org/wire",
            Text = Wire,
            PublishedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2023, 9, 14, 8, 0, 0, TimeSpan.Zero)),
        });
        Assert.NotEmpty(wire.Outcomes);

        using var browser = Browser.Start(output);

        // The actors list finds the origin by part of its name; its page lists what it said and what that did.
        browser.Open(new Uri(server.WebAddress, "#/actors?q=ukrainian"));
        browser.Click("the actor in the list", "tr[data-actor-id='a-ukrainian-data'] a.actor-link");
        browser.WaitForElement("the actor page", "article.actor-view[data-actor-id='a-ukrainian-data']");
        browser.WaitForText("its name", "h1.actor-name", "Ukrainian data");
        const string storyA = "li.statement-row[data-report-id='story-a']";
        browser.WaitForElement("its statement in story A", storyA);
        browser.WaitForElement("story B too", "li.statement-row[data-report-id='story-b']");
        browser.WaitForElement("the claim it joined, now contested", $"{storyA} .statement-claim .badge[data-status='CONTESTED']");
        browser.WaitForText("the claim's text", $"{storyA} .statement-claim a.claim-link", Reports.ShellsPerDay);
        browser.WaitForElement("its effect: a counted supporting origin", $"{storyA} .statement-effect[data-effect='supporting']");
        browser.WaitForText("the chain", $"{storyA} .chain", "Ukrainian data → AFP → Kyiv Independent");
        browser.WaitForElement("the claim among its claims", $"ol.actor-claims li[data-claim-id='{claimId}'] .badge");
        browser.WaitForElement("where its name was seen", "table.sightings tr[data-report-id='story-a']");

        // As the origin at the end of chains: the same two statements; the role is in the route.
        browser.Click("the origin tab", ".role-tab[data-role='origin']");
        browser.WaitForElement("the origin tab pressed", ".role-tab[data-role='origin'][aria-pressed='true']");
        browser.WaitForElement("story A as origin", storyA);
        Assert.Contains("as=origin", browser.Driver.Url, StringComparison.Ordinal);
        browser.Screenshot("actor-page");

        // The outlet of a report: its page as the outlet, opened from a bookmark.
        browser.Open(new Uri(server.WebAddress, "#/actors/a-kyiv-independent?as=outlet"));
        browser.WaitForElement("the outlet's page on the outlet tab", ".role-tab[data-role='outlet'][aria-pressed='true']");
        browser.WaitForCount("the one statement it carried", "li.statement-row", 1);
        browser.WaitForElement("story A", storyA);

        // From the claim page to the contradicting actor, and on to the report it spoke in.
        browser.Open(new Uri(server.WebAddress, $"#/claims/{claimId}"));
        browser.Click(
            "the contradicting speaker",
            ".stance-group[data-stance='CONTRADICTS'] .speaker a.actor[href='#/actors/a-russian-ministry-of-defence']");
        const string storyD = "li.statement-row[data-report-id='story-d']";
        browser.WaitForElement("its effect: a counted contradicting origin", $"{storyD} .statement-effect[data-effect='contradicting']");
        browser.Click("the report link", $"{storyD} a.report-link");
        browser.WaitForElement("the report page", "article.report-view[data-report-id='story-d'][data-retracted='false']");
        browser.WaitForText("the headline", "h1#report-title", "fabricated");
        browser.WaitForText("the outlet", "article.report-view .claim-meta a.actor", "TASS");
        browser.WaitForElement("its statement, contradicting", "li.statement-row[data-stance='CONTRADICTS']");
        browser.WaitForElement("the claim it contradicts", $"li.statement-row .statement-claim a.claim-link[href='#/claims/{claimId}']");

        // The report's text with the statement found in it highlighted; the id has a '/', the route keeps it whole.
        browser.Open(new Uri(server.WebAddress, "#/reports?q=shelling"));
        browser.Click("the wire report in the list", "tr[data-report-id='wire/2023-09-14'] a.report-link");
        browser.WaitForElement("the wire report", "article.report-view[data-report-id='wire/2023-09-14']");
        var content = browser.WaitForElement("the content span", ".report-text mark.span-content");
        var marked = string.Concat(browser.All(".report-text mark").Select(mark => mark.Text));
        Assert.Contains("60,000", content.Text + marked, StringComparison.Ordinal);
        browser.WaitForElement("the speaker span", ".report-text mark.span-source");
        browser.WaitForCount("one statement row per statement found", "li.statement-row", wire.Outcomes.Count);
        browser.Screenshot("report-page");

        // The reports list by outlet.
        browser.Open(new Uri(server.WebAddress, "#/reports?outlet=a-tass"));
        browser.WaitForCount("TASS's one report", "table.reports tbody tr", 1);
        browser.WaitForElement("story D", "tr[data-report-id='story-d']");

        // A retraction shows on the report page, and its statement no longer counts.
        await client.RetractReportAsync(new V1.RetractReportRequest
        {
            CorrectionId = "retract-d",
            Analyst = "test",
            Reason = "TASS withdrew the article",
            ReportId = "story-d",
        });
        browser.Open(new Uri(server.WebAddress, "#/reports/story-d"));
        browser.Driver.Navigate().Refresh();
        browser.WaitForElement("the retracted report", "article.report-view[data-report-id='story-d'][data-retracted='true']");
        browser.WaitForText("the outlet's reason", ".retraction", "TASS withdrew the article");
        browser.WaitForElement("its statement withdrawn", "li.statement-row.withdrawn .statement-effect[data-effect='withdrawn']");
        Assert.Empty(browser.ConsoleErrors());
    }
}
