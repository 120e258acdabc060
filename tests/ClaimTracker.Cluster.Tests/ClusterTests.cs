using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// Silo processes on one PostgreSQL: start together, survive SIGKILL and rolling restarts, carry corrections across silos.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private async Task<(string ConnectionString, string ClusterId)> NewDatabaseAsync(string prefix)
    {
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..10];
        return (await postgres.CreateDatabaseAsync(name), name);
    }

    private static async Task StartAllAsync(IReadOnlyList<SiloProcess> silos)
    {
        foreach (var silo in silos)
        {
            silo.Start();
        }

        await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(StartTimeout)));
    }

    [Fact]
    public async Task Two_silos_started_at_the_same_moment_on_an_empty_database_both_come_up()
    {
        var (connectionString, clusterId) = await NewDatabaseAsync("twin");
        await using var first = SiloProcess.Create(connectionString, clusterId);
        await using var second = SiloProcess.Create(connectionString, clusterId);
        await StartAllAsync([first, second]);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var migrations = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection))
        {
            Assert.Equal((long)ClaimTracker.Storage.Postgres.PostgresSchema.Migrations.Count, await migrations.ExecuteScalarAsync());
        }

        // Both joined one cluster: two Active (3) members.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long active;
        do
        {
            await using var members = new NpgsqlCommand(
                "SELECT count(*) FROM orleans_membership WHERE deployment_id = @c AND status = 3",
                connection);
            members.Parameters.AddWithValue("c", clusterId);
            active = (long)(await members.ExecuteScalarAsync())!;
        }
        while (active < 2 && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));
        Assert.Equal(2, active);

        // And either front door serves a report the other stored.
        await first.Client.RegisterReportAsync(Load.Report("twin", 1));
        var report = await second.Client.GetReportAsync(new V1.GetReportRequest { ReportId = "twin-00001" });
        Assert.Equal(3, report.StatementIds.Count);
    }

    [Fact]
    public async Task Killing_a_silo_mid_load_loses_nothing_and_its_watcher_resumes_elsewhere_exactly_once()
    {
        const int Reports = 2000;
        var clock = Stopwatch.StartNew();
        var (connectionString, clusterId) = await NewDatabaseAsync("kill");
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Create(connectionString, clusterId)).ToArray();
        try
        {
            await StartAllAsync(silos);
            output.WriteLine($"3 silos up after {clock.Elapsed}");
            var reports = Enumerable.Range(0, Reports).Select(i => Load.Report("kill", i)).ToList();

            // The watcher starts on the silo that will be killed, then fails over to the others.
            using var watchCancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var watcher = new FailoverWatcher([() => silos[0].Client, () => silos[1].Client, () => silos[2].Client]);
            var watching = watcher.RunAsync(watchCancel.Token);

            var killed = 0;
            var retries = await Load.RegisterAllAsync(reports, i => silos[i].Client, 3, 24, done =>
            {
                if (done == Reports / 2 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    silos[0].Kill();
                }
            }, CancellationToken.None);
            Assert.Equal(1, killed);
            output.WriteLine($"{Reports} reports registered after {clock.Elapsed} with {retries} retries");

            var head = await ClusterChecks.FeedHeadAsync(connectionString);
            await watcher.WaitForAsync(head, TimeSpan.FromMinutes(1));
            await watchCancel.CancelAsync();
            await watching;
            Assert.True(watcher.Failovers >= 1, "the watcher never lost its silo");
            Assert.Equal(Enumerable.Range(1, (int)head).Select(p => (long)p), watcher.Positions);

            await ClusterChecks.AssertStoredOnceAsync(connectionString, reports);
            var cluster = await ClusterChecks.ReadClaimsAsync(silos[1].Client);
            Assert.Equal(reports.Sum(r => r.Statements.Count), cluster.Values.Sum(c => c.StatementCount));
            output.WriteLine(
                $"cluster read after {clock.Elapsed}: {cluster.Count} claims, feed head {head}, {watcher.Failovers} watcher failovers");

            var replay = await ClusterChecks.ReplayEmbeddedAsync(reports);
            ClusterChecks.AssertSameClaims(replay, cluster);
            output.WriteLine($"replay equal after {clock.Elapsed}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_rolling_restart_under_load_fails_nothing_beyond_retries_and_loses_nothing()
    {
        const int Reports = 600;
        var clock = Stopwatch.StartNew();
        var (connectionString, clusterId) = await NewDatabaseAsync("roll");
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Create(connectionString, clusterId)).ToArray();
        try
        {
            await StartAllAsync(silos);
            var reports = Enumerable.Range(0, Reports).Select(i => Load.Report("roll", i)).ToList();
            using var loadCancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var loading = Load.RegisterAllAsync(reports, i => Volatile.Read(ref silos[i]).Client, 3, 12, null, loadCancel.Token);

            for (var i = 0; i < silos.Length; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                var old = silos[i];
                await old.StopAsync(TimeSpan.FromSeconds(30));
                var restarted = old.Restarted();
                restarted.Start();
                await restarted.WaitReadyAsync(StartTimeout);
                Volatile.Write(ref silos[i], restarted);
                await old.DisposeAsync();
                output.WriteLine($"silo {i} restarted after {clock.Elapsed}");
            }

            var retries = await loading;
            output.WriteLine($"{Reports} reports after {clock.Elapsed} with {retries} retries");
            await ClusterChecks.AssertStoredOnceAsync(connectionString, reports);
            var cluster = await ClusterChecks.ReadClaimsAsync(silos[2].Client);
            Assert.Equal(reports.Sum(r => r.Statements.Count), cluster.Values.Sum(c => c.StatementCount));
            foreach (var report in reports)
            {
                var stored = await silos[0].Client.GetReportAsync(new V1.GetReportRequest { ReportId = report.ReportId });
                Assert.Equal(report.Statements.Count, stored.StatementIds.Count);
            }

            // Corrections on PostgreSQL across the restarted silos: made through one, watched through another, and two
            // analysts merging the same pair through two silos at once get one merge.
            await new TestSupport.CorrectionStory("roll", silos[0].Client, silos[2].Client).RunAsync();
            output.WriteLine($"corrections story done after {clock.Elapsed}");
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
