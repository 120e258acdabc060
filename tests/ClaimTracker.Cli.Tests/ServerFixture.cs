using ClaimTracker.Server.Tests;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cli.Tests;

/// <summary>One real server for the command-line tests (exact matching: no model to load), with the flood story on it.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string StoryId = "marava";

    private RunningServer? server;

    public RunningServer Server => server ?? throw new InvalidOperationException("the server has not started");

    /// <summary>The article files the tests ingest, in a directory of their own.</summary>
    public string ArticleDirectory { get; } = TestSupport.TestDirectories.Create("claimtracker-cli-articles-");

    public string StoryPath => Path.Combine(ArticleDirectory, "marava-flood.txt");

    public string FollowUpPath => Path.Combine(ArticleDirectory, "marava-flood-follow-up.txt");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(StoryPath, TestArticles.MaravaFlood);
        await File.WriteAllTextAsync(FollowUpPath, TestArticles.MaravaFloodFollowUp);
        server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        await StoryAsync();
    }

    /// <summary>The flood story as registered once over gRPC (registering it again returns the same outcome).</summary>
    public Task<V1.RegisterReportResponse> StoryAsync() => Server.Client.RegisterReportAsync(new V1.RegisterReportRequest
    {
        ReportId = StoryId,
        Source = "Harbour Daily",
        Title = "Dam operators open every spillway on the Marava",
        Text = TestArticles.MaravaFlood,
    }).ResponseAsync;

    /// <summary>The story's claim whose text contains <paramref name="fragment"/>.</summary>
    public async Task<V1.Claim> ClaimAsync(V1.RegisterReportResponse story, string fragment)
    {
        var claims = await Task.WhenAll(story.Outcomes.Select(o =>
            Server.Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = o.ClaimId }).ResponseAsync));
        return Assert.Single(claims, c => c.Text.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>Runs claimtracker against this server.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliProcess.RunAsync([.. args, "--server", Server.Address.ToString()]);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(ArticleDirectory, recursive: true);
    }
}
