using ClaimTracker.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ClaimTracker.Grains.Tests;

/// <summary>An in-process Orleans test cluster whose grains journal into a SQLite file in <see cref="DataDirectory"/>.</summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;

    private GrainCluster(InProcessTestCluster cluster, string dataDirectory)
    {
        this.cluster = cluster;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IGrainFactory Grains => cluster.Client;

    public InProcessTestCluster Cluster => cluster;

    public static async Task<GrainCluster> StartAsync(
        string? dataDirectory = null,
        short silos = 1,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ISiloBuilder>? configureSilo = null)
    {
        dataDirectory ??= TestSupport.TestDirectories.Create("claimtracker-grains-");
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) {
            ["Storage:DataDirectory"] = dataDirectory };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values)
            .Build();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddClaimTrackerGrains(configuration);
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }
}
