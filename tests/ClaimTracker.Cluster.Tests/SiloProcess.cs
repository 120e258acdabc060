using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ClaimTracker.V1.Client;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>One silo process (<c>dotnet ClaimTracker.Server.dll --Storage:Mode=Postgres …</c>) on loopback ports.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private Process? process;

    private SiloProcess(string connectionString, string clusterId, int grpcPort, int siloPort, int gatewayPort)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
        GrpcPort = grpcPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Address = $"http://127.0.0.1:{grpcPort}";
        Channel = ClaimTrackerChannel.Create(Address);
        Client = ClaimTrackerChannel.CreateClient(Channel);
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public int GrpcPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public V1.ClaimTracker.ClaimTrackerClient Client { get; }

    public int ProcessId => process?.Id ?? 0;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string ServerDll
    {
        get
        {
            // tests/ClaimTracker.Cluster.Tests/bin/<Configuration>/net10.0 → services/ClaimTracker.Server/bin/<Configuration>/net10.0
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var root = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(root, "services", "ClaimTracker.Server", "bin", configuration, framework, "ClaimTracker.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build the server first", dll);
        }
    }

    /// <summary>Fresh ports for a new silo of <paramref name="clusterId"/>.</summary>
    public static SiloProcess Create(string connectionString, string clusterId) =>
        new(connectionString, clusterId, PostgresServer.FreePort(), PostgresServer.FreePort(), PostgresServer.FreePort());

    /// <summary>The same silo identity (ports) again, as a restarted process.</summary>
    public SiloProcess Restarted() => new(ConnectionString, ClusterId, GrpcPort, SiloPort, GatewayPort);

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
        };
        foreach (var argument in new[]
        {
            ServerDll,
            "--Storage:Mode=Postgres",
            // These tests protect durability and exactly-once delivery, not matching: exact-text linking
            // makes the claims independent of arrival order, so the cluster can be compared to a replay.
            "--Matching:Mode=Exact",
            $"--Grpc:Url=http://127.0.0.1:{GrpcPort}",
            "--Web:Url=",
            $"--Orleans:SiloPort={SiloPort}",
            $"--Orleans:GatewayPort={GatewayPort}",
            "--Orleans:AdvertisedAddress=127.0.0.1",
            $"--Orleans:ClusterId={ClusterId}",
            "--Orleans:ShutdownTimeout=00:00:20",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Storage__ConnectionString"] = ConnectionString;
        info.Environment["DOTNET_gcServer"] = "0";
        process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Waits until the gRPC health service answers and a ListClaims call succeeds.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"silo on {Address} exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                last = reply.Status.ToString();

                // Serving over gRPC and the silo answers: a real call that reaches grains and storage.
                await Client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(5));
                return;
            }
            catch (RpcException ex)
            {
                last = ex.Status.ToString();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"silo on {Address} not ready after {timeout} (health: {last}):\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-request.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM and wait: the graceful path (Kestrel drains, the silo deactivates grains and leaves).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process is not { HasExited: false })
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        Channel.Dispose();
        await Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 200_000)
            {
                output.AppendLine(line);
            }
        }
    }
}
