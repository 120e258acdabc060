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
        List<V1.Claim> before;
        CorrectionStory story;
        await using (var server = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching))
        {
            story = new CorrectionStory("emb", server.Client, server.Client);
            await story.RunAsync();
            before = await ReadAsync(server.Client, story.ClaimIds);
        }

        await using var restarted = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching);
        var after = await ReadAsync(restarted.Client, story.ClaimIds);
        Assert.Equal(before, after);
    }

    private static async Task<List<V1.Claim>> ReadAsync(V1.ClaimTracker.ClaimTrackerClient client, IEnumerable<string> claimIds)
    {
        var claims = new List<V1.Claim>();
        foreach (var id in claimIds)
        {
            claims.Add(await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id }));
        }

        return claims;
    }
}
