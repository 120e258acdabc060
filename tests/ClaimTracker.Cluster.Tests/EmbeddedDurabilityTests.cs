using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Xunit.Abstractions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// The embedded server as a process: SIGKILL during concurrent ingest loses no acknowledged report and
/// leaves nothing half-written; an online backup taken during ingest restores to a server with the same claims.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EmbeddedDurabilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_server_killed_mid_ingest_keeps_every_acknowledged_report_whole()
    {
        var clock = Stopwatch.StartNew();
        var directory = TestSupport.TestDirectories.Create("claimtracker-crash-");
        try
        {
            var acknowledged = new ConcurrentDictionary<string, V1.RegisterReportResponse>();
            var attempted = new ConcurrentDictionary<string, V1.RegisterReportRequest>();
            await using (var server = new EmbeddedProcess(directory))
            {
                await server.StartAsync(StartTimeout);
                // The feeders go on until the server is gone, so the calls the kill cuts off are always among the attempted
                // and never among the acknowledged, whether or not group commit had answered every call in flight just before.
                var feeding = FeedAsync(server.Client, "crash", attempted, acknowledged, CancellationToken.None);
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((acknowledged.Count < 150 || attempted.Count == acknowledged.Count) && DateTime.UtcNow < deadline
                    && !feeding.IsCompleted)
                {
                    await Task.Delay(acknowledged.Count < 150 ? 20 : 1);
                }

                var inFlightAtKill = attempted.Count - acknowledged.Count;
                server.Kill();
                await feeding;
                output.WriteLine($"{inFlightAtKill} reports were in flight when the kill was sent");
            }

            output.WriteLine($"killed after {acknowledged.Count} acknowledged of {attempted.Count} sent, {clock.Elapsed}");
            Assert.True(acknowledged.Count >= 150, $"only {acknowledged.Count} reports were acknowledged before the kill");
            Assert.True(attempted.Count > acknowledged.Count, "the kill should interrupt reports in flight");

            await using var restarted = new EmbeddedProcess(directory);
            await restarted.StartAsync(StartTimeout);
            var client = restarted.Client;

            var stored = await StoredReportsAsync(client, attempted.Keys);
            var statements = await AllStatementsAsync(client);
            foreach (var (reportId, response) in acknowledged)
            {
                Assert.True(stored.TryGetValue(reportId, out var report), $"acknowledged report {reportId} is missing after the crash");
                Assert.Equal(response.Report.StatementIds, report.StatementIds);
                foreach (var outcome in response.Outcomes)
                {
                    Assert.True(
                        statements.TryGetValue(outcome.StatementId, out var linked), $"{reportId}: statement {outcome.StatementId} lost");
                    Assert.Equal(outcome.ClaimId, linked.ClaimId);
                    Assert.Equal(reportId, linked.ReportId);
                }
            }

            // Nothing half-written: no claim holds a statement whose report is not stored.
            AssertNoOrphans(statements, stored);

            // What was in flight, the client retries (same report_id): each report ends whole, nothing twice.
            foreach (var (reportId, request) in attempted.Where(a => !acknowledged.ContainsKey(a.Key)))
            {
                var response = await client.RegisterReportAsync(request, deadline: DateTime.UtcNow.AddSeconds(60));
                Assert.Equal(3, response.Outcomes.Count);
            }

            statements = await AllStatementsAsync(client);
            Assert.Equal(3 * attempted.Count, statements.Count);
            Assert.Equal(attempted.Keys.Order(), statements.Values.Select(s => s.ReportId).Distinct().Order());
            output.WriteLine($"{attempted.Count} reports whole after restart and retries, {clock.Elapsed}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_online_backup_taken_during_ingest_restores_to_a_server_with_the_same_claims()
    {
        var clock = Stopwatch.StartNew();
        var live = TestSupport.TestDirectories.Create("claimtracker-live-");
        var restoredDirectory = TestSupport.TestDirectories.Create("claimtracker-restored-");
        var backup = Path.Combine(live, "..", $"claimtracker-backup-{Guid.NewGuid():N}.db");
        try
        {
            List<string> claimsBefore;
            List<string> claimsAfterIngest;
            var acknowledgedBefore = new ConcurrentDictionary<string, V1.RegisterReportResponse>();
            var attempted = new ConcurrentDictionary<string, V1.RegisterReportRequest>();
            await using (var server = new EmbeddedProcess(live))
            {
                await server.StartAsync(StartTimeout);
                for (var i = 0; i < 60; i++)
                {
                    var request = Load.Report("backup", i);
                    attempted[request.ReportId] = request;
                    acknowledgedBefore[request.ReportId] = await server.Client.RegisterReportAsync(request);
                }

                claimsBefore = await ClaimIdsAsync(server.Client);

                // Ingest goes on while the backup runs.
                using var stop = new CancellationTokenSource();
                var more = new ConcurrentDictionary<string, V1.RegisterReportResponse>();
                var feeding = FeedAsync(server.Client, "during", attempted, more, stop.Token);
                var (exitCode, commandOutput) = await EmbeddedProcess.RunCommandAsync(live, "backup", backup);
                await stop.CancelAsync();
                await feeding;
                output.WriteLine($"backup: {commandOutput.Trim()} ({more.Count} reports registered meanwhile), {clock.Elapsed}");
                Assert.Equal(0, exitCode);
                Assert.Contains("backed up", commandOutput, StringComparison.Ordinal);
                claimsAfterIngest = await ClaimIdsAsync(server.Client);
            }

            var (restoreExit, restoreOutput) = await EmbeddedProcess.RunCommandAsync(restoredDirectory, "restore", backup);
            output.WriteLine("restore: " + restoreOutput.Trim());
            Assert.Equal(0, restoreExit);

            await using var restored = new EmbeddedProcess(restoredDirectory);
            await restored.StartAsync(StartTimeout);
            var restoredClaims = await ClaimIdsAsync(restored.Client);
            Assert.Subset(restoredClaims.ToHashSet(), claimsBefore.ToHashSet());
            Assert.Subset(claimsAfterIngest.ToHashSet(), restoredClaims.ToHashSet());
            var stored = await StoredReportsAsync(restored.Client, attempted.Keys);
            var statements = await AllStatementsAsync(restored.Client);
            foreach (var (reportId, response) in acknowledgedBefore)
            {
                Assert.Equal(response.Report.StatementIds, stored[reportId].StatementIds);
                Assert.All(response.Outcomes, o => Assert.Equal(o.ClaimId, statements[o.StatementId].ClaimId));
            }

            AssertNoOrphans(statements, stored);
            output.WriteLine($"restored server: {restoredClaims.Count} claims, {stored.Count} reports, {clock.Elapsed}");
        }
        finally
        {
            File.Delete(backup);
            Directory.Delete(live, recursive: true);
            Directory.Delete(restoredDirectory, recursive: true);
        }
    }

    private static void AssertNoOrphans(Dictionary<string, V1.Statement> statements, Dictionary<string, V1.Report> stored) =>
        Assert.All(statements.Values, s => Assert.True(stored.ContainsKey(s.ReportId), $"statement {s.StatementId} without its report"));

    /// <summary>Eight feeders register new reports until stopped or the server goes away.</summary>
    private static Task FeedAsync(
        V1.ClaimTracker.ClaimTrackerClient client,
        string prefix,
        ConcurrentDictionary<string, V1.RegisterReportRequest> attempted,
        ConcurrentDictionary<string, V1.RegisterReportResponse> acknowledged,
        CancellationToken stop)
    {
        var next = 999;
        return Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var request = Load.Report(prefix, Interlocked.Increment(ref next));
                attempted[request.ReportId] = request;
                try
                {
                    var response = await client.RegisterReportAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                    acknowledged[request.ReportId] = response;
                }
                catch (RpcException)
                {
                    return;
                }
            }
        })));
    }

    private static async Task<Dictionary<string, V1.Report>> StoredReportsAsync(
        V1.ClaimTracker.ClaimTrackerClient client, IEnumerable<string> reportIds)
    {
        var stored = new Dictionary<string, V1.Report>();
        foreach (var reportId in reportIds)
        {
            try
            {
                stored[reportId] = await client.GetReportAsync(new V1.GetReportRequest { ReportId = reportId });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
            }
        }

        return stored;
    }

    private static async Task<List<string>> ClaimIdsAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var ids = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 500, PageToken = token });
            ids.AddRange(page.Claims.Select(c => c.ClaimId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return ids;
    }

    /// <summary>Every statement of every claim, by statement id; fails on a statement that two claims hold.</summary>
    private static async Task<Dictionary<string, V1.Statement>> AllStatementsAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var statements = new Dictionary<string, V1.Statement>();
        foreach (var claimId in await ClaimIdsAsync(client))
        {
            var token = string.Empty;
            do
            {
                var claim = await client.GetClaimAsync(
                    new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 1000, StatementPageToken = token });
                foreach (var statement in claim.Statements)
                {
                    Assert.True(statements.TryAdd(statement.StatementId, statement), $"statement {statement.StatementId} is stored twice");
                }

                token = claim.NextStatementPageToken;
            }
            while (token.Length > 0);
        }

        return statements;
    }
}
