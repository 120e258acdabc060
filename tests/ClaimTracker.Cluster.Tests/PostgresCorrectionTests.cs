namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// The corrections story on PostgreSQL (merge and unmerge, relink surviving re-registration, retraction, report correction,
/// relations, "split Kim"), then a restart: the journals replay to the same claims and actors; and across three silos,
/// written through one and watched through another, with two analysts correcting the same thing at once through two.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCorrectionTests(PostgresServer postgres)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Corrections_on_postgres_hold_and_replay_to_the_same_state_after_a_restart()
    {
        var name = "corrections_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = await postgres.CreateDatabaseAsync(name);
        var silo = SiloProcess.Create(connectionString, name);
        try
        {
            silo.Start();
            await silo.WaitReadyAsync(StartTimeout);
            var story = new TestSupport.CorrectionStory("pg", silo.Client, silo.Client);
            await story.RunAsync();
            var before = await story.ReadStateAsync(silo.Client);

            await silo.StopAsync(TimeSpan.FromSeconds(30));
            var restarted = silo.Restarted();
            await silo.DisposeAsync();
            silo = restarted;
            silo.Start();
            await silo.WaitReadyAsync(StartTimeout);
            Assert.Equal(before, await story.ReadStateAsync(silo.Client));
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Across_three_silos_a_watcher_on_one_sees_the_corrections_made_through_another_in_order()
    {
        var name = "corrections3_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = await postgres.CreateDatabaseAsync(name);
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Create(connectionString, name)).ToArray();
        try
        {
            foreach (var silo in silos)
            {
                silo.Start();
            }

            await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(StartTimeout)));
            await new TestSupport.CorrectionStory("three", silos[0].Client, silos[2].Client).RunAsync();
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
