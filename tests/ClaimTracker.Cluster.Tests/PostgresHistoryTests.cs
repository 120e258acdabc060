using ClaimTracker.Storage.Postgres;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// History reads on PostgreSQL: the journals' version ranges, and a silo answering as_of, history and timeline from them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHistoryTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_silo_on_postgres_reads_claims_and_actors_as_they_stood()
    {
        var name = "history_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = await postgres.CreateDatabaseAsync(name);
        await using var silo = SiloProcess.Create(connectionString, name);
        silo.Start();
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        var client = silo.Client;

        var claimId = string.Empty;
        var asOf = DateTimeOffset.MinValue;
        (string Speaker, V1.Stance Stance, int Day)[] story =
        [
            ("Port authority", V1.Stance.Supports, 1), ("Coast guard", V1.Stance.Supports, 2), ("Port authority", V1.Stance.Contradicts, 3),
        ];
        foreach (var (speaker, stance, day) in story)
        {
            var request = new V1.RegisterReportRequest
            {
                ReportId = $"pg-history-{day}",
                Source = $"Gazette {day}",
                PublishedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, day, 6, 0, 0, TimeSpan.Zero)),
            };
            request.Statements.Add(new V1.StatementInput
            {
                Speaker = speaker, Content = "The northern quay reopened", Stance = stance, ClaimId = claimId,
            });
            claimId = (await client.RegisterReportAsync(request)).Outcomes[0].ClaimId;
            if (day == 2)
            {
                await Task.Delay(20);
                asOf = DateTimeOffset.UtcNow;
                await Task.Delay(20);
            }
        }

        var now = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
        Assert.Equal(V1.CorroborationStatus.Contested, now.Status);
        var then = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, AsOf = Timestamp.FromDateTimeOffset(asOf) });
        Assert.Equal(V1.CorroborationStatus.Corroborated, then.Status);
        Assert.Equal(2, then.Version);

        var history = await client.GetClaimHistoryAsync(new V1.GetClaimHistoryRequest { ClaimId = claimId });
        Assert.Equal([1L, 2, 3], history.Versions.Select(v => v.Version));
        Assert.Contains("status CORROBORATED → CONTESTED", history.Versions[2].Changes);
        Assert.Contains("supporting origin removed: Port authority", history.Versions[2].Changes);
        Assert.Contains("contradicting origin added: Port authority", history.Versions[2].Changes);

        var timeline = await client.GetClaimTimelineAsync(new V1.GetClaimTimelineRequest { ClaimId = claimId });
        Assert.Equal("pg-history-1", timeline.FirstAppearance.ReportId);
        Assert.Equal(3, timeline.Turns.Count);

        var actor = await client.GetActorHistoryAsync(new V1.GetActorHistoryRequest { ActorId = "a-port-authority" });
        Assert.Equal("Port authority", actor.Versions[0].Alias);
        Assert.Equal(2, actor.Versions.Count(v => v.StatementId.Length > 0));

        // The store's version ranges of an actor's journal.
        await using var store = new PostgresStore(connectionString);
        // One entry per report: two reports, two entries; a range past the end holds what there is.
        Assert.Equal([2], (await store.ReadActorAsync("a-port-authority", 2, 3)).Select(e => e.Version));
        Assert.Equal([1, 2], (await store.ReadActorAsync("a-port-authority", 1, 2)).Select(e => e.Version));
        Assert.Empty(await store.ReadActorAsync("a-port-authority", 50, 60));
    }
}
