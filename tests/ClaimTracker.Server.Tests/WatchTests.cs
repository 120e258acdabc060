using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>WatchClaims: filters, and resuming from a cursor gets exactly what was missed.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task Resuming_with_a_cursor_delivers_exactly_the_missed_events_then_live_ones()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;

        using var first = client.WatchClaims(new V1.WatchClaimsRequest());
        await first.ResponseHeadersAsync;
        var firstEvents = ReadAsync(first.ResponseStream, 2);
        await client.RegisterReportAsync(Reports.Report("watch-1", "Outlet A", "Origin A", [], "The ferry sank"));
        await client.RegisterReportAsync(Reports.Report("watch-2", "Outlet B", "Origin B", [], "The ferry sank"));
        var received = await firstEvents.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([V1.ClaimEventKind.ClaimCreated, V1.ClaimEventKind.StatementAdded], received.Select(e => e.Kind));
        var cursor = received[0].Cursor;
        first.Dispose();

        // While disconnected after the first event: one more statement and its status change.
        await client.RegisterReportAsync(Reports.Report("watch-3", "Outlet C", "Origin C", [], "The bridge fell"));

        using var resumed = client.WatchClaims(new V1.WatchClaimsRequest { Cursor = cursor });
        await resumed.ResponseHeadersAsync;
        var resumedEvents = ReadAsync(resumed.ResponseStream, 4);
        await client.RegisterReportAsync(Reports.Report("watch-4", "Outlet D", "Origin D", [], "The bridge fell"));
        var afterResume = await resumedEvents.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(received[1].Cursor, afterResume[0].Cursor);
        Assert.Equal("watch-2", afterResume[0].Statement.ReportId);
        Assert.Equal(V1.ClaimEventKind.StatusChanged, afterResume[1].Kind);
        Assert.Equal(V1.CorroborationStatus.Corroborated, afterResume[1].Claim.Status);
        Assert.Equal(V1.ClaimEventKind.ClaimCreated, afterResume[2].Kind);
        Assert.Equal("watch-3", afterResume[2].Statement.ReportId);
        Assert.Equal(V1.ClaimEventKind.StatementAdded, afterResume[3].Kind);
        Assert.Equal("watch-4", afterResume[3].Statement.ReportId);
    }

    [Fact]
    public async Task Actor_filters_select_claims_the_actor_spoke_on()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;

        using var watch = client.WatchClaims(new V1.WatchClaimsRequest { ActorIds = { "a-origin-b" } });
        await watch.ResponseHeadersAsync;
        var events = ReadAsync(watch.ResponseStream, 1);
        await client.RegisterReportAsync(Reports.Report("actor-watch-1", "Outlet", "Origin A", [], "Claim by A only"));
        await client.RegisterReportAsync(Reports.Report("actor-watch-2", "Outlet", "Origin B", [], "Claim by B"));

        var received = await events.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("Claim by B", received[0].Claim.Text);
    }

    [Fact]
    public async Task Status_filters_select_changes_that_leave_a_claim_in_that_status()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;

        using var watch = client.WatchClaims(new V1.WatchClaimsRequest { Statuses = { V1.CorroborationStatus.Corroborated } });
        await watch.ResponseHeadersAsync;
        var events = ReadAsync(watch.ResponseStream, 2);
        await client.RegisterReportAsync(Reports.Report("status-watch-1", "Outlet", "Origin A", [], "The levee broke"));
        await client.RegisterReportAsync(Reports.Report("status-watch-2", "Outlet", "Origin B", [], "The levee broke"));

        var received = await events.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([V1.ClaimEventKind.StatementAdded, V1.ClaimEventKind.StatusChanged], received.Select(e => e.Kind));
        Assert.All(received, e => Assert.Equal(V1.CorroborationStatus.Corroborated, e.Claim.Status));
    }

    [Fact]
    public async Task A_watcher_that_reads_nothing_does_not_block_registration_and_still_gets_everything()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching, "--Watch:BufferSize=4");
        var client = server.Client;

        using var stalled = client.WatchClaims(new V1.WatchClaimsRequest { Cursor = "f0" });
        for (var i = 0; i < 40; i++)
        {
            await client.RegisterReportAsync(Reports.Report($"stall-{i}", "Outlet", "Origin", [], $"Claim {i}"));
        }

        var all = await ReadAsync(stalled.ResponseStream, 40).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"stall-{i}"), all.Select(e => e.Statement.ReportId));
        Assert.Equal(40, all.Select(e => e.Cursor).Distinct().Count());
    }

    private static async Task<List<V1.ClaimEvent>> ReadAsync(IAsyncStreamReader<V1.ClaimEvent> stream, int count)
    {
        var events = new List<V1.ClaimEvent>();
        while (events.Count < count && await stream.MoveNext(CancellationToken.None))
        {
            events.Add(stream.Current);
        }

        return events;
    }
}
