using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace ClaimTracker.Browser.Tests;

/// <summary>
/// A headless Chromium from the machine's packages (/usr/bin/chromium, /usr/bin/chromedriver), driven
/// through WebDriver with both paths given, so Selenium Manager never looks for a download. Each session
/// gets a fresh profile directory, removed on dispose.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    /// <summary>How long any one wait for the page may take before the test fails.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private readonly ChromeDriver driver;
    private readonly string profileDirectory;
    private readonly ITestOutputHelper output;

    private Browser(ChromeDriver driver, string profileDirectory, ITestOutputHelper output)
    {
        this.driver = driver;
        this.profileDirectory = profileDirectory;
        this.output = output;
    }

    public IWebDriver Driver => driver;

    /// <summary>Where screenshots go: beside the test assembly, so under the test project's bin folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The one line a skipped browser test reports; .ci/run looks for it.</summary>
    public const string SkipReason = "needs Debian's chromium and chromedriver: apt-get install chromium chromium-driver";

    public static bool IsInstalled => File.Exists(ChromiumPath) && File.Exists(ChromeDriverPath);

    public static Browser Start(ITestOutputHelper output)
    {
        var missing = new[] { ChromiumPath, ChromeDriverPath }.Where(path => !File.Exists(path)).ToArray();
        if (missing.Length > 0)
        {
            Assert.Fail($"{string.Join(" and ", missing)} not found: install them with `apt-get install -y chromium chromium-driver`");
        }

        var profileDirectory = TestSupport.TestDirectories.Create("claimtracker-chromium-");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            // Without these Chromium keeps calling home, which on a closed network only makes noise.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1400,1200",
            "--user-data-dir=" + profileDirectory);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        // Network events, so a test can see which requests the page made (RequestedUrls).
        options.SetLoggingPreference("performance", LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(ChromeDriverPath)!,
            Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            return new Browser(driver, profileDirectory, output);
        }
        catch
        {
            service.Dispose();
            TryDelete(profileDirectory);
            throw;
        }
    }

    public void Open(Uri address) => driver.Navigate().GoToUrl(address);

    /// <summary>
    /// Polls the page until <paramref name="condition"/> returns a non-null value (elements that vanish
    /// mid-read count as not yet); fails with <paramref name="what"/>, a screenshot and the page's state.
    /// </summary>
    public T WaitFor<T>(string what, Func<IWebDriver, T?> condition)
        where T : class
    {
        var wait = new WebDriverWait(driver, WaitTimeout) { PollingInterval = TimeSpan.FromMilliseconds(100), Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(condition)!;
        }
        catch (WebDriverTimeoutException)
        {
            var shot = Screenshot("failed-" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            var connection = driver.FindElements(By.Id("connection")).FirstOrDefault();
            var state = connection is null
                ? "no indicator"
                : $"indicator '{connection.Text}' state={connection.GetDomAttribute("data-state")}";
            throw new Xunit.Sdk.XunitException(
                $"timed out after {WaitTimeout.TotalSeconds:0} s waiting for {what}; {state}; page at {driver.Url}; screenshot {shot}");
        }
    }

    /// <summary>Waits for an element matching the CSS selector and returns it.</summary>
    public IWebElement WaitForElement(string what, string cssSelector) =>
        WaitFor(what, d => d.FindElements(By.CssSelector(cssSelector)).FirstOrDefault(element => element.Displayed));

    /// <summary>Waits until an element matching the CSS selector shows <paramref name="text"/>; returns all its text.</summary>
    public string WaitForText(string what, string cssSelector, string text) =>
        WaitFor(what, d => d.FindElements(By.CssSelector(cssSelector)).Select(element => element.Text)
            .FirstOrDefault(shown => shown.Contains(text, StringComparison.Ordinal)));

    /// <summary>Waits until exactly <paramref name="count"/> elements match the CSS selector.</summary>
    public void WaitForCount(string what, string cssSelector, int count) =>
        WaitFor(what, d => d.FindElements(By.CssSelector(cssSelector)).Count == count ? d : null);

    /// <summary>Clicks the first element matching the CSS selector, finding it again if the page redrew it meanwhile.</summary>
    public void Click(string what, string cssSelector) =>
        WaitFor(what, d =>
        {
            var element = d.FindElements(By.CssSelector(cssSelector)).FirstOrDefault(found => found.Displayed);
            element?.Click();
            return element;
        });

    /// <summary>The errors the page logged to its console since the last call (script errors, failed loads, CSP violations).</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        driver.Manage().Logs.GetLog(LogType.Browser).Where(entry => entry.Level >= LogLevel.Severe).Select(entry => entry.Message)
            .ToArray();

    /// <summary>The URLs of the requests the page sent since the last call, streams included (Chromium's network log).</summary>
    public IReadOnlyList<string> RequestedUrls() =>
        driver.Manage().Logs.GetLog("performance")
            .Select(entry => System.Text.Json.Nodes.JsonNode.Parse(entry.Message)?["message"])
            .Where(message => (string?)message?["method"] == "Network.requestWillBeSent")
            .Select(message => (string?)message?["params"]?["request"]?["url"] ?? "")
            .ToArray();

    public ReadOnlyCollection<IWebElement> All(string cssSelector) => driver.FindElements(By.CssSelector(cssSelector));

    public object? Script(string script, params object[] args) => driver.ExecuteScript(script, args);

    /// <summary>Saves a PNG of the window under <see cref="ScreenshotDirectory"/> and prints its path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        driver.GetScreenshot().SaveAsFile(path);
        output.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>A screenshot of the whole page, however long (the window is resized to fit, then restored).</summary>
    public string FullPageScreenshot(string name)
    {
        var window = driver.Manage().Window;
        var original = window.Size;
        var height = Convert.ToInt32(
            driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight)"),
            System.Globalization.CultureInfo.InvariantCulture);
        window.Size = new System.Drawing.Size(original.Width, Math.Clamp(height + 140, original.Height, 6000));
        try
        {
            return Screenshot(name);
        }
        finally
        {
            window.Size = original;
        }
    }

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
        TryDelete(profileDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; a temp directory left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A test in a real Chromium: skipped, with <see cref="Browser.SkipReason"/>, where chromium or chromedriver is missing.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.IsInstalled)
        {
            Skip = Browser.SkipReason;
        }
    }
}
