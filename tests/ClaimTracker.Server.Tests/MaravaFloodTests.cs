using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The repository's own wire story registered as raw text: its actors (two people named Varga kept apart),
/// the chain through AFP, a hedged quote, and a follow-up report whose revised count contradicts the first.
/// </summary>
public sealed class MaravaFloodTests
{
    [Fact]
    public async Task The_flood_story_yields_actors_and_chains_and_its_follow_up_contradicts_the_displaced_count()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Client;
        var text = TestArticles.MaravaFlood;
        var story = await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "marava",
            Source = "Harbour Daily",
            Title = "Dam operators open every spillway on the Marava",
            Text = text,
        });
        Assert.Equal(10, story.Outcomes.Count);

        var actors = (await client.ListActorsAsync(new V1.ListActorsRequest { PageSize = 100 })).Actors;
        V1.Actor Find(string name) => Assert.Single(actors, a => a.Name == name);
        Assert.Equal(V1.ActorKind.Person, Find("Lena Varga").Kind);
        Assert.Equal(V1.ActorKind.Person, Find("Tamas Varga").Kind);
        Assert.NotEqual(Find("Lena Varga").ActorId, Find("Tamas Varga").ActorId);
        Assert.Contains("Governor Lena Varga", Find("Lena Varga").Aliases);
        Assert.Equal(V1.ActorKind.Outlet, Find("AFP").Kind);
        Assert.Equal(V1.ActorKind.Outlet, Find("Harbour Daily").Kind);
        Assert.Equal(V1.ActorKind.Organization, Find("Central Water Institute").Kind);
        Assert.Equal(V1.ActorKind.Government, Find("Ministry of Water Resources").Kind);

        // The hydrologist's hedged quote: Harbour Daily carries AFP, which quotes him.
        var hydrologist = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Tamas Varga").ActorId });
        var hydrologistClaims = await Task.WhenAll(hydrologist.ClaimIds.Select(id =>
            client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id }).ResponseAsync));
        Assert.Equal(2, hydrologistClaims.Length);
        var reservoir = Assert.Single(hydrologistClaims, c => c.Text.Contains("may keep rising", StringComparison.Ordinal)).Statements[0];
        Assert.Equal(V1.Modality.Hedged, reservoir.Modality);
        Assert.Equal(["AFP"], reservoir.Via);
        Assert.Equal("Harbour Daily", reservoir.Source);
        Assert.Equal("he", text[reservoir.SourceSpan.Begin..reservoir.SourceSpan.End]);
        var gate = Assert.Single(hydrologistClaims, c => c.Text.Contains("spillway gate was stuck", StringComparison.Ordinal))
            .Statements[0];
        Assert.Equal("told AFP", gate.Cue);
        Assert.Equal(["AFP"], gate.Via);

        // The governor's claims are hers alone.
        var governor = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Lena Varga").ActorId });
        Assert.Equal(2, governor.ClaimIds.Count);
        Assert.Empty(governor.ClaimIds.Intersect(hydrologist.ClaimIds));

        var emergencyService = Find("regional emergency service").ActorId;
        var displacedClaimId = Assert.Single(story.Outcomes, o => o.ActorId == emergencyService).ClaimId;
        var displaced = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = displacedClaimId });
        Assert.Contains("12,000 people", displaced.Text, StringComparison.Ordinal);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, displaced.Status);

        // The service revises its own count: the same claim, and with its only origin now against it, contradicted.
        var followUp = await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "marava-follow-up",
            Source = "Valley Courier",
            Text = TestArticles.MaravaFloodFollowUp,
        });
        var revised = Assert.Single(followUp.Outcomes, o => o.ClaimId == displaced.ClaimId);
        Assert.Equal(V1.Stance.Contradicts, revised.Stance);
        Assert.Equal(V1.CorroborationStatus.Contradicted, revised.ClaimStatus);
        var after = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = displaced.ClaimId });
        Assert.Equal(V1.CorroborationStatus.Contradicted, after.Status);
        Assert.Equal(2, after.StatementCount);
        Assert.Contains(after.StatusReasons, r =>
            r.Contains("4,500", StringComparison.Ordinal) && r.Contains("12,000", StringComparison.Ordinal));

        // The governor in the follow-up is the same actor, not the hydrologist.
        var governorAgain = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Lena Varga").ActorId });
        Assert.Contains(governorAgain.AliasSightings, s => s.ReportId == "marava-follow-up");
        var hydrologistAgain = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Tamas Varga").ActorId });
        Assert.DoesNotContain(hydrologistAgain.AliasSightings, s => s.ReportId == "marava-follow-up");
    }
}
