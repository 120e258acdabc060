using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// Later reports land on the seed article's claims however they are phrased, and move them for honest
/// reasons: an echo through the same agency adds no origin, a different figure contests, a denial
/// contradicts, an independent origin corroborates.
/// </summary>
public sealed class ClaimLinkingStoryTests
{
    [SeedArticleFact]
    public async Task Follow_up_reports_repeat_conflict_deny_and_corroborate_the_seed_claims()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Client;
        var seed = await client.RegisterReportAsync(Text("seed", "Example Outlet", SeedArticleTests.SeedText));
        var claims = await Task.WhenAll(seed.Outcomes.Select(o => o.ClaimId).Distinct()
            .Select(id => client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id }).ResponseAsync));
        var shellsPerDay = Assert.Single(claims, c => c.Text.Contains("60,000 shots per day", StringComparison.Ordinal));
        var opportunities = Assert.Single(
            claims,
            c => c.Text.Contains("“opportunities” for military cooperation", StringComparison.Ordinal));
        var production = Assert.Single(claims, c => c.Text.Contains("2.5 million shells", StringComparison.Ordinal));

        // (a) The same figure through AFP again: the same origin, so no corroboration.
        var echo = await client.RegisterReportAsync(Text("echo", "Other Outlet",
            "Russian forces are firing up to 60,000 shells per day, according to Ukrainian data, AFP reports."));
        Assert.Equal(shellsPerDay.ClaimId, Assert.Single(echo.Outcomes).ClaimId);
        var afterEcho = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = shellsPerDay.ClaimId });
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, afterEcho.Status);
        Assert.Equal(["AFP"], afterEcho.Statements[0].Via);
        Assert.Contains(
            afterEcho.StatusReasons,
            r => r.StartsWith("1 repeat of Ukrainian data not counted as independent", StringComparison.Ordinal));

        // (b) A different figure for the same measure from Ukraine's general staff: contested, both figures shown.
        var estimate = await client.RegisterReportAsync(Text("estimate", "Third Outlet",
            "Ukraine's general staff now estimates that Russian forces fire about 20,000 shells per day."));
        var estimateOutcome = Assert.Single(estimate.Outcomes);
        Assert.Equal(shellsPerDay.ClaimId, estimateOutcome.ClaimId);
        Assert.Equal(V1.Stance.Contradicts, estimateOutcome.Stance);
        var afterEstimate = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = shellsPerDay.ClaimId });
        Assert.Equal(V1.CorroborationStatus.Contested, afterEstimate.Status);
        var conflict = afterEstimate.Statements[0].StanceReason;
        Assert.Contains("20,000", conflict, StringComparison.Ordinal);
        Assert.Contains("60,000", conflict, StringComparison.Ordinal);
        Assert.Contains(afterEstimate.StatusReasons, r => r.Contains("20,000", StringComparison.Ordinal)
            && r.Contains("60,000", StringComparison.Ordinal)
            && r.Contains("Third Outlet", StringComparison.Ordinal));

        // (c) The Kremlin denies that military cooperation was discussed: contradicts Putin's "opportunities".
        var denial = await client.RegisterReportAsync(Text("denial", "Fourth Outlet",
            "The Kremlin denied that military cooperation with North Korea was discussed at the summit."));
        var denialOutcome = Assert.Single(denial.Outcomes);
        Assert.Equal(opportunities.ClaimId, denialOutcome.ClaimId);
        Assert.Equal(V1.Stance.Contradicts, denialOutcome.Stance);
        Assert.Equal(V1.CorroborationStatus.Contested, denialOutcome.ClaimStatus);

        // (d) An independent origin confirms the 2.5 million production figure: corroborated.
        var confirmation = await client.RegisterReportAsync(Text("confirmation", "Fifth Outlet",
            "Russia will produce 2.5 million artillery shells this year, Estonian defence intelligence said."));
        var confirmationOutcome = Assert.Single(confirmation.Outcomes);
        Assert.Equal(production.ClaimId, confirmationOutcome.ClaimId);
        Assert.Equal(V1.Stance.Supports, confirmationOutcome.Stance);
        Assert.Equal(V1.CorroborationStatus.Corroborated, confirmationOutcome.ClaimStatus);
    }

    private static V1.RegisterReportRequest Text(string reportId, string source, string text) =>
        new() { ReportId = reportId, Source = source, Text = text };
}
