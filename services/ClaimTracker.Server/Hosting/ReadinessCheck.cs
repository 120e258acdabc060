using ClaimTracker.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// Whether this server should get traffic: started (the silo has joined and Kestrel listens), not
/// draining, and the store answers a query within <see cref="StoreTimeout"/>. Checked on every probe,
/// so the gRPC health service and <c>/readyz</c> say what is true at that moment.
/// </summary>
internal sealed class ReadinessCheck(IClaimFeedLog feed, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Tag = "ready";

    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("draining: the server is shutting down");
        }

        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("starting: the silo has not finished starting");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreTimeout);
        try
        {
            await feed.ReadFeedHeadAsync(timeout.Token);
            return HealthCheckResult.Healthy("serving: the silo is up and the store answers");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the store did not answer within {StoreTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store cannot be reached: " + ex.Message);
        }
    }
}
