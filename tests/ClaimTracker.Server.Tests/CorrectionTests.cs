using ClaimTracker.TestSupport;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Corrections end to end on the embedded store, and their replay after a restart.</summary>
public sealed class CorrectionTests
{
    [Fact]
    public async Task Merges_relinks_retractions_and_corrections_hold_and_replay_to_the_same_state_after_a_restart()
    {
        var dataDirectory = RunningServer.NewDataDirectory();
        List<string> before;
        CorrectionStory story;
        await using (var server = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching))
        {
            story = new CorrectionStory("emb", server.Client, server.Client);
            await story.RunAsync();
            before = await story.ReadStateAsync(server.Client);

            // The same trail over HTTP/JSON, as the page reads it; and a correction posted the way the page posts it.
            using var http = new HttpClient { BaseAddress = server.WebAddress };
            var trail = await http.GetStringAsync(new Uri($"v1/corrections?claimId={story.ClaimIds[1]}", UriKind.Relative));
            Assert.Contains("MERGE_CLAIMS", trail, StringComparison.Ordinal);
            Assert.Contains("alice", trail, StringComparison.Ordinal);
            using var body = new StringContent(
                "{\"correctionId\":\"http-1\",\"analyst\":\"web\",\"reason\":\" \",\"sourceClaimId\":\"c-1\",\"targetClaimId\":\"c-2\"}",
                System.Text.Encoding.UTF8,
                "application/json");
            using var refused = await http.PostAsync(new Uri("v1/claims:merge", UriKind.Relative), body);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("reason is required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var restarted = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching);
        Assert.Equal(before, await story.ReadStateAsync(restarted.Client));
    }
}
