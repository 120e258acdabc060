using ClaimTracker.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Server.Tests;

/// <summary><c>Matching:StanceModelPath</c>: an operator's own headline stance model is checked when the server starts.</summary>
public sealed class StanceModelOptionTests
{
    [Fact]
    public async Task A_stance_model_path_without_a_model_stops_the_start_with_the_setting_named()
    {
        var dataDirectory = RunningServer.NewDataDirectory();
        var missing = Path.Combine(dataDirectory, "no-such-stance.zip");
        var app = ClaimTrackerServer.Build(
        [
            "--Grpc:Url=http://127.0.0.1:0",
            "--Web:Url=",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--Orleans:SiloPort={RunningServer.FreePort()}",
            $"--Orleans:GatewayPort={RunningServer.FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            $"--Matching:StanceModelPath={missing}",
        ]);
        await using var disposeApp = app;

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Matching:StanceModelPath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-stance.zip", refused.Message, StringComparison.Ordinal);
    }
}
