using ClaimTracker.Server.Tests;
using OpenQA.Selenium;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Browser.Tests;

/// <summary>
/// Corrections from the claim page in headless Chromium: an analyst relinks a misattached statement and merges a duplicate
/// claim through the page's forms (with a reason), the relinked statement stays on its old claim struck through, and each
/// claim shows its audit trail.
/// </summary>
public sealed class CorrectionPageTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_analyst_relinks_and_merges_from_the_claim_page_and_sees_the_trail_and_the_struck_statement()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        var report = new V1.RegisterReportRequest { ReportId = "page-bridge", Source = "AP", Title = "Bridge" };
        report.Statements.Add(new V1.StatementInput { Speaker = "Ukrainian navy", Content = "A bridge near Kherson was destroyed" });
        report.Statements.Add(new V1.StatementInput { Speaker = "Regional governor", Content = "The Kherson bridge is down" });
        var outcomes = (await client.RegisterReportAsync(report)).Outcomes;
        var (bridge, misattached) = (outcomes[0].ClaimId, outcomes[1].ClaimId);
        var duplicate = new V1.RegisterReportRequest { ReportId = "page-dup", Source = "Reuters", Title = "Bridge again" };
        duplicate.Statements.Add(new V1.StatementInput { Speaker = "Kherson mayor", Content = "Kherson's bridge was blown up" });
        var duplicateClaim = (await client.RegisterReportAsync(duplicate)).Outcomes[0].ClaimId;

        using var browser = Browser.Start(output);

        // Relink: the governor's statement belongs to the bridge claim.
        browser.Open(new Uri(server.WebAddress, $"#/claims/{misattached}"));
        browser.WaitForElement("the claim view", $"article.claim-view[data-claim-id='{misattached}']");
        browser.Click("the relink button", $"li.statement[data-statement-id='{outcomes[1].StatementId}'] button");
        Fill(browser, "form.relink input[name='target']", bridge);
        Fill(browser, "form.relink input[name='analyst']", "carol");
        Fill(browser, "form.relink textarea[name='reason']", "same bridge");
        browser.Click("the relink submit", "form.relink button[type='submit']");

        var struck = $"li.statement.withdrawn[data-statement-id='{outcomes[1].StatementId}']";
        browser.WaitForText(
            "the withdrawal's reason", $"{struck} .withdrawn-reason", $"relinked to claim {bridge} by carol (reason: same bridge)");
        Assert.Equal(
            "line-through",
            browser.Script($"return getComputedStyle(document.querySelector(\"{struck} .content\")).textDecorationLine;"));
        Assert.Empty(browser.All($"{struck} button"));
        browser.WaitForText("the audit trail", ".audit-trail li", $"relinked statement {outcomes[1].StatementId} from claim {misattached}");
        browser.WaitForText("why, on the record", ".audit-trail li", "Why: same bridge");
        Assert.Equal(2, (await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = bridge })).StatementCount);

        // Merge: the mayor's claim is the same proposition as the bridge claim.
        browser.Open(new Uri(server.WebAddress, $"#/claims/{duplicateClaim}"));
        browser.WaitForElement("the duplicate's view", $"article.claim-view[data-claim-id='{duplicateClaim}']");
        Fill(browser, "form.merge input[name='target']", bridge);
        Fill(browser, "form.merge input[name='analyst']", "dave");
        Fill(browser, "form.merge textarea[name='reason']", "one bridge, three phrasings");
        browser.Click("the merge submit", "form.merge button[type='submit']");
        browser.WaitForText("the merge in the trail", ".audit-trail li", $"merged claim {duplicateClaim} into {bridge}");
        browser.WaitForText("the merged-away claim says where it went", "article.claim-view", $"merged into {bridge}");
        var merged = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = duplicateClaim });
        Assert.Equal(bridge, merged.MergedInto);
        Assert.Equal(V1.CorroborationStatus.Corroborated, merged.Status);
        browser.Screenshot("claim-corrections");
        Assert.Empty(browser.ConsoleErrors());
    }

    private static void Fill(Browser browser, string cssSelector, string text)
    {
        var input = browser.WaitFor(
            "the field " + cssSelector, d => d.FindElements(By.CssSelector(cssSelector)).FirstOrDefault(e => e.Displayed));
        input.Clear();
        input.SendKeys(text);
    }
}
