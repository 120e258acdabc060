using Grpc.AspNetCore.Server;
using ClaimTracker.Security;
using ClaimTracker.Server.Security;
using ClaimTracker.Server.Telemetry;
using Microsoft.Extensions.FileProviders;
using Microsoft.OpenApi.Models;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// Everything beside the gRPC API: HTTP/JSON (gRPC JSON transcoding of the same service, routes
/// from the proto's google.api.http options) with its OpenAPI document, the live web page,
/// OpenTelemetry metrics and traces with a Prometheus scrape endpoint, and the optional Orleans Dashboard.
/// </summary>
internal static class WebHosting
{
    private const string MetricsPath = "/metrics";
    private const string DashboardPath = "/dashboard";

    public static void AddClaimTrackerWeb(this WebApplicationBuilder builder, IGrpcServerBuilder grpc)
    {
        grpc.AddJsonTranscoding();
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ClaimTracker HTTP/JSON API",
                Version = "v1",
                Description = "The gRPC service claimtracker.v1.ClaimTracker over HTTP/JSON (proto3 JSON mapping). Errors carry the gRPC " +
                    "status code and message.",
            });
        });
    }

    public static void AddClaimTrackerTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName));
        builder.Services.AddSingleton<ClaimStatusCounts>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ClaimStatusCounts>());
        builder.Services.AddSingleton<ClaimTrackerMetrics>();

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(
                resource => resource.AddService("claimtracker", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ClaimTrackerMetrics.MeterName, Storage.StorageMetrics.MeterName, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
            });
        if (telemetry.TracingEnabled)
        {
            // By default spans are recorded only when there is somewhere to send them: otherwise a span
            // per request and per grain call, with its tags, was allocated for nothing, several per statement.
            otel.WithTracing(tracing =>
            {
                // A RegisterReport call and the grain calls it makes share one trace (Orleans propagates Activity.Current).
                tracing.AddAspNetCoreInstrumentation()
                    .AddSource(
                        Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName,
                        Orleans.Diagnostics.ActivitySources.RuntimeActivitySourceName);
            });
        }

        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(telemetry.OtlpEndpoint));
        }
    }

    public static void MapClaimTrackerWeb(this WebApplication app, bool dashboard, Security.SecurityOptions security)
    {
        var page = new EmbeddedFileProvider(typeof(WebHosting).Assembly, "ClaimTracker.Server.Web");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = page,
            // Revalidate on every load (a cheap 304 by ETag) so an upgraded server never runs with yesterday's scripts.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");

        // The page and the API description above are public; everything below needs a scope.
        app.UseClaimTrackerSecurity(security);
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Scopes.Admin);
        if (dashboard)
        {
            app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(Scopes.Admin);
        }
    }
}
