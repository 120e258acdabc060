using ClaimTracker.Server.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>The real server (Kestrel on 127.0.0.1, co-hosted silo, SQLite in a data directory) and a gRPC client to it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningServer(WebApplication app, string dataDirectory, Uri address, Uri webAddress)
    {
        this.app = app;
        DataDirectory = dataDirectory;
        Address = address;
        WebAddress = webAddress;
        Channel = GrpcChannel.ForAddress(address);
        Client = new V1.ClaimTracker.ClaimTrackerClient(Channel);
    }

    /// <summary>
    /// For tests of storage and streams rather than of matching: statements share a claim only when
    /// their texts are equal, so thousands of look-alike test claims stay apart and no model loads.
    /// </summary>
    public const string ExactMatching = "--Matching:Mode=Exact";

    public string DataDirectory { get; }

    /// <summary>The gRPC endpoint (HTTP/2).</summary>
    public Uri Address { get; }

    /// <summary>The web endpoint (HTTP/1.1): page, HTTP/JSON, OpenAPI, metrics.</summary>
    public Uri WebAddress { get; }

    public GrpcChannel Channel { get; }

    public V1.ClaimTracker.ClaimTrackerClient Client { get; }

    /// <summary>The server's services, for tests that check what was stored.</summary>
    public IServiceProvider Services => app.Services;

    public static string NewDataDirectory() =>
        TestSupport.TestDirectories.Create("claimtracker-test-");

    public static Task<RunningServer> StartAsync(string? dataDirectory = null, params string[] extraArgs) =>
        StartOnPortAsync(0, dataDirectory, extraArgs);

    /// <summary>Starts on a fixed port (0 = any), so a restarted server can be found at the same address.</summary>
    public static async Task<RunningServer> StartOnPortAsync(int port, string? dataDirectory = null, params string[] extraArgs)
    {
        dataDirectory ??= NewDataDirectory();
        string[] args =
        [
            $"--Grpc:Url=http://127.0.0.1:{port}",
            "--Web:Url=http://127.0.0.1:0",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--Orleans:SiloPort={FreePort()}",
            $"--Orleans:GatewayPort={FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. extraArgs,
        ];
        var app = ClaimTrackerServer.Build(args);
        await app.StartAsync();
        var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
        return new RunningServer(app, dataDirectory, endpoints.Grpc, endpoints.Web!);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }

    public static int FreePort() => TestSupport.FreePorts.Next();
}
