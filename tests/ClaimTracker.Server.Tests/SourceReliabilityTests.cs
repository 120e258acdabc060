using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>ListSourceReliability: grades of origins and outlets follow how the claims they were firm about ended.</summary>
public sealed class SourceReliabilityTests
{
    [Fact]
    public async Task An_outlet_whose_firm_claims_are_contradicted_by_independent_origins_drops_in_grade()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        async Task<V1.SourceReliability> StandingAsync(string name, string role) =>
            (await client.ListSourceReliabilityAsync(new V1.ListSourceReliabilityRequest())).Sources
                .Single(s => s.Name == name && s.Role == role);

        // Too little record: F.
        await client.RegisterReportAsync(Reports.Report("rel-0", "Daily Courier", "Port authority", [], "Berth 0 reopened"));
        Assert.Equal("F", (await StandingAsync("Daily Courier", "outlet")).Grade);

        // Six claims it carried are borne out by a second, independent origin: B (rate 7/8).
        for (var i = 1; i <= 6; i++)
        {
            await client.RegisterReportAsync(Reports.Report($"rel-a{i}", "Daily Courier", "Port authority", [], $"Berth {i} reopened"));
            await client.RegisterReportAsync(Reports.Report($"rel-b{i}", "Harbour News", "Shipping agency", [], $"Berth {i} reopened"));
        }

        var before = await StandingAsync("Daily Courier", "outlet");
        Assert.Equal(("B", 6, 0, 6), (before.Grade, before.HeldUp, before.Contradicted, before.Judged));
        Assert.Equal("B", (await StandingAsync("Port authority", "origin")).Grade);

        // Six more firm claims, each then contradicted by two independent origins: held 6 of 12, rate 0.5: D.
        for (var i = 1; i <= 6; i++)
        {
            var made = await client.RegisterReportAsync(
                Reports.Report($"rel-c{i}", "Daily Courier", "Port authority", [], $"Crane {i} collapsed"));
            foreach (var denier in new[] { "Crane operator", "Dock workers union" })
            {
                var denial = Reports.Report($"rel-d{i}-{denier}", "Harbour News", denier, [], $"Crane {i} is standing");
                denial.Statements[0].Stance = V1.Stance.Contradicts;
                denial.Statements[0].ClaimId = made.Outcomes[0].ClaimId;
                await client.RegisterReportAsync(denial);
            }
        }

        var after = await StandingAsync("Daily Courier", "outlet");
        Assert.Equal(("D", 6, 6, 12), (after.Grade, after.HeldUp, after.Contradicted, after.Judged));
        Assert.Equal(0.5, after.Rate, 3);
        Assert.Equal("D", (await StandingAsync("Port authority", "origin")).Grade);
        // The deniers were right on claims that ended contested, not contradicted: no judged record for them yet.
        Assert.Equal("F", (await StandingAsync("Crane operator", "origin")).Grade);

        // An analyst overrides the outlet's grade with a reason: it holds (also as the record grows), the record's own
        // grade is still shown, and the override is in the audit trail with who, when and why, until withdrawn.
        var outletId = after.ActorId;
        var set = await client.SetReliabilityOverrideAsync(new V1.SetReliabilityOverrideRequest
        {
            ActorId = outletId,
            Role = "outlet",
            Grade = "B",
            Reason = "The crane reports were a single correspondent's; the desk has since been replaced",
            Analyst = "desk-editor",
        });
        Assert.Equal("desk-editor", set.Analyst);
        await client.RegisterReportAsync(Reports.Report("rel-e", "Daily Courier", "Port authority", [], "Berth 9 reopened"));
        var overridden = await StandingAsync("Daily Courier", "outlet");
        Assert.Equal(("B", "D"), (overridden.Grade, overridden.ComputedGrade));
        Assert.Equal("desk-editor", overridden.Override.Analyst);
        Assert.Equal("D", (await StandingAsync("Port authority", "origin")).Grade);

        await client.SetReliabilityOverrideAsync(new V1.SetReliabilityOverrideRequest
        {
            ActorId = outletId, Role = "outlet", Grade = string.Empty, Reason = "Review ended", Analyst = "chief",
        });
        Assert.Equal("D", (await StandingAsync("Daily Courier", "outlet")).Grade);
        var trail = (await client.ListReliabilityOverridesAsync(new V1.ListReliabilityOverridesRequest { ActorId = outletId })).Overrides;
        Assert.Equal([("B", "desk-editor"), ("", "chief")], trail.Select(o => (o.Grade, o.Analyst)));
        Assert.All(trail, o => Assert.True(o.RecordedAt.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.StartsWith("The crane reports", trail[0].Reason, StringComparison.Ordinal);

        foreach (var bad in new[]
        {
            new V1.SetReliabilityOverrideRequest { ActorId = outletId, Role = "outlet", Grade = "B" },
            new V1.SetReliabilityOverrideRequest { ActorId = outletId, Role = "outlet", Grade = "G", Reason = "x" },
            new V1.SetReliabilityOverrideRequest { ActorId = outletId, Role = "publisher", Grade = "B", Reason = "x" },
        })
        {
            var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.SetReliabilityOverrideAsync(bad).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_retracted_report_counts_against_its_outlet_and_a_superseded_claim_is_recorded_as_superseded()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        async Task<V1.SourceReliability> StandingAsync(string name, string role) =>
            (await client.ListSourceReliabilityAsync(new V1.ListSourceReliabilityRequest())).Sources
                .Single(s => s.Name == name && s.Role == role);

        // Two claims the Evening Post carried, each borne out by an independent origin.
        var ids = new List<string>();
        for (var i = 1; i <= 2; i++)
        {
            var text = $"Pier {i} takes 10 ships";
            var made = await client.RegisterReportAsync(Reports.Report($"sup-a{i}", "Evening Post", "Port authority", [], text));
            await client.RegisterReportAsync(Reports.Report($"sup-b{i}", "Harbour News", "Shipping agency", [], text));
            ids.Add(made.Outcomes[0].ClaimId);
        }

        var before = await StandingAsync("Evening Post", "outlet");
        Assert.Equal((2, 0, 0), (before.HeldUp, before.Retracted, before.Superseded));

        // The outlet retracts its first report: a retraction on its record, and its origin no longer holds that claim.
        await client.RetractReportAsync(new V1.RetractReportRequest
        {
            CorrectionId = "sup-retract", Analyst = "desk", Reason = "sourcing could not be verified", ReportId = "sup-a1",
        });
        // A newer figure supersedes the second claim: recorded as superseded, judged neither way.
        var newer = await client.RegisterReportAsync(
            Reports.Report("sup-c", "Harbour News", "Port authority", [], "Pier 2 takes 12 ships"));
        await client.RelateClaimsAsync(new V1.RelateClaimsRequest
        {
            CorrectionId = "sup-relate", Analyst = "desk", Reason = "the berth was extended",
            SubjectClaimId = newer.Outcomes[0].ClaimId,
            Relation = V1.ClaimRelationKind.Supersedes, ObjectClaimId = ids[1],
        });

        var outlet = await StandingAsync("Evening Post", "outlet");
        Assert.Equal(
            (0, 0, 1, 1, 1), (outlet.HeldUp, outlet.Contradicted, outlet.Retracted, outlet.Superseded, outlet.Judged));
        var origin = await StandingAsync("Port authority", "origin");
        Assert.Equal((0, 0, 1), (origin.HeldUp, origin.Retracted, origin.Superseded));
    }
}
