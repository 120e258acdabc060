using ClaimTracker.Analysis;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task An_actor_journal_written_directly_loads_and_grows_from_its_version()
    {
        // The events as the journal has always held them (an ActorJournalEvent each, keyed by report and
        // alias or by statement), as the earlier JournaledGrain-based actor wrote them.
        await using var cluster = await GrainCluster.StartAsync();
        var services = cluster.Cluster.Silos[0].ServiceProvider;
        var serializer = services.GetRequiredService<PayloadSerializer>();
        ActorJournalEvent seen = new AliasSeen("Old Outlet", "r-old", ActorKind.Outlet);
        ActorJournalEvent attributed = new StatementAttributed("s-old", "c-old", "r-old");
        var snapshot = new ActorSnapshot("a-old", "Old Outlet", ActorKind.Outlet, ["Old Outlet"], 1, [], []);
        Assert.True(await services.GetRequiredService<IActorJournal>().AppendActorAsync(
            "a-old",
            0,
            [
                new JournalAppend("alias:r-old:Old Outlet", serializer.Serialize(seen)),
                new JournalAppend("statement:s-old", serializer.Serialize(attributed)),
            ],
            new ActorRow("a-old", "Old Outlet", ["Old Outlet"], serializer.Serialize(snapshot))));

        var actor = cluster.Grains.GetGrain<IActorGrain>("a-old");
        var loaded = await actor.Get();
        Assert.Equal(1, loaded!.StatementCount);
        Assert.Equal(["c-old"], loaded.ClaimIds);

        // A new report goes in as one entry of the newer shape, after the old ones.
        await actor.Record(new ActorActivity("r-new", ["Old Outlet"], ActorKind.Outlet, [new ActorStatementRef("s-new", "c-new")]));
        var journal = await services.GetRequiredService<IActorJournal>().ReadActorAsync("a-old");
        Assert.Equal([1, 2, 3], journal.Select(entry => entry.Version));
        var entry = Assert.IsType<ReportActivityRecorded>(serializer.Deserialize<ActorJournalEvent>(journal[2].Payload));
        Assert.Equal("r-new", entry.ReportId);
        Assert.Equal(["Old Outlet"], entry.Aliases);
        Assert.Equal([new ActorStatementRef("s-new", "c-new")], entry.Statements);
        Assert.Equal(2, (await actor.Get())!.StatementCount);
    }

    [Fact]
    public async Task A_report_is_one_journal_entry_per_actor_and_only_what_is_new_is_journaled_again()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var services = cluster.Cluster.Silos[0].ServiceProvider;
        var serializer = services.GetRequiredService<PayloadSerializer>();
        var actor = cluster.Grains.GetGrain<IActorGrain>("a-minister");
        ActorStatementRef[] statements = [new("s-1", "c-1"), new("s-2", "c-2"), new("s-3", "c-1")];
        await actor.Record(new ActorActivity("r-1", ["The minister", "Jane Roe"], ActorKind.Person, statements));

        var journal = await services.GetRequiredService<IActorJournal>().ReadActorAsync("a-minister");
        var entry = Assert.IsType<ReportActivityRecorded>(serializer.Deserialize<ActorJournalEvent>(Assert.Single(journal).Payload));
        Assert.Equal(["The minister", "Jane Roe"], entry.Aliases);
        Assert.Equal(statements, entry.Statements);
        Assert.Equal(ActorKind.Person, entry.KindHint);

        // The same report again adds nothing; a later revision of it adds one entry with its new statement only.
        await actor.Record(new ActorActivity("r-1", ["The minister", "Jane Roe"], ActorKind.Person, statements));
        await actor.Record(new ActorActivity("r-1", ["Jane Roe"], ActorKind.Person, [.. statements, new("s-4", "c-3")]));
        journal = await services.GetRequiredService<IActorJournal>().ReadActorAsync("a-minister");
        Assert.Equal(2, journal.Count);
        var revision = Assert.IsType<ReportActivityRecorded>(serializer.Deserialize<ActorJournalEvent>(journal[1].Payload));
        Assert.Empty(revision.Aliases);
        Assert.Equal([new ActorStatementRef("s-4", "c-3")], revision.Statements);

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reread = (await actor.Get())!;
        Assert.Equal(4, reread.StatementCount);
        Assert.Equal(["c-1", "c-2", "c-3"], reread.ClaimIds);
        Assert.Equal(["The minister", "Jane Roe"], reread.Aliases);
        Assert.Equal(ActorKind.Person, reread.Kind);
        Assert.Equal([new AliasSighting("The minister", "r-1"), new AliasSighting("Jane Roe", "r-1")], reread.Sightings);
    }
}
