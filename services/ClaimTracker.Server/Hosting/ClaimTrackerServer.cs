using ClaimTracker.Grains.Hosting;
using ClaimTracker.Server.Api;

namespace ClaimTracker.Server.Hosting;

/// <summary>The composition root, shared by Program and the end-to-end tests.</summary>
public static class ClaimTrackerServer
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json ships beside the binary; the data directory stays relative to where it runs.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddClaimTrackerSilo();
        builder.AddClaimTrackerApi();

        var app = builder.Build();
        app.MapClaimTrackerApi();
        return app;
    }

    private static void AddClaimTrackerSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(siloBuilder => siloBuilder
            .UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId)
            .AddClaimTrackerGrains(builder.Configuration));
    }

    private static void AddClaimTrackerApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().Bind(builder.Configuration.GetSection(IngestOptions.SectionName));
        builder.Services.AddOptions<WatchOptions>().Bind(builder.Configuration.GetSection(WatchOptions.SectionName));
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
            options.Interceptors.Add<ErrorMappingInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Watches stay open for days: ping idle connections so proxies and NATs keep them.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        });
    }

    private static void MapClaimTrackerApi(this WebApplication app)
    {
        app.MapGrpcService<ClaimTrackerService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
    }
}
