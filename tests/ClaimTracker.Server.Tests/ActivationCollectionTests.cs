using ClaimTracker.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Metadata;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// Idle activations leave the server's memory: reports after two idle minutes, every grain sooner when memory runs short,
/// and both can be changed under "Orleans:GrainCollection".
/// </summary>
public sealed class ActivationCollectionTests
{
    [Fact]
    public async Task Reports_leave_memory_after_two_idle_minutes_and_memory_pressure_sheds_activations()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);

        var collection = server.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        Assert.True(collection.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(TimeSpan.FromMinutes(15), collection.CollectionAge);
        Assert.Equal(80, collection.MemoryUsageLimitPercentage);
        Assert.Equal(75, collection.MemoryUsageTargetPercentage);

        var properties = server.Services.GetRequiredService<GrainPropertiesResolver>();
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(TimeSpan.FromMinutes(2), IdleAge(properties, grains.GetGrain<IReportGrain>("probe").GetGrainId().Type));
        Assert.Null(IdleAge(properties, grains.GetGrain<IClaimGrain>("probe").GetGrainId().Type));
    }

    [Fact]
    public async Task Operators_set_collection_in_the_Orleans_GrainCollection_section()
    {
        await using var server = await RunningServer.StartAsync(
            null,
            RunningServer.ExactMatching,
            "--Orleans:GrainCollection:CollectionAge=00:30:00",
            "--Orleans:GrainCollection:EnableActivationSheddingOnMemoryPressure=false",
            "--Orleans:GrainCollection:MemoryUsageLimitPercentage=70");

        var collection = server.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(30), collection.CollectionAge);
        Assert.False(collection.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(70, collection.MemoryUsageLimitPercentage);
    }

    private static TimeSpan? IdleAge(GrainPropertiesResolver properties, GrainType type) =>
        properties.GetGrainProperties(type).Properties.TryGetValue(WellKnownGrainTypeProperties.IdleDeactivationPeriod, out var age)
            ? TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
