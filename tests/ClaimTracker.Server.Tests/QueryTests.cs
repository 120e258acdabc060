using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Lists filter and page over the stored projections.</summary>
public sealed class QueryTests
{
    [Fact]
    public async Task ListClaims_filters_by_status_actor_and_words_and_pages_without_repeats()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        for (var i = 0; i < 7; i++)
        {
            await client.RegisterReportAsync(
                Reports.Report($"list-{i}", "Outlet", i % 2 == 0 ? "Even Speaker" : "Odd Speaker", [], $"Harbour number {i} was closed"));
        }

        var denial = Reports.Report("list-denial", "Outlet", "Port Authority", [], "Harbour number 0 was never closed");
        var harbourZero = (await client.ListClaimsAsync(new V1.ListClaimsRequest { Query = "harbour number 0 was closed" })).Claims
            .Single();
        denial.Statements[0].ClaimId = harbourZero.ClaimId;
        denial.Statements[0].Stance = V1.Stance.Contradicts;
        await client.RegisterReportAsync(denial);

        var seen = new List<string>();
        var request = new V1.ListClaimsRequest { PageSize = 3 };
        do
        {
            var page = await client.ListClaimsAsync(request);
            Assert.True(page.Claims.Count <= 3);
            Assert.All(page.Claims, c => Assert.Empty(c.Statements));
            seen.AddRange(page.Claims.Select(c => c.ClaimId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());

        var contested = await client.ListClaimsAsync(new V1.ListClaimsRequest { Status = V1.CorroborationStatus.Contested });
        Assert.Equal(harbourZero.ClaimId, Assert.Single(contested.Claims).ClaimId);

        var odd = await client.ListClaimsAsync(new V1.ListClaimsRequest { ActorId = "a-odd-speaker" });
        Assert.Equal(3, odd.Claims.Count);
        Assert.All(odd.Claims, c => Assert.Contains("a-odd-speaker", c.ActorIds));

        var words = await client.ListClaimsAsync(new V1.ListClaimsRequest { Query = "HARBOUR 5" });
        Assert.Equal("Harbour number 5 was closed", Assert.Single(words.Claims).Text);

        var actors = await client.ListActorsAsync(new V1.ListActorsRequest { Query = "speaker" });
        Assert.Equal(["Odd Speaker", "Even Speaker"], actors.Actors.Select(a => a.Name).OrderBy(n => n.Length));
        var outlet = await client.ListActorsAsync(new V1.ListActorsRequest { Query = "outlet" });
        Assert.Equal(V1.ActorKind.Outlet, Assert.Single(outlet.Actors).Kind);
    }

    [Fact]
    public async Task GetClaim_pages_statements_most_recent_first()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        string claimId = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.RegisterReportAsync(
                Reports.Report($"paging-{i}", $"Outlet {i}", $"Origin {i}", [], "The dam held overnight"));
            claimId = response.Outcomes[0].ClaimId;
        }

        var first = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 2 });
        Assert.Equal(["paging-4", "paging-3"], first.Statements.Select(s => s.ReportId));
        var second = await client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 2, StatementPageToken = first.NextStatementPageToken });
        Assert.Equal(["paging-2", "paging-1"], second.Statements.Select(s => s.ReportId));
        var third = await client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 2, StatementPageToken = second.NextStatementPageToken });
        Assert.Equal(["paging-0"], third.Statements.Select(s => s.ReportId));
        Assert.Empty(third.NextStatementPageToken);
        Assert.Equal(5, third.StatementCount);
    }
}
