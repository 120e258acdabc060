using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// The probes: the standard gRPC health service (grpc.health.v1.Health) and plain HTTP for load balancers
/// that do not speak gRPC. <c>/healthz</c> (liveness) answers 200 while the process serves HTTP at all;
/// <c>/readyz</c> and the gRPC service (overall "" and "claimtracker.v1.ClaimTracker") run
/// <see cref="ReadinessCheck"/>: SERVING / 200 only when the silo is up and the store answers. All are open
/// without credentials: a probe carries none.
/// </summary>
internal static class HealthEndpoints
{
    public const string ServiceName = "claimtracker.v1.ClaimTracker";

    public static void AddClaimTrackerHealth(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks(options =>
            {
                options.Services.Clear();
                options.Services.Map(string.Empty, result => result.Tags.Contains(ReadinessCheck.Tag));
                options.Services.Map(ServiceName, result => result.Tags.Contains(ReadinessCheck.Tag));
            })
            .AddCheck<ReadinessCheck>("store", tags: [ReadinessCheck.Tag]);
    }

    public static void MapClaimTrackerHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        var readiness = new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessCheck.Tag),
            ResponseWriter = WriteAsync,
        };
        app.MapHealthChecks("/readyz", readiness).AllowAnonymous();
    }

    /// <summary>One line a person can read: the status, then why (e.g. "Unhealthy: the store cannot be reached: …").</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var reasons = report.Entries.Values.Select(entry => entry.Description).Where(d => !string.IsNullOrEmpty(d));
        var reason = string.Join("; ", reasons);
        return context.Response.WriteAsync(report.Status + (reason.Length > 0 ? ": " + reason : string.Empty) + "\n");
    }
}
