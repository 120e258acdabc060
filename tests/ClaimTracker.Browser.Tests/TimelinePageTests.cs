using ClaimTracker.Server.Tests;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Browser.Tests;

/// <summary>A claim's timeline page in headless Chromium: publication order, who picked it up from whom, where it turned.</summary>
public sealed class TimelinePageTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Day0 = new(2023, 9, 10, 8, 0, 0, TimeSpan.Zero);

    [BrowserFact]
    public async Task The_timeline_shows_the_spread_in_publication_order_and_the_turn_to_contested()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;

        // Registered out of publication order: the TASS denial (day 3) before Le Monde's repeat (day 2).
        var a = await client.RegisterReportAsync(Published(Reports.A(), day: 1));
        var claimId = a.Outcomes[0].ClaimId;
        await client.RegisterReportAsync(Published(Reports.D(claimId), day: 3));
        await client.RegisterReportAsync(Published(Reports.B(), day: 2));

        using var browser = Browser.Start(output);
        browser.Open(new Uri(server.WebAddress, $"#/claims/{claimId}"));
        browser.Click("the timeline link", "a.timeline-link");
        browser.WaitForCount("the three statements", "ol.timeline li.timeline-entry", 3);
        Assert.Equal(
            ["story-a", "story-b", "story-d"],
            browser.All("ol.timeline li.timeline-entry").Select(e => e.GetAttribute("data-report-id")));
        browser.WaitForElement("the first appearance", ".timeline-first[data-report-id='story-a']");
        browser.WaitForText("who the first outlet picked it up from", "li[data-report-id='story-a'] .picked-up-from", "AFP");
        browser.WaitForText("the origin's first word", "li[data-report-id='story-a'] .first-word", "first word from Ukrainian data");
        Assert.Empty(browser.All("li[data-report-id='story-b'] .first-word"));
        browser.WaitForElement(
            "the turn to CONTESTED", "li.timeline-entry.turned[data-report-id='story-d'][data-status-after='CONTESTED']");
        browser.WaitForText("the turn's words", "li[data-report-id='story-d'] .timeline-turn", "Contested");
        browser.WaitForCount("the two origins", "table.timeline-origins tbody tr", 2);
        browser.WaitForText("the contradicting origin's position", "tr[data-origin-id='a-russian-ministry-of-defence']", "contradicts");
        browser.Screenshot("claim-timeline");
        Assert.Empty(browser.ConsoleErrors());

        // Each entry links to its report's page; back returns to the timeline.
        browser.Click("the report that turned it", "li[data-report-id='story-d'] a.report-link");
        browser.WaitForElement("the report page", "article.report-view[data-report-id='story-d']");
        browser.WaitForElement("its contradicting statement", "li.statement-row[data-stance='CONTRADICTS']");
        browser.Driver.Navigate().Back();
        browser.WaitForCount("the timeline again", "ol.timeline li.timeline-entry", 3);

        browser.Click("the way back", "a.back");
        browser.WaitForElement("the claim view", $"article.claim-view[data-claim-id='{claimId}']");
    }

    private static V1.RegisterReportRequest Published(V1.RegisterReportRequest request, int day)
    {
        request.PublishedAt = Timestamp.FromDateTimeOffset(Day0.AddDays(day));
        return request;
    }
}
