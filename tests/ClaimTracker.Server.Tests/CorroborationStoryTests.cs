using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>The acceptance story of the vertical slice, over a real socket, across a restart.</summary>
public sealed class CorroborationStoryTests
{
    [Fact]
    public async Task Independent_origins_move_the_claim_and_survive_a_restart()
    {
        string claimId;
        var dataDirectory = RunningServer.NewDataDirectory();
        await using (var server = await RunningServer.StartAsync(dataDirectory))
        {
            var client = server.Client;

            var a = await client.RegisterReportAsync(Reports.A());
            var outcomeA = Assert.Single(a.Outcomes);
            claimId = outcomeA.ClaimId;
            Assert.True(outcomeA.ClaimCreated);
            Assert.Equal(V1.CorroborationStatus.Uncorroborated, outcomeA.ClaimStatus);
            var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            Assert.Equal(V1.CorroborationStatus.Uncorroborated, claim.Status);
            Assert.Equal(3, claim.Credibility);
            Assert.Contains("supported by 1 independent origin: Ukrainian data", claim.StatusReasons);
            var statementA = Assert.Single(claim.Statements);
            Assert.Equal(["AFP"], statementA.Via);
            Assert.Equal("a-ukrainian-data", statementA.OriginActorId);
            Assert.Equal("Kyiv Independent", statementA.Source);

            var b = await client.RegisterReportAsync(Reports.B());
            Assert.Equal(claimId, Assert.Single(b.Outcomes).ClaimId);
            Assert.False(b.Outcomes[0].ClaimCreated);
            claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            Assert.Equal(V1.CorroborationStatus.Uncorroborated, claim.Status);
            Assert.Equal(3, claim.Credibility);
            Assert.Equal(["a-ukrainian-data"], claim.SupportingOrigins);
            Assert.Contains(
                "1 repeat of Ukrainian data not counted as independent (carried by Kyiv Independent, Le Monde)",
                claim.StatusReasons);

            // A watcher opened before report C sees C's statement and the status change it causes.
            using var watch = client.WatchClaims(new V1.WatchClaimsRequest { ClaimIds = { claimId } });
            await watch.ResponseHeadersAsync;
            var events = ReadEventsAsync(watch.ResponseStream, 2);

            var c = await client.RegisterReportAsync(Reports.C());
            Assert.Equal(V1.CorroborationStatus.Corroborated, Assert.Single(c.Outcomes).ClaimStatus);
            claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            Assert.Equal(V1.CorroborationStatus.Corroborated, claim.Status);
            Assert.Equal(1, claim.Credibility);
            Assert.Equal(["a-ukrainian-data", "a-estonian-defence-intelligence"], claim.SupportingOrigins);
            Assert.Contains("supported by 2 independent origins: Ukrainian data, Estonian defence intelligence", claim.StatusReasons);

            var received = await events.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(V1.ClaimEventKind.StatementAdded, received[0].Kind);
            Assert.Equal("Estonian defence intelligence", received[0].Statement.Speaker);
            Assert.Equal(V1.ClaimEventKind.StatusChanged, received[1].Kind);
            Assert.Equal(V1.CorroborationStatus.Uncorroborated, received[1].PreviousStatus);
            Assert.Equal(V1.CorroborationStatus.Corroborated, received[1].Claim.Status);
            Assert.Empty(received[1].Claim.Statements);

            var d = await client.RegisterReportAsync(Reports.D(claimId));
            Assert.Equal(V1.Stance.Contradicts, Assert.Single(d.Outcomes).Stance);
            claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            Assert.Equal(V1.CorroborationStatus.Contested, claim.Status);
            Assert.Equal(4, claim.Credibility);
            Assert.Equal(["a-russian-ministry-of-defence"], claim.ContradictingOrigins);
            Assert.Contains("contradicted by 1 independent origin: Russian Ministry of Defence", claim.StatusReasons);
            Assert.Equal(4, claim.StatementCount);
            Assert.Equal(4, claim.Version);
        }

        await using (var restarted = await RunningServer.StartAsync(dataDirectory))
        {
            var client = restarted.Client;
            var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            Assert.Equal(V1.CorroborationStatus.Contested, claim.Status);
            Assert.Equal(4, claim.Statements.Count);
            Assert.Equal(["story-d", "story-c", "story-b", "story-a"], claim.Statements.Select(s => s.ReportId));

            foreach (var reportId in new[] { "story-a", "story-b", "story-c", "story-d" })
            {
                var report = await client.GetReportAsync(new V1.GetReportRequest { ReportId = reportId });
                Assert.Single(report.StatementIds);
            }

            var ukrainianData = await client.GetActorAsync(new V1.GetActorRequest { ActorId = "a-ukrainian-data" });
            Assert.Equal(2, ukrainianData.StatementCount);
            Assert.Equal([claimId], ukrainianData.ClaimIds);
            Assert.Equal(["story-a", "story-b"], ukrainianData.AliasSightings.Select(s => s.ReportId));
            var afp = await client.GetActorAsync(new V1.GetActorRequest { ActorId = "a-afp" });
            Assert.Equal(V1.ActorKind.Outlet, afp.Kind);

            var again = await client.RegisterReportAsync(Reports.A());
            Assert.Equal(claimId, Assert.Single(again.Outcomes).ClaimId);
            Assert.True(again.Outcomes[0].ClaimCreated);
            claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            Assert.Equal(4, claim.StatementCount);
            Assert.Equal(4, claim.Version);
            ukrainianData = await client.GetActorAsync(new V1.GetActorRequest { ActorId = "a-ukrainian-data" });
            Assert.Equal(2, ukrainianData.StatementCount);

            var listed = await client.ListClaimsAsync(new V1.ListClaimsRequest { Status = V1.CorroborationStatus.Contested });
            Assert.Equal(claimId, Assert.Single(listed.Claims).ClaimId);
        }
    }

    private static async Task<List<V1.ClaimEvent>> ReadEventsAsync(IAsyncStreamReader<V1.ClaimEvent> stream, int count)
    {
        var events = new List<V1.ClaimEvent>();
        while (events.Count < count && await stream.MoveNext(CancellationToken.None))
        {
            events.Add(stream.Current);
        }

        return events;
    }
}
