using ClaimTracker.Security;
using ClaimTracker.Server.Tests;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace ClaimTracker.Browser.Tests;

/// <summary>
/// The page against a server with authentication on: the first call answers 401, the page asks for a key once, keeps it
/// for the tab (sessionStorage) and shows the data; a reload does not ask again.
/// </summary>
public sealed class AuthenticatedPageTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_page_asks_for_a_key_once_and_keeps_it_for_the_tab()
    {
        var key = ApiKeys.Generate();
        await using var server = await RunningServer.StartAsync(
            null,
            RunningServer.ExactMatching,
            "--Security:ApiKeys:0:Name=desk",
            $"--Security:ApiKeys:0:Hash={ApiKeys.Hash(key)}",
            $"--Security:ApiKeys:0:Scopes:0={Scopes.Admin}");
        var registered = await ClaimTracker.V1.Client.ClaimTrackerChannel.CreateClient(server.Channel, key).RegisterReportAsync(
            Reports.Report("page-auth", "Harbour Daily", "Port authority", [], "The harbour closes for repairs in May"));
        var row = $"tr[data-claim-id='{registered.Outcomes[0].ClaimId}']";

        using var browser = Browser.Start(output);
        browser.Open(server.WebAddress);
        var prompt = WaitForPrompt(browser.Driver);
        Assert.Contains("API key", prompt.Text, StringComparison.Ordinal);
        prompt.SendKeys(key);
        prompt.Accept();

        // Every call the page made at once was refused; one answer serves them all (a second prompt would fail the waits).
        browser.WaitForElement("the claim once the key is given", row);
        browser.WaitForElement("the live feed to connect with the key", "#connection[data-state='live']");
        Assert.Equal(key, browser.Script("return sessionStorage.getItem('claimtracker.apiKey');"));

        browser.Driver.Navigate().Refresh();
        browser.WaitForElement("the claim after a reload, without asking again", row);
        browser.WaitForElement("the live feed after a reload", "#connection[data-state='live']");
    }

    private static IAlert WaitForPrompt(IWebDriver driver)
    {
        var deadline = DateTime.UtcNow + Browser.WaitTimeout;
        while (true)
        {
            try
            {
                return driver.SwitchTo().Alert();
            }
            catch (NoAlertPresentException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}
