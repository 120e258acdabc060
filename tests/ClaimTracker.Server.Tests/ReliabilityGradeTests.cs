using System.Text.Json;
using ClaimTracker.Exports.Stix;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// Source reliability grades beside every statement (GetClaim, ListStatements, the timeline, exports), an override
/// showing at once, and the optional weighting of origins by grade (Reliability:WeightOrigins), on and off.
/// </summary>
public sealed class ReliabilityGradeTests
{
    private const string Kremlin = "Kremlin press office";
    private const string Wire = "Evening Wire";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Statements_show_their_sources_grades_and_weighting_changes_an_outcome_only_when_on(bool weighted)
    {
        await using var server = await RunningServer.StartAsync(
            null, RunningServer.ExactMatching, $"--Reliability:WeightOrigins={weighted.ToString().ToLowerInvariant()}");
        var client = server.Client;

        // Five claims the press office asserted, carried by the wire, each denied by an independent origin: E for both.
        for (var i = 1; i <= 5; i++)
        {
            var made = await client.RegisterReportAsync(Reports.Report($"g-k{i}", Wire, Kremlin, [], $"Plant {i} is running"));
            var denial = Reports.Report($"g-g{i}", "Harbour News", "Grid operator", [], $"Plant {i} is idle");
            denial.Statements[0].Stance = V1.Stance.Contradicts;
            denial.Statements[0].ClaimId = made.Outcomes[0].ClaimId;
            await client.RegisterReportAsync(denial);
        }

        var sources = (await client.ListSourceReliabilityAsync(new V1.ListSourceReliabilityRequest())).Sources;
        Assert.Equal("E", sources.Single(s => s.Name == Kremlin && s.Role == "origin").Grade);
        Assert.Equal("E", sources.Single(s => s.Name == Wire && s.Role == "outlet").Grade);

        // A new claim the press office and an independent origin both assert: two origins corroborate it by default;
        // weighted, the press office (E) does not count, and the reasons say so.
        await client.RegisterReportAsync(Reports.Report("g-new-k", Wire, Kremlin, [], "The dam is intact"));
        var second = await client.RegisterReportAsync(Reports.Report("g-new-p", "Harbour News", "Port authority", [], "The dam is intact"));
        var claimId = second.Outcomes[0].ClaimId;
        var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
        var weighting = claim.StatusReasons.Where(r => r.StartsWith("weighted by source reliability", StringComparison.Ordinal)).ToList();
        if (weighted)
        {
            Assert.Equal((V1.CorroborationStatus.Uncorroborated, 3), (claim.Status, claim.Credibility));
            Assert.Equal(
                $"weighted by source reliability: uncorroborated instead of corroborated ({Kremlin} (graded E) not counted)",
                Assert.Single(weighting));
            Assert.Equal("credibility 3: possibly true", claim.StatusReasons[^1]);
        }
        else
        {
            Assert.Equal((V1.CorroborationStatus.Corroborated, 1), (claim.Status, claim.Credibility));
            Assert.Empty(weighting);
        }

        // Beside every statement: the outlet's and the origin's grade, in every read that returns statements.
        var kremlin = claim.Statements.Single(s => s.Speaker == Kremlin);
        Assert.Equal((Kremlin, "E", "E"), (kremlin.OriginName, kremlin.OriginGrade, kremlin.OutletGrade));
        Assert.Equal("F", claim.Statements.Single(s => s.Speaker == "Port authority").OriginGrade);
        var listed = (await client.ListStatementsAsync(new V1.ListStatementsRequest { ClaimId = claimId })).Statements;
        Assert.Equal(("E", "E"), listed.Where(s => s.Speaker == Kremlin).Select(s => (s.OriginGrade, s.OutletGrade)).Single());
        var timeline = await client.GetClaimTimelineAsync(new V1.GetClaimTimelineRequest { ClaimId = claimId });
        Assert.Equal(("E", "E"), timeline.Entries.Where(e => e.Origin == Kremlin).Select(e => (e.OriginGrade, e.OutletGrade)).Single());

        // An override shows beside the statements at once (the board takes it without waiting for a refresh).
        await client.SetReliabilityOverrideAsync(new V1.SetReliabilityOverrideRequest
        {
            ActorId = kremlin.OriginActorId, Role = "origin", Grade = "C", Reason = "The plant figures came from a hacked account",
        });
        claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
        Assert.Equal("C", claim.Statements.Single(s => s.Speaker == Kremlin).OriginGrade);

        // Exports carry the grades on the identities.
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        var bundle = JsonDocument.Parse(await http.GetStringAsync($"/v1/exports/stix?claim={claimId}")).RootElement;
        JsonElement Identity(string name) => bundle.GetProperty("objects").EnumerateArray()
            .Single(o => o.GetProperty("type").GetString() == "identity" && o.GetProperty("name").GetString() == name);
        Assert.Equal("C", Identity(Kremlin).GetProperty(StixExporter.ReliabilityProperty).GetProperty("origin").GetString());
        Assert.Equal("E", Identity(Wire).GetProperty(StixExporter.ReliabilityProperty).GetProperty("outlet").GetString());
    }
}
