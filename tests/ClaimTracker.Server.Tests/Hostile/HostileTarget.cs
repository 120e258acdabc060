using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Hostile;

/// <summary>What a hostile request got back: a gRPC status name ("InvalidArgument", "OK") or "HTTP 400", and the message.</summary>
public readonly record struct Answer(string Status, string Detail)
{
    public static Answer Ok { get; } = new("OK", string.Empty);

    public static Answer Http(HttpStatusCode code, string body) => new("HTTP " + (int)code, body.Length > 300 ? body[..300] : body);
}

/// <summary>
/// The one real server the hostile suite runs against (limits as in production, lowered to keep the
/// suite fast), with what the cases need: a typed client, HTTP/2 for hand-made gRPC frames, HTTP/1.1 for
/// the JSON routes, the ids of one stored report, and the store's row counts.
/// </summary>
public sealed class HostileTarget : IAsyncLifetime
{
    public const int MaxStatements = 50;
    public const int MaxTextBytes = 65536;

    private RunningServer? server;

    public RunningServer Server => server ?? throw new InvalidOperationException("server not started");

    public V1.ClaimTracker.ClaimTrackerClient Client => Server.Client;

    public HttpClient Web { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>For gRPC frames made by hand (each request asks for HTTP/2 with prior knowledge).</summary>
    public HttpClient Http2 { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The claim of the report "hostile-seed", registered first.</summary>
    public string SeedClaimId { get; private set; } = string.Empty;

    /// <summary>The speaker of the report "hostile-seed".</summary>
    public string SeedActorId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        server = await RunningServer.StartAsync(
            null,
            RunningServer.ExactMatching,
            $"--Ingest:MaxStatements={MaxStatements}",
            $"--Ingest:MaxTextBytes={MaxTextBytes}");
        var seed = Reports.Report("hostile-seed", "Seed Outlet", "Seed Speaker", ["AFP"], "The seed claim holds");
        var outcome = (await Client.RegisterReportAsync(seed)).Outcomes[0];
        SeedClaimId = outcome.ClaimId;
        SeedActorId = outcome.ActorId;
    }

    public async Task DisposeAsync()
    {
        Web.Dispose();
        Http2.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public static async Task<Answer> CallAsync(Func<Task> call)
    {
        try
        {
            await call();
            return Answer.Ok;
        }
        catch (RpcException ex)
        {
            return new Answer(ex.StatusCode.ToString(), ex.Status.Detail);
        }
    }

    /// <summary>One gRPC frame with <paramref name="message"/> as its payload, posted to <paramref name="method"/> over HTTP/2.</summary>
    public async Task<Answer> RawGrpcAsync(string method, byte[] message, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.Address, "/claimtracker.v1.ClaimTracker/" + method))
        {
            Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        using var response = await Http2.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status") ?? throw new InvalidOperationException(
            $"no grpc-status (HTTP {(int)response.StatusCode} {response.Version}: {System.Text.Encoding.UTF8.GetString(body)}; {response.Headers})");
        var code = (StatusCode)int.Parse(status, CultureInfo.InvariantCulture);
        return new Answer(code.ToString(), Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty));
    }

    public async Task<Answer> HttpAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server.WebAddress, pathAndQuery)) { Content = content };
        using var response = await Web.SendAsync(request);
        return Answer.Http(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<bool> IsServingAsync()
    {
        var health = new Health.HealthClient(Server.Channel);
        var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
    }

    /// <summary>Rows in the tables a write touches, read from the SQLite file itself.</summary>
    public async Task<string> StoreCountsAsync()
    {
        var path = Path.Combine(Server.DataDirectory, "claimtracker.db");
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM journal), (SELECT COUNT(*) FROM claim_feed), " +
            "(SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM actors)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"reports {reader.GetInt64(0)}, journal {reader.GetInt64(1)}, feed {reader.GetInt64(2)}, " +
            $"claims {reader.GetInt64(3)}, actors {reader.GetInt64(4)}");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
