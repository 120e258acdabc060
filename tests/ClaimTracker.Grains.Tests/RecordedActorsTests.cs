using ClaimTracker.Grains.Reports;

namespace ClaimTracker.Grains.Tests;

public sealed class RecordedActorsTests
{
    [Fact]
    public void Keeps_the_actors_added_until_it_is_full_then_starts_over()
    {
        var recorded = new RecordedActors(capacity: 3);
        recorded.Add("a-1");
        recorded.Add("a-2");
        recorded.Add("a-2");
        recorded.Add("a-3");

        Assert.True(recorded.Contains("a-1"));
        Assert.True(recorded.Contains("a-3"));
        Assert.False(recorded.Contains("a-4"));

        recorded.Add("a-4");

        Assert.False(recorded.Contains("a-1"));
        Assert.False(recorded.Contains("a-4"));
        recorded.Add("a-5");
        Assert.True(recorded.Contains("a-5"));
    }
}
