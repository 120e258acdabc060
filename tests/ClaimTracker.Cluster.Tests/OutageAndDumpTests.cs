using System.Diagnostics;
using ClaimTracker.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// A silo on a PostgreSQL of its own, which the test stops under it: health turns NOT_SERVING and calls
/// answer UNAVAILABLE with a retry hint, then both recover when PostgreSQL is back. Then the operators'
/// backup for cluster mode: pg_dump, pg_restore into a new database, a silo on it serves the same claims.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutageAndDumpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan TransitionTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Health_follows_the_database_down_and_up_calls_are_retryable_and_a_restored_dump_serves_the_same_claims()
    {
        var clock = Stopwatch.StartNew();
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        await using var silo = SiloProcess.Create(connectionString, "outage");
        silo.Start();
        await silo.WaitReadyAsync(StartTimeout);
        var health = new Health.HealthClient(silo.Channel);
        foreach (var service in new[] { string.Empty, "claimtracker.v1.ClaimTracker" })
        {
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = service });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }

        for (var i = 0; i < 20; i++)
        {
            await silo.Client.RegisterReportAsync(Load.Report("outage", i));
        }

        output.WriteLine($"silo up, 20 reports after {clock.Elapsed}");

        await postgres.StopServerAsync();
        await WaitForStatusAsync(health, HealthCheckResponse.Types.ServingStatus.NotServing);
        output.WriteLine($"NOT_SERVING after PostgreSQL stopped, {clock.Elapsed}");

        // A report not in memory has to be read from the store.
        var read = await Assert.ThrowsAsync<RpcException>(() => silo.Client.GetReportAsync(
            new V1.GetReportRequest { ReportId = "outage-never-registered" }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, read.StatusCode);
        Assert.Equal("5", read.Trailers.GetValue("retry-after"));
        var list = await Assert.ThrowsAsync<RpcException>(() => silo.Client.ListClaimsAsync(
            new V1.ListClaimsRequest(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, list.StatusCode);

        // A write while the store is gone is refused as retryable (or runs into its deadline), never INTERNAL.
        var write = await Assert.ThrowsAsync<RpcException>(() => silo.Client.RegisterReportAsync(
            Load.Report("outage", 100), deadline: DateTime.UtcNow.AddSeconds(15)).ResponseAsync);
        Assert.Contains(write.StatusCode, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded });
        output.WriteLine($"write during the outage: {write.Status}");

        await postgres.StartServerAsync();
        await WaitForStatusAsync(health, HealthCheckResponse.Types.ServingStatus.Serving);
        output.WriteLine($"SERVING again after PostgreSQL restarted, {clock.Elapsed}");

        // The client's retry of the refused write succeeds, and so does everything else.
        var retried = await silo.Client.RegisterReportAsync(Load.Report("outage", 100), deadline: DateTime.UtcNow.AddSeconds(60));
        Assert.Equal(3, retried.Outcomes.Count);
        Assert.Equal(3, (await silo.Client.GetReportAsync(new V1.GetReportRequest { ReportId = "outage-00001" })).StatementIds.Count);
        var before = await AllClaimsAsync(silo.Client);

        // Cluster-mode backup and restore: pg_dump of the live database, pg_restore into a new one.
        var dump = Path.Combine(Path.GetTempPath(), $"claimtracker-{Guid.NewGuid():N}.dump");
        try
        {
            await postgres.DumpAsync("outage", dump);
            var restoredConnection = await postgres.CreateDatabaseAsync("restored");
            await postgres.RestoreDumpAsync(dump, "restored");
            await using var restored = SiloProcess.Create(restoredConnection, "restored");
            restored.Start();
            await restored.WaitReadyAsync(StartTimeout);
            var after = await AllClaimsAsync(restored.Client);
            Assert.Equal(before.Count, after.Count);
            Assert.Equal(before, after);
            var report = await restored.Client.GetReportAsync(new V1.GetReportRequest { ReportId = "outage-00100" });
            Assert.Equal(3, report.StatementIds.Count);
            output.WriteLine($"restored dump serves the same {after.Count} claims, {clock.Elapsed}");
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task WaitForStatusAsync(Health.HealthClient health, HealthCheckResponse.Types.ServingStatus expected)
    {
        var deadline = DateTime.UtcNow + TransitionTimeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
                if (reply.Status == expected)
                {
                    return;
                }

                last = reply.Status.ToString();
            }
            catch (RpcException ex)
            {
                last = ex.Status.ToString();
            }

            await Task.Delay(200);
        }

        Assert.Fail($"health did not turn {expected} within {TransitionTimeout} (last: {last})");
    }

    /// <summary>Every claim as (id, text, status, statement count), sorted by id.</summary>
    private static async Task<List<string>> AllClaimsAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var claims = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 500, PageToken = token });
            claims.AddRange(page.Claims.Select(c => $"{c.ClaimId}|{c.Text}|{c.Status}|{c.StatementCount}"));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        claims.Sort(StringComparer.Ordinal);
        return claims;
    }
}
