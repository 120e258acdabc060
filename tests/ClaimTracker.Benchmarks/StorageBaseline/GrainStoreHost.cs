using ClaimTracker.Benchmarks.GrainStore;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ClaimTracker.Benchmarks.StorageBaseline;

/// <summary>
/// The per-write baseline server: gRPC on <see cref="BaselineWebHost"/> (the echo's Kestrel settings)
/// and an in-process silo whose <see cref="PayloadGrain"/> writes its state through Orleans' own
/// ADO.NET grain storage on PostgreSQL, with the provider's defaults.
/// </summary>
internal static class GrainStoreHost
{
    public const string StorageName = "baseline";

    public static async Task<WebApplication> StartAsync(int port, string connectionString)
    {
        var builder = BaselineWebHost.CreateBuilder(port);
        // Unlike the echo, this host can fail (storage errors, conflicts): show them as the server's benchmark host does.
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                Measure.FreePort(),
                Measure.FreePort(),
                serviceId: "bench-grain-store",
                clusterId: "bench-grain-store");
            silo.AddAdoNetGrainStorage(StorageName, options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
        });
        var app = builder.Build();
        app.MapGrpcService<GrainStoreService>();
        await app.StartAsync();
        return app;
    }

    /// <summary>The serializer the provider stores state with (its default unless configured).</summary>
    public static string SerializerName(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageName).GrainStorageSerializer?.GetType()
            .Name ?? "none";

    private sealed class GrainStoreService(IGrainFactory grains) : GrainStore.GrainStore.GrainStoreBase
    {
        private static readonly GrainWritten Written = new();

        public override async Task<GrainWritten> Write(GrainWrite request, ServerCallContext context)
        {
            await grains.GetGrain<IPayloadGrain>(request.Grain).StoreAsync(request.Data.ToByteArray());
            return Written;
        }
    }
}
