using Grpc.AspNetCore.Server;
using System.Net;
using ClaimTracker.Grains.Hosting;
using ClaimTracker.Storage;
using ClaimTracker.Server.Api;
using ClaimTracker.Server.Exports;
using ClaimTracker.Server.Taxii;
using Orleans.Configuration;
using ClaimTracker.Server.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Orleans.Dashboard;

namespace ClaimTracker.Server.Hosting;

/// <summary>The composition root, shared by Program and the end-to-end tests.</summary>
public static class ClaimTrackerServer
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json ships beside the binary; the data directory stays relative to where it runs.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        var listening = ServerEndpoints.Configure(builder, web.Url);
        var security = builder.AddClaimTrackerSecurity(listening);
        builder.AddClaimTrackerSilo(web.Dashboard);
        var grpc = builder.AddClaimTrackerApi();
        builder.AddClaimTrackerWeb(grpc);
        builder.AddClaimTrackerTelemetry();
        builder.Services.AddClaimTrackerTaxii();

        var app = builder.Build();
        app.Services.GetRequiredService<ServerEndpoints>().Attach(app.Services.GetRequiredService<IServer>());
        app.MapClaimTrackerWeb(web.Dashboard, security);
        app.MapClaimTrackerApi();
        app.MapClaimTrackerExports();
        app.MapClaimTrackerTaxii();
        return app;
    }

    /// <summary>
    /// The operators' <c>migrate</c> command: applies pending PostgreSQL migrations and exits (0 on
    /// success). Safe to run while silos start: migration runs serialize on an advisory lock.
    /// </summary>
    public static async Task<int> MigrateAsync(string[] args)
    {
        var configuration = CommandConfiguration(args);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        try
        {
            var applied = await Storage.Postgres.PostgresMigrator.MigrateAsync(storage.RequireConnectionString());
            await Console.Out.WriteLineAsync(applied.Count == 0
                ? "schema is current; nothing to apply"
                : "applied migrations " + string.Join(", ", applied));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync("migrate failed: " + ex.Message);
            return 1;
        }
    }

    /// <summary>The configuration the operators' commands read: appsettings.json beside the binary, the environment, the arguments.</summary>
    public static IConfiguration CommandConfiguration(string[] args) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

    private static void AddClaimTrackerSilo(this WebApplicationBuilder builder, bool dashboard)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = silo.ShutdownTimeout);
        builder.UseOrleans(siloBuilder =>
        {
            if (storage.Mode == StorageMode.Postgres)
            {
                siloBuilder.UseClaimTrackerCluster(silo, storage.RequireConnectionString(), builder.Configuration);
            }
            else
            {
                siloBuilder.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            }

            siloBuilder.AddClaimTrackerGrains(builder.Configuration);
            siloBuilder.AddGrainCollection(builder.Configuration);
            siloBuilder.AddActivityPropagation();
            if (dashboard)
            {
                siloBuilder.AddDashboard();
            }
        });
        builder.Services.AddHostedService<SiloPlacementGate>();
    }

    /// <summary>
    /// Cluster mode: membership in PostgreSQL through Orleans' ADO.NET clustering (our own schema and
    /// stored queries, applied by the migrations), this silo's identity and endpoints from "Orleans".
    /// Failure detection can be tuned under "Orleans:Membership" (ClusterMembershipOptions).
    /// </summary>
    private static void UseClaimTrackerCluster(
        this ISiloBuilder siloBuilder,
        SiloOptions silo,
        string connectionString,
        IConfiguration configuration)
    {
        var advertised = IPAddress.Parse(silo.AdvertisedAddress);
        var listen = string.IsNullOrWhiteSpace(silo.ListenAddress) ? advertised : IPAddress.Parse(silo.ListenAddress);
        siloBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        });
        siloBuilder.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = silo.ClusterId;
            options.ServiceId = silo.ServiceId;
        });
        siloBuilder.Configure<EndpointOptions>(options =>
        {
            options.AdvertisedIPAddress = advertised;
            options.SiloPort = silo.SiloPort;
            options.GatewayPort = silo.GatewayPort;
            options.SiloListeningEndpoint = new IPEndPoint(listen, silo.SiloPort);
            options.GatewayListeningEndpoint = new IPEndPoint(listen, silo.GatewayPort);
        });
        siloBuilder.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(SiloOptions.SectionName + ":Membership"));
    }

    /// <summary>
    /// Idle activations leave memory after their collection age, and sooner when the process runs short of memory: shedding on
    /// memory pressure is on unless "Orleans:GrainCollection" says otherwise (GrainCollectionOptions: CollectionAge,
    /// MemoryUsageLimitPercentage, MemoryUsageTargetPercentage, …). Claims and actors reload from their journals when called again.
    /// </summary>
    private static void AddGrainCollection(this ISiloBuilder siloBuilder, IConfiguration configuration)
    {
        siloBuilder.Services.AddOptions<GrainCollectionOptions>()
            .Configure(options => options.EnableActivationSheddingOnMemoryPressure = true)
            .Bind(configuration.GetSection(SiloOptions.SectionName + ":GrainCollection"));
    }

    private static IGrpcServerBuilder AddClaimTrackerApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().Bind(builder.Configuration.GetSection(IngestOptions.SectionName));
        builder.Services.AddOptions<WatchOptions>().Bind(builder.Configuration.GetSection(WatchOptions.SectionName));
        var limitsSection = builder.Configuration.GetSection(LimitsOptions.SectionName);
        builder.Services.AddOptions<LimitsOptions>().Bind(limitsSection);
        var limits = limitsSection.Get<LimitsOptions>() ?? new LimitsOptions();
        builder.Services.AddSingleton<Grains.Feed.IFeedEventEncoder, ClaimEventFrames>();
        builder.Services.AddSingleton<ReportBatchRegistrar>();
        // One instance for the server's life: it holds every caller's buckets and stream counts.
        builder.Services.AddSingleton<CallerLimitsInterceptor>();
        var grpc = builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = limits.MaxMessageBytes;
            options.Interceptors.Add<Telemetry.MetricsInterceptor>();
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<CallerLimitsInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddClaimTrackerHealth();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Watches stay open for days: ping idle connections so proxies and NATs keep them.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            kestrel.Limits.MaxRequestBodySize = limits.MaxMessageBytes;
        });
        return grpc;
    }

    private static void MapClaimTrackerApi(this WebApplication app)
    {
        app.MapGrpcService<ClaimTrackerService>();
        // Probes and tooling need no credentials: health says nothing about the data, reflection only the schema.
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapClaimTrackerHealth();
        app.MapReportBatchEndpoint();
    }
}
