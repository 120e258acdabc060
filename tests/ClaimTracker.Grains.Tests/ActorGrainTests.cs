using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Tests;

public sealed class ActorGrainTests
{
    [Fact]
    public async Task Concurrent_reports_on_one_actor_all_land_once_and_survive_reactivation()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var actor = cluster.Grains.GetGrain<IActorGrain>("a-busy-outlet");
        var activities = Enumerable.Range(0, 40)
            .Select(i => new ActorActivity($"r{i}", ["Busy Outlet"], ActorKind.Outlet, [new ActorStatementRef($"s-r{i}-1", $"c-{i % 7}")]))
            .ToList();

        // Every report twice at once (a client's retry racing its first attempt), all interleaved.
        await Task.WhenAll(activities.Concat(activities).Select(actor.Record));

        var snapshot = await actor.Get();
        Assert.Equal(40, snapshot!.StatementCount);
        Assert.Equal(7, snapshot.ClaimIds.Length);
        Assert.Equal(40, snapshot.Sightings.Length);

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reread = await actor.Get();
        Assert.Equal(40, reread!.StatementCount);
        Assert.Equal(40, reread.Sightings.Length);

        await actor.Record(new ActorActivity("r-last", ["Busy Outlet"], ActorKind.Outlet, [new ActorStatementRef("s-last", "c-0")]));
        Assert.Equal(41, (await actor.Get())!.StatementCount);
    }
}
