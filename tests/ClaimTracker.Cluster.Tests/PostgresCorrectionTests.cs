namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// The corrections story on PostgreSQL (merge and unmerge, relink surviving re-registration, retraction, report correction,
/// relations, "split Kim"), then a restart: the journals replay to the same claims and actors. The same story runs across
/// three restarted silos in <see cref="ClusterTests"/> (two analysts merging at once, a watcher on another silo).
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
}
