using System.Net;
using System.Net.Sockets;
using ClaimTracker.Grains.Feed;
using ClaimTracker.Server.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>What a claim looks like for comparison: status, credibility and its set of statements.</summary>
internal sealed record ClaimFacts(string ClaimId, V1.CorroborationStatus Status, int Credibility, long StatementCount, string Statements);

internal static class ClusterChecks
{
    public static async Task<Dictionary<string, ClaimFacts>> ReadClaimsAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 500, PageToken = token });
            ids.AddRange(page.Claims.Select(c => c.ClaimId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var claims = new Dictionary<string, ClaimFacts>();
        foreach (var id in ids)
        {
            var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id, StatementPageSize = 1000 });
            Assert.True(claim.NextStatementPageToken.Length == 0, "more than 1000 statements");
            var statements = claim.Statements.Select(s => $"{s.StatementId}:{s.ReportId}:{s.Stance}:{s.OriginActorId}").ToList();
            Assert.Equal(statements.Count, statements.Distinct().Count());
            claims.Add(id, new ClaimFacts(
                id,
                claim.Status,
                claim.Credibility,
                claim.StatementCount,
                string.Join(",", statements.Order(StringComparer.Ordinal))));
        }

        return claims;
    }

    /// <summary>The same reports registered one process, one SQLite file: the reference the cluster must equal.</summary>
    public static async Task<Dictionary<string, ClaimFacts>> ReplayEmbeddedAsync(IReadOnlyList<V1.RegisterReportRequest> reports)
    {
        var data = TestSupport.TestDirectories.Create("claimtracker-replay-");
        var app = ClaimTrackerServer.Build(
        [
            "--Grpc:Url=http://127.0.0.1:0",
            "--Web:Url=",
            "--Matching:Mode=Exact",
            $"--Storage:DataDirectory={data}",
            $"--Orleans:SiloPort={PostgresServer.FreePort()}",
            $"--Orleans:GatewayPort={PostgresServer.FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
        ]);
        await app.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress(app.Urls.Single());
            var client = new V1.ClaimTracker.ClaimTrackerClient(channel);
            await Load.RegisterAllAsync(reports, _ => client, 1, 8, null, CancellationToken.None);
            return await ReadClaimsAsync(client);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    public static void AssertSameClaims(Dictionary<string, ClaimFacts> expected, Dictionary<string, ClaimFacts> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, facts) in expected)
        {
            Assert.Equal(facts, actual[id]);
        }
    }

    /// <summary>Every report stored once, every statement journaled once, with the count the reports carry.</summary>
    public static async Task AssertStoredOnceAsync(string connectionString, IReadOnlyList<V1.RegisterReportRequest> reports)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM reports", connection))
        {
            Assert.Equal((long)reports.Count, await count.ExecuteScalarAsync());
        }

        // Claim journals hold one event per statement; (stream, event_key) is unique, so this counts distinct statements.
        await using (var statements = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT (stream, event_key)) FROM journal WHERE stream LIKE 'claim/%'",
            connection))
        await using (var reader = await statements.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var expected = reports.Sum(r => r.Statements.Count);
            Assert.Equal(expected, reader.GetInt64(0));
            Assert.Equal(expected, reader.GetInt64(1));
        }
    }

    public static async Task<long> FeedHeadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var head = new NpgsqlCommand("SELECT position FROM feed_head", connection);
        return (long)(await head.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// A watcher that starts on one silo and, when its stream breaks, resumes on the next silo with the
/// cursor of the last event it received; runs until cancelled.
/// </summary>
internal sealed class FailoverWatcher(IReadOnlyList<Func<V1.ClaimTracker.ClaimTrackerClient>> endpoints)
{
    private long last;

    public List<long> Positions { get; } = [];

    public long LastPosition => Interlocked.Read(ref last);

    public int Failovers { get; private set; }

    public string Cursor { get; private set; } = "f0";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var index = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = endpoints[index % endpoints.Count]().WatchClaims(
                    new V1.WatchClaimsRequest { Cursor = Cursor },
                    cancellationToken: cancellationToken);
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var current = call.ResponseStream.Current;
                    Assert.True(FeedCursor.TryParse(current.Cursor, out var position));
                    Positions.Add(position);
                    Cursor = current.Cursor;
                    Interlocked.Exchange(ref last, position);
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or SocketException)
            {
            }

            Failovers++;
            index++;
            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits until the watcher has received position <paramref name="head"/>.</summary>
    public async Task WaitForAsync(long head, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (LastPosition < head)
        {
            Assert.True(DateTime.UtcNow < deadline, $"watcher stuck at {LastPosition} of {head}");
            await Task.Delay(100);
        }
    }
}
