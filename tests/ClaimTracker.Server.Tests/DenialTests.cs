using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Who denies what: a denial founding a claim must not contradict a negative proposition it asserts itself.</summary>
public sealed class DenialTests
{
    [Fact]
    public async Task Denied_content_founds_a_contradicted_claim_but_a_negative_assertion_founds_a_supported_one()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var response = await server.Client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "denials",
            Source = "Reuters",
            Text = "Kremlin spokesman Dmitry Peskov denied that an arms deal had been discussed at the cosmodrome.\n\n"
                + "\"No agreements on military cooperation were signed,\" Peskov told reporters in Moscow.",
        });

        Assert.Equal(2, response.Outcomes.Count);
        var denied = response.Outcomes[0];
        Assert.Equal(V1.Stance.Contradicts, denied.Stance);
        Assert.Equal(V1.CorroborationStatus.Contradicted, denied.ClaimStatus);
        var claim = await server.Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = denied.ClaimId });
        Assert.DoesNotContain("denied", claim.Text, StringComparison.OrdinalIgnoreCase);

        var negative = response.Outcomes[1];
        Assert.Equal(V1.Stance.Supports, negative.Stance);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, negative.ClaimStatus);
        Assert.StartsWith(
            "No agreements",
            (await server.Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = negative.ClaimId })).Text,
            StringComparison.Ordinal);
    }
}
