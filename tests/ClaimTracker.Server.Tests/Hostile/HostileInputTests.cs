using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Hostile;

/// <summary>
/// The generated hostile suite (<see cref="HostileCases"/>) against one real server: each case gets its
/// status, the server stays SERVING, and a refused write leaves the store's row counts unchanged.
/// </summary>
public sealed class HostileInputTests(HostileTarget target) : IClassFixture<HostileTarget>
{
    [Fact]
    public void The_suite_has_at_least_300_cases() => Assert.True(HostileCases.Count >= 300, $"{HostileCases.Count} cases");

    [Fact]
    public void Every_rpc_of_the_service_has_hostile_cases()
    {
        var covered = HostileCases.CoveredMethods.ToHashSet();
        var missing = V1.ClaimTracker.Descriptor.Methods.Select(m => m.Name).Where(name => !covered.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "RPCs without hostile cases: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(HostileCases.Names), MemberType = typeof(HostileCases))]
    public async Task Each_hostile_request_gets_its_status_and_leaves_no_trace(string name)
    {
        var hostile = HostileCases.Get(name);
        var before = hostile.Writes ? await target.StoreCountsAsync() : null;

        var answer = await hostile.Send(target);

        Assert.True(
            hostile.Expected.Contains(answer.Status),
            $"{name}: expected {string.Join(" or ", hostile.Expected)}, got {answer.Status} ({answer.Detail})");
        if (before is not null && answer.Status != "OK" && answer.Status != "HTTP 200")
        {
            Assert.Equal(before, await target.StoreCountsAsync());
        }

        Assert.True(await target.IsServingAsync(), $"{name}: the server is no longer SERVING");
    }
}
