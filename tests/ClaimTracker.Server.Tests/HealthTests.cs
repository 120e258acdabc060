using System.Net;
using ClaimTracker.Server.Hosting;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The embedded server's probes through its life: not ready while starting, SERVING (gRPC health, /readyz)
/// once the silo is up and the store answers, not ready once it starts draining. Stopping the database
/// under a running silo is the PostgreSQL test in the cluster tests (OutageAndDumpTests).
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Readiness_is_false_while_starting_true_when_serving_and_false_while_draining()
    {
        var dataDirectory = RunningServer.NewDataDirectory();
        var app = ClaimTrackerServer.Build(
        [
            "--Grpc:Url=http://127.0.0.1:0",
            "--Web:Url=http://127.0.0.1:0",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--Orleans:SiloPort={RunningServer.FreePort()}",
            $"--Orleans:GatewayPort={RunningServer.FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            RunningServer.ExactMatching,
        ]);
        await using var disposeApp = app;
        var checks = app.Services.GetRequiredService<HealthCheckService>();
        var starting = await checks.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, starting.Status);
        Assert.Contains("starting", starting.Entries["store"].Description, StringComparison.Ordinal);

        await app.StartAsync();
        var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
        using (var channel = GrpcChannel.ForAddress(endpoints.Grpc))
        {
            var health = new Health.HealthClient(channel);
            foreach (var service in new[] { string.Empty, "claimtracker.v1.ClaimTracker" })
            {
                var reply = await health.CheckAsync(new HealthCheckRequest { Service = service });
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
            }
        }

        using (var web = new HttpClient { BaseAddress = endpoints.Web })
        {
            var live = await web.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            var ready = await web.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.StartsWith("Healthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var draining = await checks.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, draining.Status);
        Assert.Contains("draining", draining.Entries["store"].Description, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
    }
}
