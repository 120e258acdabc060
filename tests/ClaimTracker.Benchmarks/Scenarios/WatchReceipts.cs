using System.Diagnostics;
using System.Globalization;
using ClaimTracker.V1.Client;
using Grpc.Core;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// The watching clients of scenario 4: <c>count</c> WatchClaims streams that record, per watcher and
/// per produced statement, the <see cref="Stopwatch"/> timestamp of its receipt (0 = not received).
/// Statements are numbered by the producer (report <c>watch-bench-{n}</c>, statement index s: number
/// n × batch + s), so receipts are flat arrays of numbers and nothing per event stays alive for the GC.
/// Stopwatch timestamps are the system's monotonic clock, comparable across processes on one machine,
/// which lets the clients run in a process of their own (<see cref="WatchClientsProcess"/>).
/// </summary>
internal sealed class WatchReceipts : IWatchClients
{
    private const string ReportPrefix = "watch-bench-";
    private readonly CancellationTokenSource stop = new();
    private readonly List<Grpc.Net.Client.GrpcChannel> channels;
    private readonly List<Task> watchers;
    private readonly CountdownEvent subscribed;
    private readonly int batch;
    private long received;

    private WatchReceipts(string address, int count, int capacity, int batch)
    {
        this.batch = batch;
        Receipts = Enumerable.Range(0, count).Select(_ => new long[capacity]).ToArray();
        subscribed = new CountdownEvent(Math.Max(1, count));
        if (count == 0)
        {
            subscribed.Signal();
        }

        channels = Enumerable.Range(0, Math.Max(1, count / 20)).Select(_ => ClaimTrackerChannel.Create(address)).ToList();
        watchers = Enumerable.Range(0, count).Select(w => Task.Run(() => WatchAsync(w))).ToList();
    }

    /// <summary>Receipt timestamps: [watcher][statement number].</summary>
    public long[][] Receipts { get; }

    public long Received => Interlocked.Read(ref received);

    /// <summary>Opens the streams and returns once every one is subscribed (its response headers arrived).</summary>
    public static WatchReceipts Start(string address, int count, int capacity, int batch)
    {
        var receipts = new WatchReceipts(address, count, capacity, batch);
        if (!receipts.subscribed.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"only {count - receipts.subscribed.CurrentCount} of {count} watchers subscribed within 30 s");
        }

        return receipts;
    }

    /// <summary>The statement number of a produced statement, or -1 for anything else.</summary>
    public static int Number(V1.Statement statement, int batch)
    {
        var dash = statement.StatementId.LastIndexOf('-');
        return statement.ReportId.StartsWith(ReportPrefix, StringComparison.Ordinal)
            && int.TryParse(statement.ReportId.AsSpan(ReportPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && dash >= 0
            && int.TryParse(statement.StatementId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? (n * batch) + s
                : -1;
    }

    public static string ReportId(int n) => ReportPrefix + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>In this process, the clients' CPU is the process's own.</summary>
    public double? CpuSeconds => null;

    /// <summary>Hangs up every stream and waits for the watchers to finish.</summary>
    public async Task<long[][]> StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        return Receipts;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        channels.ForEach(c => c.Dispose());
        subscribed.Dispose();
        stop.Dispose();
    }

    private async Task WatchAsync(int watcher)
    {
        var mine = Receipts[watcher];
        var client = new V1.ClaimTracker.ClaimTrackerClient(channels[watcher % channels.Count]);
        try
        {
            using var call = client.WatchClaims(new V1.WatchClaimsRequest(), cancellationToken: stop.Token);
            await call.ResponseHeadersAsync;
            subscribed.Signal();
            await foreach (var claimEvent in call.ResponseStream.ReadAllAsync(stop.Token))
            {
                if (claimEvent.Statement is { } statement)
                {
                    var now = Stopwatch.GetTimestamp();
                    var number = Number(statement, batch);
                    if ((uint)number < (uint)mine.Length && mine[number] == 0)
                    {
                        mine[number] = now;
                    }

                    Interlocked.Increment(ref received);
                }
            }
        }
        catch (RpcException) when (stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }
}
