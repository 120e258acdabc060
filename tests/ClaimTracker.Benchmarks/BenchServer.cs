using ClaimTracker.Server.Hosting;
using ClaimTracker.V1.Client;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace ClaimTracker.Benchmarks;

/// <summary>The embedded server in this process, on a loopback port and a fresh data directory.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly bool keepData;

    private BenchServer(WebApplication app, string address, string dataDirectory, bool keepData)
    {
        this.app = app;
        this.keepData = keepData;
        Address = address;
        DataDirectory = dataDirectory;
        Channel = ClaimTrackerChannel.Create(address);
        Client = new V1.ClaimTracker.ClaimTrackerClient(Channel);
    }

    public string Address { get; }

    public string DataDirectory { get; }

    public GrpcChannel Channel { get; }

    public V1.ClaimTracker.ClaimTrackerClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static Task<BenchServer> StartAsync(params string[] extra) =>
        StartInAsync(Directory.CreateTempSubdirectory("claimtracker-bench-").FullName, keepData: false, extra);

    /// <summary>A server on <paramref name="dataDirectory"/>, which it keeps (for re-runs) when <paramref name="keepData"/>.</summary>
    public static async Task<BenchServer> StartInAsync(string dataDirectory, bool keepData, params string[] extra)
    {
        string[] args =
        [
            "--Grpc:Url=http://127.0.0.1:0",
            "--Web:Url=",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--Orleans:SiloPort={Measure.FreePort()}",
            $"--Orleans:GatewayPort={Measure.FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. extra,
        ];
        var app = ClaimTrackerServer.Build(args);
        await app.StartAsync();
        return new BenchServer(app, app.Urls.Single(), dataDirectory, keepData);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
