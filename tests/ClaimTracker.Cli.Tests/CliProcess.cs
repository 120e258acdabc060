using System.Diagnostics;
using System.Reflection;

namespace ClaimTracker.Cli.Tests;

/// <summary>What one run of the command line printed and how it exited.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>Runs the built <c>claimtracker</c> (services/ClaimTracker.Cli) with <c>dotnet</c>, as a user would.</summary>
public static class CliProcess
{
    private static readonly string CliPath = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ClaimTrackerCli").Value!;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"claimtracker {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a command that runs until stopped (watch); the caller reads its output and kills it.</summary>
    public static Process Start(params string[] args) => Process.Start(StartInfo(args))!;

    private static ProcessStartInfo StartInfo(string[] args)
    {
        Assert.True(File.Exists(CliPath), $"the command line is not built at {CliPath}");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["COLUMNS"] = "240";
        info.Environment.Remove("CLAIMTRACKER_SERVER");
        info.Environment.Remove("CLAIMTRACKER_TOKEN");
        return info;
    }
}
