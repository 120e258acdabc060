using ClaimTracker.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// A server that keeps its claim feed to a retention (<c>Storage:FeedRetention</c>): a watcher whose cursor is older than
/// what is kept is told so (OUT_OF_RANGE, and how to start over) rather than resumed across a hole; newer cursors, snapshots
/// and registration go on as before.
/// </summary>
public sealed class WatchRetentionTests
{
    [Fact]
    public async Task A_cursor_older_than_the_retention_gets_out_of_range_and_newer_ones_resume_exactly()
    {
        await using var server = await RunningServer.StartAsync(
            null, RunningServer.ExactMatching, "--Storage:FeedRetention=00:00:01", "--Storage:FeedRetentionInterval=00:00:00.200");
        var client = server.Client;
        var feed = server.Services.GetRequiredService<IClaimFeedLog>();
        await client.RegisterReportAsync(Reports.Report("kept-1", "Outlet A", "Origin A", [], "The dam held"));
        await client.RegisterReportAsync(Reports.Report("kept-2", "Outlet B", "Origin B", [], "The dam held"));
        var head = await feed.ReadFeedHeadAsync();
        Assert.True(head >= 2, $"feed head {head}");

        // Pruned within one to two intervals after the entries are a second old; the newest entry always stays.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        long floor;
        while ((floor = await feed.ReadFeedFloorAsync(timeout.Token)) < head - 1)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal(head - 1, floor);
        using (var http = new HttpClient { BaseAddress = server.WebAddress })
        {
            // Every silo counts its own deletes; this one made them all.
            var scrape = await http.GetStringAsync("/metrics", timeout.Token);
            Assert.Equal(floor, HttpApiTests.Sample(scrape, "claimtracker_storage_feed_pruned_total{"));
        }

        using (var stale = client.WatchClaims(new V1.WatchClaimsRequest { Cursor = "f0" }, cancellationToken: timeout.Token))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => stale.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
            Assert.Contains("'f0' is older than the claim feed keeps", error.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("include_snapshot", error.Status.Detail, StringComparison.Ordinal);
        }

        // From the floor on nothing is missing: the newest entry, then live ones, positions going on.
        using (var resumed = client.WatchClaims(new V1.WatchClaimsRequest { Cursor = $"f{floor}" }, cancellationToken: timeout.Token))
        {
            Assert.True(await resumed.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal($"f{head}", resumed.ResponseStream.Current.Cursor);
            await client.RegisterReportAsync(Reports.Report("kept-3", "Outlet C", "Origin C", [], "The bridge stood"));
            Assert.True(await resumed.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal($"f{head + 1}", resumed.ResponseStream.Current.Cursor);
            Assert.Equal("kept-3", resumed.ResponseStream.Current.Statement.ReportId);
        }

        // Starting over: every claim's current state, whatever the feed still keeps.
        using var snapshot = client.WatchClaims(new V1.WatchClaimsRequest { IncludeSnapshot = true }, cancellationToken: timeout.Token);
        var texts = new List<string>();
        while (texts.Count < 2 && await snapshot.ResponseStream.MoveNext(timeout.Token))
        {
            Assert.Equal(V1.ClaimEventKind.ClaimSnapshot, snapshot.ResponseStream.Current.Kind);
            texts.Add(snapshot.ResponseStream.Current.Claim.Text);
        }

        Assert.Equal(["The bridge stood", "The dam held"], texts.Order(StringComparer.Ordinal));
        var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = snapshot.ResponseStream.Current.Claim.ClaimId });
        Assert.NotEmpty(claim.Statements);
    }
}
