using ClaimTracker.Server.Tests;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Browser.Tests;

/// <summary>
/// The claims list read from the server a page at a time: 123 claims, 50 to a page, paged forwards and back, bookmarked,
/// sorted, searched by words; the live feed still updates the rows on screen, and the page never asks for every claim.
/// </summary>
public sealed class ClaimsPagingPageTests(ITestOutputHelper output)
{
    private const int Filler = 118;
    private const string Rows = "table.claims tbody tr[data-claim-id]";

    [BrowserFact]
    public async Task A_large_list_pages_forwards_and_back_sorts_searches_and_stays_live()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        // 118 claims that name no port, three that do, and two that only say "support".
        var requests = Enumerable.Range(0, Filler)
            .Select(i => Reports.Report($"fill-{i:000}", $"Outlet {i % 7}", $"Official {i % 11}", [], Convoy(i)))
            .Concat(Enumerable.Range(0, 3).Select(i => Reports.Report(
                $"port-{i}", "Harbour Gazette", "Harbour master", [], $"The port of Izmail closed berth {i} to grain ships")))
            .Concat(Enumerable.Range(0, 2).Select(i =>
                Reports.Report($"support-{i}", "Daily Ledger", "Finance minister", [], $"Ministers voiced support for grain deal {i}")))
            .ToArray();
        var claims = new Dictionary<string, string>();
        foreach (var batch in requests.Chunk(8))
        {
            var answers = await Task.WhenAll(batch.Select(request => client.RegisterReportAsync(request).ResponseAsync));
            foreach (var (request, answer) in batch.Zip(answers))
            {
                claims[request.ReportId] = answer.Outcomes[0].ClaimId;
            }
        }

        // Two more statements make one claim the one with the most statements.
        var busiest = claims["fill-042"];
        foreach (var reportId in new[] { "echo-1", "echo-2" })
        {
            var echo = Reports.Report(reportId, "Echo Weekly", "Official 9", [], Convoy(42));
            echo.Statements[0].ClaimId = busiest;
            await client.RegisterReportAsync(echo);
        }

        using var browser = Browser.Start(output);
        browser.Open(server.WebAddress);
        browser.WaitForElement("the live feed", "#connection[data-state='live']");
        browser.WaitForElement("the count of every claim", ".count-chip[data-status='ALL'][data-count='123'][data-exact='true']");
        browser.WaitForCount("a first page of 50", Rows, 50);
        browser.WaitForText("the caption with the total and the range", "table.claims caption", "123 claims");
        var page1 = RowIds(browser);
        browser.Script("window.notReloaded = true;");

        browser.Click("next", ".pager-next:not([disabled])");
        browser.WaitForElement("page 2", ".pager-status[data-page='2']");
        var page2 = WaitForNewRows(browser, page1, 50);
        Assert.Contains("page=", browser.Driver.Url, StringComparison.Ordinal);
        var page2Url = browser.Driver.Url;

        browser.Click("next", ".pager-next:not([disabled])");
        browser.WaitForElement("page 3", ".pager-status[data-page='3']");
        var page3 = WaitForNewRows(browser, page2, 23);
        Assert.NotNull(browser.All(".pager-next").FirstOrDefault()?.GetDomAttribute("disabled"));
        Assert.Equal(123, page1.Concat(page2).Concat(page3).Distinct().Count());
        Assert.Equal(claims.Values.Append(busiest).Distinct().Order(), page1.Concat(page2).Concat(page3).Order());

        browser.Click("previous", ".pager-previous:not([disabled])");
        browser.WaitForElement("page 2 again", ".pager-status[data-page='2']");
        Assert.Equal(page2, WaitForNewRows(browser, page3, 50));

        // Live on a later page: a statement on a claim shown here updates its row in place.
        var shown = page2[10];
        var shownRequest = requests.Single(r => claims[r.ReportId] == shown);
        var repeat = Reports.Report("repeat-live", "Late Outlet", "Official 3", [], shownRequest.Statements[0].Content);
        repeat.Statements[0].ClaimId = shown;
        await client.RegisterReportAsync(repeat);
        browser.WaitForElement("the row updated live", $"tr[data-claim-id='{shown}'][data-version='2']");
        browser.WaitForElement("a note that the page changed", ".stale-notice:not([hidden])");
        Assert.Equal(true, browser.Script("return window.notReloaded === true;"));

        // The page never asked for the whole store: the watch is live only, every list read is one page.
        var requested = browser.RequestedUrls();
        Assert.Contains(requested, name => name.Contains("claims:watch", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, name => name.Contains("includeSnapshot", StringComparison.Ordinal));
        Assert.All(requested.Where(name => name.Contains("/v1/claims?", StringComparison.Ordinal)),
            name => Assert.Matches("pageSize=(1|50)(&|$)", name));

        // A bookmarked page opens on the same claims (the repeat moved to the top of "recently changed").
        browser.Open(new Uri(page2Url));
        browser.Driver.Navigate().Refresh();
        browser.WaitForElement("the feed after the reload", "#connection[data-state='live']");
        browser.WaitForCount("the bookmarked page", Rows, 50);
        Assert.Equal(page2.Where(id => id != shown).Take(40), RowIds(browser).Take(40));

        // Most statements first: the claim with three.
        browser.Open(server.WebAddress);
        browser.WaitForElement("the first page", Rows);
        browser.Click("the sort", "#filter-sort");
        browser.Click("most statements", "#filter-sort option[value='statements']");
        browser.WaitFor("the busiest claim first", d => RowIds(browser).FirstOrDefault() == busiest ? d : null);
        Assert.Contains("sort=statements", browser.Driver.Url, StringComparison.Ordinal);

        // Words as words: "port" finds the three port claims, not the two that say "support".
        browser.WaitForElement("the word box", "#filter-query").SendKeys("port");
        browser.WaitForCount("the three port claims", Rows, 3);
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => claims[$"port-{i}"]).Order(),
            RowIds(browser).Order());
        browser.WaitForElement("their count", ".count-chip[data-status='ALL'][data-count='3']");
        Assert.Empty(browser.All(".pager-next:not([disabled])"));

        // Live on the first page: a new claim matching the words appears without a reload.
        browser.Script("window.notReloaded = true;");
        var fresh = await client.RegisterReportAsync(
            Reports.Report("port-new", "Harbour Gazette", "Harbour master", [], "The port of Reni reopened to grain ships"));
        browser.WaitForElement("the new port claim", $"tr[data-claim-id='{fresh.Outcomes[0].ClaimId}']");
        browser.WaitForCount("four port claims", Rows, 4);
        Assert.Equal(true, browser.Script("return window.notReloaded === true;"));
        browser.Screenshot("claims-paged");
        Assert.Empty(browser.ConsoleErrors());

        // An edited page token in the address: the server's reason on the page, and the way back to the first page.
        browser.Open(new Uri(server.WebAddress, "#/?page=not-a-token"));
        browser.Driver.Navigate().Refresh();
        browser.WaitForText("the server's reason", "p.empty.error", "page_token is not a token this server issued");
        browser.Click("the first page", ".pager-first:not([disabled])");
        browser.WaitForCount("the first page", Rows, 50);
    }

    private static string Convoy(int i) => $"Convoy {i} reached checkpoint {i * 7}";

    private static string[] RowIds(Browser browser) =>
        browser.All(Rows).Select(row => row.GetDomAttribute("data-claim-id") ?? "").ToArray();

    /// <summary>Waits until the rows are <paramref name="count"/> others than <paramref name="before"/>; returns their ids.</summary>
    private static string[] WaitForNewRows(Browser browser, string[] before, int count) =>
        browser.WaitFor($"{count} rows of another page", _ =>
        {
            var ids = RowIds(browser);
            return ids.Length == count && !ids.Intersect(before).Any() ? ids : null;
        });
}
