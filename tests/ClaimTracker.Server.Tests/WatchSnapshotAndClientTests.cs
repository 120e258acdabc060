using System.Diagnostics;
using ClaimTracker.V1.Client;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

public sealed class WatchSnapshotAndClientTests
{
    [Fact]
    public async Task Include_snapshot_sends_the_matching_claims_first_then_live_events()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;
        await client.RegisterReportAsync(Reports.Report("snap-1", "Outlet", "Origin A", [], "The well is dry"));
        await client.RegisterReportAsync(Reports.Report("snap-2", "Outlet", "Origin B", [], "The well is dry"));
        await client.RegisterReportAsync(Reports.Report("snap-3", "Outlet", "Origin C", [], "The mill burned"));

        using var watch = client.WatchClaims(
            new V1.WatchClaimsRequest { IncludeSnapshot = true, Statuses = { V1.CorroborationStatus.Uncorroborated } });
        var stream = watch.ResponseStream;
        Assert.True(await stream.MoveNext(CancellationToken.None));
        var snapshot = stream.Current;
        Assert.Equal(V1.ClaimEventKind.ClaimSnapshot, snapshot.Kind);
        Assert.Equal("The mill burned", snapshot.Claim.Text);

        await client.RegisterReportAsync(Reports.Report("snap-4", "Outlet", "Origin D", [], "The road flooded"));
        Assert.True(await stream.MoveNext(CancellationToken.None));
        Assert.Equal(V1.ClaimEventKind.ClaimCreated, stream.Current.Kind);
        Assert.Equal("The road flooded", stream.Current.Claim.Text);

        // Resuming with the snapshot's cursor continues with exactly the live part.
        using var resumed = client.WatchClaims(new V1.WatchClaimsRequest { Cursor = snapshot.Cursor });
        Assert.True(await resumed.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("snap-4", resumed.ResponseStream.Current.Statement.ReportId);
    }

    [Fact]
    public async Task The_resuming_watch_helper_with_a_snapshot_resumes_with_the_last_live_cursor_after_a_restart()
    {
        var port = RunningServer.FreePort();
        var server = await RunningServer.StartOnPortAsync(port, null, RunningServer.ExactMatching);
        var dataDirectory = server.DataDirectory;
        await server.Client.RegisterReportAsync(Reports.Report("snapshot-helper-a", "Outlet", "Origin A", [], "The pier collapsed"));
        await server.Client.RegisterReportAsync(Reports.Report("snapshot-helper-b", "Outlet", "Origin B", [], "The ferry stopped"));
        using var channel = ClaimTrackerChannel.Create($"http://127.0.0.1:{port}");
        var watch = new ResumingWatch(new V1.ClaimTracker.ClaimTrackerClient(channel));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var received = new List<V1.ClaimEvent>();
        var snapshotSent = new TaskCompletionSource();
        var firstLive = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var claimEvent in watch.WatchAsync(new V1.WatchClaimsRequest { IncludeSnapshot = true }, timeout.Token))
            {
                received.Add(claimEvent);
                if (received.Count(e => e.Kind == V1.ClaimEventKind.ClaimSnapshot) == 2)
                {
                    snapshotSent.TrySetResult();
                }

                if (claimEvent.Kind != V1.ClaimEventKind.ClaimSnapshot)
                {
                    firstLive.TrySetResult();
                }

                if (received.Count(e => e.Statement is not null) == 2)
                {
                    return;
                }
            }
        });

        await snapshotSent.Task.WaitAsync(timeout.Token);
        await server.Client.RegisterReportAsync(Reports.Report("snapshot-helper-1", "Outlet", "Origin C", [], "The port reopened"));
        await firstLive.Task.WaitAsync(timeout.Token);
        await server.DisposeAsync();
        await using var restarted = await RunningServer.StartOnPortAsync(port, dataDirectory, RunningServer.ExactMatching);
        await restarted.Client.RegisterReportAsync(Reports.Report("snapshot-helper-2", "Outlet", "Origin D", [], "The bridge reopened"));

        await reading.WaitAsync(timeout.Token);
        Assert.Equal(
            ["The ferry stopped", "The pier collapsed"],
            received.Where(e => e.Kind == V1.ClaimEventKind.ClaimSnapshot).Select(e => e.Claim.Text));
        Assert.Equal(
            ["snapshot-helper-1", "snapshot-helper-2"],
            received.Where(e => e.Statement is not null).Select(e => e.Statement.ReportId));
        var live = received.Where(e => e.Statement is not null).ToList();
        Assert.Equal(live.Count, live.Select(e => e.Cursor).Distinct().Count());
    }

    [Fact]
    public async Task The_resuming_watch_helper_delivers_every_event_once_across_a_server_restart()
    {
        var port = RunningServer.FreePort();
        var server = await RunningServer.StartOnPortAsync(port, null, RunningServer.ExactMatching);
        var dataDirectory = server.DataDirectory;
        using var channel = ClaimTrackerChannel.Create($"http://127.0.0.1:{port}");
        var watch = new ResumingWatch(new V1.ClaimTracker.ClaimTrackerClient(channel));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var received = new List<V1.ClaimEvent>();
        var reading = Task.Run(async () =>
        {
            await foreach (var claimEvent in watch.WatchAsync(new V1.WatchClaimsRequest { Cursor = "f0" }, timeout.Token))
            {
                received.Add(claimEvent);
                if (received.Count(e => e.Statement is not null) == 10)
                {
                    return;
                }
            }
        });

        for (var i = 0; i < 5; i++)
        {
            await server.Client.RegisterReportAsync(Reports.Report($"helper-{i}", "Outlet", $"Origin {i}", [], $"Claim {i}"));
        }

        await server.DisposeAsync();
        await using var restarted = await RunningServer.StartOnPortAsync(port, dataDirectory, RunningServer.ExactMatching);
        for (var i = 5; i < 10; i++)
        {
            await restarted.Client.RegisterReportAsync(Reports.Report($"helper-{i}", "Outlet", $"Origin {i}", [], $"Claim {i}"));
        }

        await reading.WaitAsync(timeout.Token);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"helper-{i}"), received.Select(e => e.Statement.ReportId));
        Assert.Equal(received.Count, received.Select(e => e.Cursor).Distinct().Count());
    }

    [Fact]
    public async Task A_stalled_watcher_does_not_slow_registration()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching, "--Watch:BufferSize=16");
        var client = server.Client;

        var baseline = await TimeRegistrationsAsync(client, "nowatch");
        using var stalled = client.WatchClaims(new V1.WatchClaimsRequest { Cursor = "f0" });
        var withStalledWatcher = await TimeRegistrationsAsync(client, "stalled");

        // Measured properly in the benchmarks; here only loosely, so a noisy machine does not fail it.
        Assert.True(
            withStalledWatcher < (baseline * 2) + TimeSpan.FromSeconds(2),
            $"baseline {baseline}, with a stalled watcher {withStalledWatcher}");

        // The stalled watcher, when it reads at last, still gets everything from the start.
        var count = 0;
        while (count < 2000 && await stalled.ResponseStream.MoveNext(CancellationToken.None))
        {
            count++;
        }

        Assert.Equal(2000, count);
    }

    /// <summary>Registers 1,000 statements (100 reports of 10) and returns how long it took.</summary>
    private static async Task<TimeSpan> TimeRegistrationsAsync(V1.ClaimTracker.ClaimTrackerClient client, string prefix)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, ct) =>
        {
            var request = new V1.RegisterReportRequest { ReportId = $"{prefix}-{r}", Source = "Outlet" };
            for (var s = 0; s < 10; s++)
            {
                request.Statements.Add(new V1.StatementInput { Speaker = $"Origin {s}", Content = $"{prefix} claim {r}-{s}" });
            }

            await client.RegisterReportAsync(request, cancellationToken: ct);
        });
        return clock.Elapsed;
    }
}
