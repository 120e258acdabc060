namespace ClaimTracker.Grains.Tests;

public sealed class GrainReferencesTests
{
    [Fact]
    public async Task A_reference_names_the_grain_and_interface_GetGrain_names_and_reaches_it()
    {
        await using var cluster = await GrainCluster.StartAsync();
        foreach (var key in new[] { "c-1", "c-2", "c-1" })
        {
            var reference = (GrainReference)(object)cluster.Grains.Reference<IClaimGrain>(key);
            var expected = (GrainReference)(object)cluster.Grains.GetGrain<IClaimGrain>(key);
            Assert.Equal(expected.GrainId, reference.GrainId);
            Assert.Equal(expected.InterfaceType, reference.InterfaceType);
        }

        Assert.Equal(cluster.Grains.GetGrain<IActorGrain>("a-1").GetGrainId(), cluster.Grains.Reference<IActorGrain>("a-1").GetGrainId());
        Assert.False(await cluster.Grains.Reference<IClaimGrain>("c-none").Exists());
        Assert.Throws<ArgumentException>(() => cluster.Grains.Reference<IClaimGrain>(" "));
    }
}
