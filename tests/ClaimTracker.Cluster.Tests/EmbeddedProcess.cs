using System.Diagnostics;
using System.Text;
using ClaimTracker.V1.Client;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>The embedded server (SQLite in <see cref="DataDirectory"/>) as a process of its own, to be killed and restarted.</summary>
public sealed class EmbeddedProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private Process? process;

    public EmbeddedProcess(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Address = $"http://127.0.0.1:{PostgresServer.FreePort()}";
        Channel = GrpcChannel.ForAddress(Address);
        Client = ClaimTrackerChannel.CreateClient(Channel);
    }

    public string DataDirectory { get; }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public V1.ClaimTracker.ClaimTrackerClient Client { get; }

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

    /// <summary>Runs one of the server's operator commands (backup, restore) on this data directory; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDirectory, params string[] arguments)
    {
        var info = StartInfo([.. arguments, $"--Storage:DataDirectory={dataDirectory}"]);
        using var command = Process.Start(info) ?? throw new InvalidOperationException("could not start the server command");
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, await stdout + await stderr);
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var port = new Uri(Address).Port;
        process = Process.Start(StartInfo(
        [
            "--Matching:Mode=Exact",
            $"--Grpc:Url={Address}",
            "--Web:Url=",
            $"--Storage:DataDirectory={DataDirectory}",
            $"--Orleans:SiloPort={PostgresServer.FreePort()}",
            $"--Orleans:GatewayPort={PostgresServer.FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
        ])) ?? throw new InvalidOperationException("could not start the server");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"server on port {port} exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                last = reply.Status.ToString();
            }
            catch (RpcException ex)
            {
                last = ex.Status.ToString();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"server on port {port} not SERVING after {timeout} (last: {last}):\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs; whatever was not durably committed is lost.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        Channel.Dispose();
        await Task.CompletedTask;
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloProcess.ServerDll)!,
        };
        info.ArgumentList.Add(SiloProcess.ServerDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_gcServer"] = "0";
        return info;
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
