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
        for (var i = 0; i < options.Repeats; i++)
        {
            var echoPort = Measure.FreePort();
            baseline = Math.Min(baseline, await TimeAsync(benchDll, $"echo-server --port {echoPort}", echoPort, async channel =>
                await new Echo.Echo.EchoClient(channel).CallAsync(new Payload())));
            var port = Measure.FreePort();
            var data = Directory.CreateTempSubdirectory("claimtracker-startup-").FullName;
            var args = $"--Grpc:Url=http://127.0.0.1:{port} --Web:Url= --Storage:DataDirectory={data} " +
                $"--Orleans:SiloPort={Measure.FreePort()} --Orleans:GatewayPort={Measure.FreePort()} --Logging:LogLevel:Default=Warning";
            try
            {
                server = Math.Min(server, await TimeAsync(serverDll, args, port, async channel =>
                {
                    try
                    {
                        await new V1.ClaimTracker.ClaimTrackerClient(channel).GetClaimAsync(
                            new V1.GetClaimRequest { ClaimId = "c-startup-probe" });
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
                    {
                    }
                }));
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine($"baseline bare gRPC process: {Measure.Ms(baseline)}");
        Console.WriteLine($"ClaimTracker embedded server to first GetClaim: {Measure.Ms(server)} (target ≤ 3,000 ms); ratio to baseline " +
            $"{Measure.Ratio(server / baseline)}");
    }

    private static async Task<double> TimeAsync(string dll, string arguments, int port, Func<GrpcChannel, Task> probe)
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
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    await probe(channel);
                    return clock.Elapsed.TotalMilliseconds;
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
