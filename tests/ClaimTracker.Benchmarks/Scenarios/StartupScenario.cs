using System.Diagnostics;
using ClaimTracker.Benchmarks.Echo;
using Grpc.Core;
using Grpc.Net.Client;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>6. Start-up: process start to serving GetClaim, against a bare gRPC echo process started the same way.</summary>
internal static class StartupScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"== 6. start-up: process start until the first call is answered, best of " +
            $"{options.Repeats}{(options.ServerDll is null ? "" : $", server {options.ServerDll}")}");
        var here = AppContext.BaseDirectory;
        var serverDll = options.ServerDll ?? Path.Combine(here, "ClaimTracker.Server.dll");
        var benchDll = Path.Combine(here, "ClaimTracker.Benchmarks.dll");
        var baseline = double.MaxValue;
        var server = double.MaxValue;
        var serverFirstCall = 0.0;
        for (var i = 0; i < options.Repeats; i++)
        {
            var echoPort = Measure.FreePort();
            var (echo, _) = await TimeAsync(benchDll, $"echo-server --port {echoPort}", echoPort, async channel =>
                await new Echo.Echo.EchoClient(channel).CallAsync(new Payload()));
            baseline = Math.Min(baseline, echo);
            var port = Measure.FreePort();
            var data = Directory.CreateTempSubdirectory("claimtracker-startup-").FullName;
            var args = $"--Grpc:Url=http://127.0.0.1:{port} --Web:Url= --Storage:DataDirectory={data} " +
                $"--Orleans:SiloPort={Measure.FreePort()} --Orleans:GatewayPort={Measure.FreePort()} --Logging:LogLevel:Default=Warning";
            try
            {
                var (total, firstCall) = await TimeAsync(serverDll, args, port, async channel =>
                {
                    try
                    {
                        await new V1.ClaimTracker.ClaimTrackerClient(channel).GetClaimAsync(
                            new V1.GetClaimRequest { ClaimId = "c-startup-probe" });
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
                    {
                    }
                });
                if (total < server)
                {
                    (server, serverFirstCall) = (total, firstCall);
                }
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine($"baseline bare gRPC process: {Measure.Ms(baseline)}");
        Console.WriteLine($"ClaimTracker embedded server to first GetClaim: {Measure.Ms(server)} (target ≤ 3,000 ms); ratio to baseline " +
            $"{Measure.Ratio(server / baseline)}; of which the answered call itself {Measure.Ms(serverFirstCall)}");
    }

    /// <summary>Process start until <paramref name="probe"/> is answered, and how long that answered probe took.</summary>
    private static async Task<(double Total, double AnsweredCall)> TimeAsync(
        string dll, string arguments, int port, Func<GrpcChannel, Task> probe)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                var attempt = clock.Elapsed;
                // A channel per attempt: a channel whose connection was refused waits out its reconnect backoff (1 s, then
                // 1.6 times longer each time) before it tries again, which would time the client's backoff, not the server.
                using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
                try
                {
                    await probe(channel);
                    return (clock.Elapsed.TotalMilliseconds, (clock.Elapsed - attempt).TotalMilliseconds);
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
                {
                    await Task.Delay(10);
                }
            }

            throw new TimeoutException($"{dll} did not answer within 60 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
