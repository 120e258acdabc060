using System.Text.Json;
using ClaimTracker.Security;
using ClaimTracker.Server.Tests;

namespace ClaimTracker.Cli.Tests;

/// <summary><c>token</c> issues a key the server admits once its hash is configured; <c>--token</c> sends it.</summary>
public sealed class TokenCommandTests
{
    [Fact]
    public async Task An_issued_key_admitted_by_its_hash_lets_the_cli_write_with_its_scopes_only()
    {
        var issued = await CliProcess.RunAsync("token", "--name", "wire-feeder", "--scope", Scopes.ReportsWrite, "--json");
        Assert.True(issued.ExitCode == 0, issued.ToString());
        using var json = JsonDocument.Parse(issued.Stdout);
        var key = json.RootElement.GetProperty("Key").GetString()!;
        Assert.StartsWith(ApiKeys.Prefix, key, StringComparison.Ordinal);
        Assert.Equal(ApiKeys.Hash(key), json.RootElement.GetProperty("Hash").GetString());

        var readable = await CliProcess.RunAsync("token", "--name", "desk");
        Assert.True(readable.ExitCode == 0, readable.ToString());
        Assert.Contains("Security__ApiKeys__N__Hash=sha256:", readable.Stdout, StringComparison.Ordinal);
        Assert.Contains(Scopes.ClaimsRead, readable.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await CliProcess.RunAsync("token", "--name", "x", "--scope", "everything")).ExitCode);

        var article = Path.Combine(RunningServer.NewDataDirectory(), "story.txt");
        await File.WriteAllTextAsync(article, TestArticles.MaravaFlood);
        await using var server = await RunningServer.StartAsync(
            null,
            RunningServer.ExactMatching,
            "--Security:ApiKeys:0:Name=wire-feeder",
            $"--Security:ApiKeys:0:Hash={json.RootElement.GetProperty("Hash").GetString()}",
            $"--Security:ApiKeys:0:Scopes:0={Scopes.ReportsWrite}");
        var address = server.Address.ToString();

        var anonymous = await CliProcess.RunAsync(
            "ingest", article, "--source", "Harbour Daily", "--report-id", "cli-token", "--server", address);
        Assert.Equal(6, anonymous.ExitCode);
        Assert.Contains("Unauthenticated", anonymous.Stderr, StringComparison.Ordinal);

        var written = await CliProcess.RunAsync(
            "ingest", article, "--source", "Harbour Daily", "--report-id", "cli-token", "--server", address, "--token", key, "--json");
        Assert.True(written.ExitCode == 0, written.ToString());
        using var response = JsonDocument.Parse(written.Stdout);
        Assert.Equal("wire-feeder", response.RootElement.GetProperty("report").GetProperty("registeredBy").GetString());

        // The key grants reports:write only: reading is refused.
        var read = await CliProcess.RunAsync("claims", "--server", address, "--token", key);
        Assert.Equal(6, read.ExitCode);
        Assert.Contains("PermissionDenied", read.Stderr, StringComparison.Ordinal);
    }
}
