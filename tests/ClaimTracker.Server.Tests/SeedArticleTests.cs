using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>The seed article registered as raw text: the server finds its actors, statements and chains.</summary>
public sealed class SeedArticleTests
{
    internal static string SeedText => SeedArticleFile.Text;

    [SeedArticleFact]
    public async Task The_seed_article_as_text_yields_its_actors_statements_and_chains()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Client;

        var response = await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "seed",
            Source = "Example Outlet",
            Title = "Putin and Kim at Vostochny",
            Text = SeedText,
        });
        Assert.True(response.Outcomes.Count >= 20);

        var report = await client.GetReportAsync(new V1.GetReportRequest { ReportId = "seed" });
        Assert.Equal(response.Outcomes.Select(o => o.StatementId), report.StatementIds);

        var actors = new List<V1.Actor>();
        var listRequest = new V1.ListActorsRequest { PageSize = 100 };
        actors.AddRange((await client.ListActorsAsync(listRequest)).Actors);
        V1.Actor Find(string name) => Assert.Single(actors, a => a.Name == name);
        Assert.Equal(V1.ActorKind.Person, Find("Putin").Kind);
        Assert.Equal(V1.ActorKind.Person, Find("Kim Jong Un").Kind);
        Assert.Equal(V1.ActorKind.Person, Find("Kim Jong-dae").Kind);
        Assert.NotEqual(Find("Kim Jong Un").ActorId, Find("Kim Jong-dae").ActorId);
        Assert.Equal(V1.ActorKind.Person, Find("Dmitry Peskov").Kind);
        Assert.Equal(V1.ActorKind.Person, Find("Yohann Michel").Kind);
        Assert.Equal(V1.ActorKind.Person, Find("Cheong Seong-chang").Kind);
        Assert.Equal(V1.ActorKind.Outlet, Find("AFP").Kind);
        Assert.Equal(V1.ActorKind.Outlet, Find("KCNA").Kind);
        Assert.Equal(V1.ActorKind.Organization, Find("International Institute for Strategic Studies").Kind);
        Assert.Equal(V1.ActorKind.Organization, Find("German Council on Foreign Relations").Kind);
        Assert.Equal(V1.ActorKind.Government, Find("Ukrainian Military Intelligence Agency").Kind);
        Assert.Contains("HUR", Find("Ukrainian Military Intelligence Agency").Aliases);
        Assert.Contains("President Putin", Find("Putin").Aliases);

        // The 60,000 shots per day: speaker "Ukrainian data", carried by AFP, spans pointing into the text.
        var shells = response.Outcomes.Single(o => o.ActorId == Find("Ukrainian data").ActorId);
        var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = shells.ClaimId });
        var statement = Assert.Single(claim.Statements);
        Assert.Equal(["AFP"], statement.Via);
        Assert.Equal("according to", statement.Cue.ToLowerInvariant());
        Assert.Equal("Ukrainian data", SeedText[statement.SourceSpan.Begin..statement.SourceSpan.End]);
        Assert.Contains("60,000 shots per day", SeedText[statement.ContentSpan.Begin..statement.ContentSpan.End], StringComparison.Ordinal);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, claim.Status);

        // Michel's hedged assessment, via AFP.
        var michel = response.Outcomes.Single(o => o.ActorId == Find("Yohann Michel").ActorId);
        var michelClaim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = michel.ClaimId });
        Assert.Equal(V1.Modality.Hedged, michelClaim.Statements[0].Modality);
        Assert.Contains("may be below its actual battlefield needs", michelClaim.Text, StringComparison.Ordinal);

        // Peskov's cosmonaut remark, quoted by Russian state media.
        var peskov = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Dmitry Peskov").ActorId });
        var peskovClaims = await Task.WhenAll(
            peskov.ClaimIds.Select(id => client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id }).ResponseAsync));
        var cosmonaut = Assert.Single(peskovClaims, c => c.Text.Contains("cosmonaut", StringComparison.Ordinal));
        Assert.Equal(["Russian state media"], cosmonaut.Statements[0].Via);

        // A later report naming the same people resolves to the same actors.
        await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "follow-up",
            Source = "Other Outlet",
            Text = "North Korean leader Kim Jong Un said the visit was a success.\n\nKremlin spokesman Dmitry Peskov told reporters the " +
                "talks would continue.",
        });
        var kim = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Kim Jong Un").ActorId });
        Assert.Contains(kim.AliasSightings, s => s.ReportId == "follow-up");
        var peskovAgain = await client.GetActorAsync(new V1.GetActorRequest { ActorId = Find("Dmitry Peskov").ActorId });
        Assert.Contains(peskovAgain.AliasSightings, s => s.ReportId == "follow-up");
    }
}
