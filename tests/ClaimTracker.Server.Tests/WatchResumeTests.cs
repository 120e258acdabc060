using ClaimTracker.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The stream's promise: a client that reconnects with its last cursor receives every event exactly
/// once, in order, however often the connection drops and even across a server restart.
/// </summary>
public sealed class WatchResumeTests
{
    private const int Claims = 50;
    private const int StatementsPerReport = 10;

    [Fact]
    public async Task Every_event_arrives_exactly_once_in_order_across_20_dropped_connections()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var expected = new TaskCompletionSource<long>();
        var watcher = new DroppingWatcher(() => server.Client, drops: 20, seed: 7);
        var watching = watcher.CollectAsync(expected.Task, timeout.Token);

        await IngestAsync(server.Client, firstReport: 0, reports: 100, timeout.Token);
        expected.SetResult(await FeedHead(server));

        var received = await watching;
        Assert.Equal(20, watcher.DropsMade);
        AssertExactlyOnceInOrder(received, await FeedHead(server), statements: 1000);
    }

    [Fact]
    public async Task Every_event_arrives_exactly_once_across_a_server_restart_on_the_same_data()
    {
        var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var dataDirectory = server.DataDirectory;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var expected = new TaskCompletionSource<long>();
        var current = server;
        var watcher = new DroppingWatcher(() => current.Client, drops: 5, seed: 11);
        var watching = watcher.CollectAsync(expected.Task, timeout.Token);

        await IngestAsync(server.Client, firstReport: 0, reports: 50, timeout.Token);
        await server.DisposeAsync();
        current = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching);
        await using var restarted = current;
        await IngestAsync(restarted.Client, firstReport: 50, reports: 50, timeout.Token);
        expected.SetResult(await FeedHead(restarted));

        var received = await watching;
        AssertExactlyOnceInOrder(received, await FeedHead(restarted), statements: 1000);
    }

    private static async Task<long> FeedHead(RunningServer server) =>
        await server.Services.GetRequiredService<IClaimFeedLog>().ReadFeedHeadAsync();

    /// <summary>Registers reports of 10 statements each, spread over 50 claims and 7 origins, 4 at a time.</summary>
    private static async Task IngestAsync(
        V1.ClaimTracker.ClaimTrackerClient client,
        int firstReport,
        int reports,
        CancellationToken cancellation)
    {
        await Parallel.ForEachAsync(Enumerable.Range(firstReport, reports), new ParallelOptions {
            MaxDegreeOfParallelism = 4,
            CancellationToken = cancellation }, async (r, ct) =>
        {
            var request = new V1.RegisterReportRequest { ReportId = $"resume-{r}", Source = $"Outlet {r % 5}" };
            for (var s = 0; s < StatementsPerReport; s++)
            {
                var n = (r * StatementsPerReport) + s;
                request.Statements
                    .Add(new V1.StatementInput { Speaker = $"Origin {n % 7}", Content = $"Claim number {n % Claims} is true" });
            }

            await client.RegisterReportAsync(request, cancellationToken: ct);
        });
    }

    private static void AssertExactlyOnceInOrder(List<V1.ClaimEvent> received, long head, int statements)
    {
        // Feed positions run 1…head with no gaps in a fresh database: the client saw each exactly once, in order.
        Assert.Equal(Enumerable.Range(1, (int)head).Select(p => "f" + p), received.Select(e => e.Cursor));
        var statementEvents = received.Where(e => e.Kind is V1.ClaimEventKind.ClaimCreated or V1.ClaimEventKind.StatementAdded).ToList();
        Assert.Equal(statements, statementEvents.Count);
        Assert.Equal(statements, statementEvents.Select(e => e.Statement.StatementId).Distinct().Count());
        foreach (var claim in statementEvents.GroupBy(e => e.Claim.ClaimId))
        {
            Assert.Equal(Enumerable.Range(1, claim.Count()).Select(v => (long)v), claim.Select(e => e.Claim.Version));
        }

        Assert.Equal(Claims, statementEvents.Count(e => e.Kind == V1.ClaimEventKind.ClaimCreated));
    }

    /// <summary>Reads the watch, hanging up at random points and reconnecting with its last cursor.</summary>
    private sealed class DroppingWatcher(Func<V1.ClaimTracker.ClaimTrackerClient> client, int drops, int seed)
    {
        private readonly Random random = new(seed);

        public int DropsMade { get; private set; }

        public async Task<List<V1.ClaimEvent>> CollectAsync(Task<long> expectedTotal, CancellationToken cancellation)
        {
            var received = new List<V1.ClaimEvent>();
            var cursor = "f0";
            bool Done() => expectedTotal.IsCompletedSuccessfully && received.Count >= expectedTotal.Result;
            while (!Done())
            {
                cancellation.ThrowIfCancellationRequested();
                try
                {
                    using var call = client().WatchClaims(new V1.WatchClaimsRequest { Cursor = cursor }, cancellationToken: cancellation);
                    var budget = DropsMade < drops ? random.Next(1, 60) : int.MaxValue;
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                    while (!Done())
                    {
                        // Wake up now and then to notice that the expected total became known.
                        idle.CancelAfter(TimeSpan.FromSeconds(2));
                        if (!await call.ResponseStream.MoveNext(idle.Token))
                        {
                            break;
                        }

                        received.Add(call.ResponseStream.Current);
                        cursor = call.ResponseStream.Current.Cursor;
                        if (--budget == 0)
                        {
                            DropsMade++;
                            break;
                        }
                    }
                }
                catch (Exception ex) when (ex is RpcException or ObjectDisposedException && !cancellation.IsCancellationRequested)
                {
                    // The server went away (or is restarting): reconnect with the last cursor.
                    await Task.Delay(50, cancellation);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                }
            }

            return received;
        }
    }
}
