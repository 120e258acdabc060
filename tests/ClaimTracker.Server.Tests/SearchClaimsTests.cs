using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Claims found by meaning over the seed article, and the dry run that says which claim a sentence would join.</summary>
public sealed class SearchClaimsTests
{
    [SeedArticleFact]
    public async Task A_paraphrase_of_a_seed_statement_finds_its_claim_first_and_a_dry_run_changes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Client;
        var response = await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "seed",
            Source = "Example Outlet",
            Title = "Putin and Kim at Vostochny",
            Text = SeedArticleTests.SeedText,
        });
        var shells = await client.GetClaimAsync(new V1.GetClaimRequest
        {
            ClaimId = response.Outcomes.Single(o => o.ActorId == "a-ukrainian-data").ClaimId,
        });
        Assert.Contains("60,000", shells.Text, StringComparison.Ordinal);
        var before = (await client.ListClaimsAsync(new V1.ListClaimsRequest())).TotalSizeEstimate;

        var found = await client.SearchClaimsAsync(new V1.SearchClaimsRequest
        {
            Text = "Russian troops fire as many as 60,000 rounds every day",
            Limit = 5,
            DryRun = true,
        });
        Assert.Equal(shells.ClaimId, found.Matches[0].Claim.ClaimId);
        Assert.Equal(shells.Text, found.Matches[0].Claim.Text);
        Assert.True(found.Matches.Count <= 5);
        Assert.True(found.Matches[0].Score > found.Matches[^1].Score);
        Assert.Contains("cosine", found.Matches[0].Explanation, StringComparison.Ordinal);
        Assert.Equal(shells.ClaimId, found.DryRun.ClaimId);
        Assert.StartsWith("joins claim " + shells.ClaimId, found.DryRun.Reason, StringComparison.Ordinal);
        Assert.Equal(V1.Stance.Supports, found.DryRun.Stance);

        var unrelated = await client.SearchClaimsAsync(new V1.SearchClaimsRequest
        {
            Text = "The village bakery won a prize for its rye bread",
            DryRun = true,
        });
        Assert.Empty(unrelated.DryRun.ClaimId);
        Assert.StartsWith("founds a new claim", unrelated.DryRun.Reason, StringComparison.Ordinal);
        Assert.Equal(before, (await client.ListClaimsAsync(new V1.ListClaimsRequest())).TotalSizeEstimate);

        var noDryRun = await client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = "Kim Jong Un travelled by train" });
        Assert.Null(noDryRun.DryRun);
        Assert.NotEmpty(noDryRun.Matches);
    }
}
