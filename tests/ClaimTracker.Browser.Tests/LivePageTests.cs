using ClaimTracker.Server.Tests;
using Google.Protobuf.WellKnownTypes;
using OpenQA.Selenium;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Browser.Tests;

/// <summary>
/// The web page in a real headless Chromium against the real server (in-process, 127.0.0.1): reports
/// are registered through gRPC while the page is open, and the page must follow them live.
/// Claims link in exact mode (no model; the contradiction names its claim), so the test is about the
/// page, not about matching.
/// </summary>
public sealed class LivePageTests(ITestOutputHelper output)
{
    private const string ShellsPerDay = "Russian forces fire up to 60,000 artillery shells per day";

    [BrowserFact]
    public async Task A_claim_appears_turns_contested_live_and_shows_its_statements_and_chains()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        using var browser = Browser.Start(output);
        browser.Open(server.WebAddress);
        browser.WaitForElement("the live feed to connect", "#connection[data-state='live']");
        browser.WaitForElement("the empty list to say so", "p.empty:not([hidden])");
        // Anything the page shows from here on must arrive without a reload.
        browser.Script("window.notReloaded = true;");

        // A: Kyiv Independent carries Ukrainian data through AFP.
        var a = await server.Client
            .RegisterReportAsync(Reports.Report("story-a", "Kyiv Independent", "Ukrainian data", ["AFP"], ShellsPerDay));
        var claimId = Assert.Single(a.Outcomes).ClaimId;
        browser.WaitForElement("the new claim in the list", $"{Row(claimId)}[data-status='UNCORROBORATED']");
        browser.WaitForText("the claim's text in its row", Row(claimId), ShellsPerDay);
        browser.WaitForText("its status badge", $"{Row(claimId)} .badge", "Uncorroborated");
        browser.WaitForElement("the status count to reach 1", ".count-chip[data-status='UNCORROBORATED'][data-count='1']");

        // B: Le Monde repeats the same AFP dispatch: one origin, still uncorroborated.
        await server.Client.RegisterReportAsync(Reports.Report("story-b", "Le Monde", "Ukrainian data", ["AFP"], ShellsPerDay));
        browser.WaitForElement("the repeat to be counted", $"{Row(claimId)}[data-version='2'][data-status='UNCORROBORATED']");

        // D: TASS, an independent origin, contradicts it: the row turns CONTESTED in place.
        var d = Reports.Report(
            "story-d",
            "TASS",
            "Russian Ministry of Defence",
            [],
            "Ukrainian claims about Russian shelling rates are fabricated");
        d.Statements[0].Stance = V1.Stance.Contradicts;
        d.Statements[0].ClaimId = claimId;
        await server.Client.RegisterReportAsync(d);
        browser.WaitForElement("the claim to turn CONTESTED", $"{Row(claimId)}[data-status='CONTESTED']");
        browser.WaitForText("its new badge", $"{Row(claimId)} .badge", "Contested");
        browser.WaitForElement("the contested count", ".count-chip[data-status='CONTESTED'][data-count='1']");
        browser.WaitForElement("the status change in the latest changes", ".recent-list li[data-kind='STATUS_CHANGED']");
        Assert.Equal(true, browser.Script("return window.notReloaded === true;"));

        // Text from reports is shown as text, never run as markup.
        await server.Client.RegisterReportAsync(Reports.Report(
            "story-x",
            "Example <b>Outlet</b>",
            "<script>x</script>",
            [],
            "<img src=x onerror=\"window.injected=1\"> fires shells"));
        browser.WaitFor("the hostile claim text, shown literally", d => d.FindElements(By.CssSelector("a.claim-link"))
            .FirstOrDefault(link => link.Text.Contains("<img src=x", StringComparison.Ordinal)));
        Assert.Null(browser.Script("return window.injected ?? null;"));

        // The status filter narrows the list; the list screenshot shows it unfiltered.
        browser.Screenshot("claims-list");
        browser.Click("the CONTESTED count", ".count-chip[data-status='CONTESTED']");
        browser.WaitForCount("the list to show only contested claims", "tbody tr", 1);
        Assert.Contains("status=CONTESTED", browser.Driver.Url, StringComparison.Ordinal);

        // The claim view: status, reasons, statements grouped by stance, and the chains as a graph. The
        // view redraws as data arrives, so every check waits for what it expects rather than reading once.
        browser.Click("the claim link", $"{Row(claimId)} a.claim-link");
        browser.WaitForElement(
            "the claim view, CONTESTED",
            $"article.claim-view[data-claim-id='{claimId}'][data-claim-status='CONTESTED']");
        browser.WaitForText("the reasons", ".reasons", "contradicted by 1 independent origin: Russian Ministry of Defence");
        browser.WaitForCount("three statements", "li.statement", 3);
        browser.WaitForCount("two supporting statements", ".stance-group[data-stance='SUPPORTS'] li.statement", 2);
        browser.WaitForText(
            "the contradicting statement",
            ".stance-group[data-stance='CONTRADICTS'] li.statement",
            "Ukrainian claims about Russian shelling rates are fabricated");
        browser.WaitForText("its report", ".stance-group[data-stance='CONTRADICTS'] li.statement", "story-d");
        browser.WaitForText(
            "the chain of a repeat",
            ".stance-group[data-stance='SUPPORTS'] li.statement .chain",
            "Ukrainian data → AFP → Le Monde");

        // Graph: Ukrainian data → AFP → story-a and story-b; Russian MoD → story-d.
        string[] expectedNodes
            = ["a:a-afp", "a:a-russian-ministry-of-defence", "a:a-ukrainian-data", "r:story-a", "r:story-b", "r:story-d"];
        browser.WaitFor("the chain graph's six nodes", d => NodeKeys(d).SequenceEqual(expectedNodes) ? d : null);
        browser.WaitForCount("four chain edges", "svg.chain-graph path.edge", 4);
        browser.WaitForCount(
            "one contradicting edge, into TASS's report",
            "svg.chain-graph path.edge.stance-contradicts[data-to='r:story-d']",
            1);
        browser.WaitForCount("AFP fanning out to two reports", "svg.chain-graph path.edge[data-from='a:a-afp']", 2);
        browser.WaitForText("AFP's name in the graph", "svg.chain-graph g.node[data-key='a:a-afp'] text.node-name", "AFP");

        // The claim view is live too: C (Reuters, its own origin) adds a statement, a chain and a node.
        await server.Client.RegisterReportAsync(Reports.Report("story-c", "Reuters", "Estonian defence intelligence", [], ShellsPerDay));
        browser.WaitForElement("story-c's report node", "svg.chain-graph g.node[data-key='r:story-c']");
        browser.WaitForCount("a fourth statement", "li.statement", 4);
        browser.WaitForText("the new reasons", ".reasons", "supported by 2 independent origins");
        Assert.Equal(true, browser.Script("return window.notReloaded === true;"));

        // No script error, failed load or CSP violation along the way: every actor a live event names is recorded before it.
        Assert.Empty(browser.ConsoleErrors());

        var shot = browser.FullPageScreenshot("claim-view");
        Assert.True(new FileInfo(shot).Length > 10_000, $"screenshot {shot} looks empty");
    }

    [BrowserFact]
    public async Task After_the_server_restarts_the_page_resumes_from_its_last_cursor()
    {
        var dataDirectory = RunningServer.NewDataDirectory();
        var grpcPort = RunningServer.FreePort();
        var webUrl = $"--Web:Url=http://127.0.0.1:{RunningServer.FreePort()}";
        RunningServer? server = await RunningServer.StartOnPortAsync(grpcPort, dataDirectory, RunningServer.ExactMatching, webUrl);
        try
        {
            using var browser = Browser.Start(output);
            browser.Open(server.WebAddress);
            browser.WaitForElement("the live feed to connect", "#connection[data-state='live']");
            browser.Script("window.notReloaded = true;");

            var first = await server.Client.RegisterReportAsync(
                Reports.Report("before-restart", "Reuters", "Ministry of Energy", [], "Gas exports fell by a third in March"));
            var firstClaim = first.Outcomes[0].ClaimId;
            browser.WaitForElement("the first claim", Row(firstClaim));
            var cursor = browser.WaitFor(
                "a cursor",
                d => d.FindElement(By.Id("connection")).GetDomAttribute("data-cursor") is { Length: > 0 } value ? value : null);

            await server.DisposeAsync();
            server = null;
            browser.WaitForElement("the page to notice the server is gone", "#connection[data-state='retrying']");

            server = await RunningServer.StartOnPortAsync(grpcPort, dataDirectory, RunningServer.ExactMatching, webUrl);
            var second = await server.Client.RegisterReportAsync(
                Reports.Report("after-restart", "AP", "Ministry of Energy", [], "Gas imports rose by a fifth in March"));
            var secondClaim = second.Outcomes[0].ClaimId;

            browser.WaitForElement("the claim registered after the restart", Row(secondClaim));
            var indicator = browser.WaitForElement("the feed to be live again", "#connection[data-state='live']");
            Assert.Equal(cursor, indicator.GetDomAttribute("data-resumed-after"));
            Assert.Single(browser.All(Row(firstClaim)));
            Assert.Single(browser.All(Row(secondClaim)));
            // Every live event is listed once: two claims created, nothing repeated.
            Assert.Equal(2, browser.All(".recent-list li[data-kind='CLAIM_CREATED']").Count);
            Assert.Equal(true, browser.Script("return window.notReloaded === true;"));
            browser.Screenshot("after-restart");
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static string Row(string claimId) => $"tr[data-claim-id='{claimId}']";

    private static string[] NodeKeys(IWebDriver driver) =>
        driver.FindElements(By.CssSelector("svg.chain-graph g.node")).Select(node => node.GetDomAttribute("data-key") ?? "")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
