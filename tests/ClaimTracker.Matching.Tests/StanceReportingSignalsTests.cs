namespace ClaimTracker.Matching.Tests;

/// <summary>The stance features that tell a headline reporting a rumour from one asserting it (signals 32–45).</summary>
public sealed class StanceReportingSignalsTests
{
    private const string Claim = "Samsung is producing a new chip for the Apple Watch";

    [Theory]
    [InlineData("Samsung producing Apple Watch chip - analyst", 35)]
    [InlineData("Samsung makes the Apple Watch chip, Korean media say", 35)]
    [InlineData("Samsung makes the Apple Watch chip, Korean media say", 34)]
    [InlineData("Apple Watch may be powered by a Samsung processor", 38)]
    [InlineData("Apple in talks with Samsung over the Apple Watch chip", 40)]
    [InlineData("Samsung confirms it makes the Apple Watch chip", 41)]
    [InlineData("Is Samsung making the Apple Watch chip?", 39)]
    [InlineData("Video appears to show the Samsung chip inside the Apple Watch", 45)]
    public void A_reporting_or_vouching_cue_sets_its_signal(string statement, int signal)
    {
        Assert.Equal(0f, Features("Samsung makes the new Apple Watch chip")[signal]);
        Assert.NotEqual(0f, Features(statement)[signal]);
    }

    [Fact]
    public void A_cue_the_claim_shares_is_not_a_distance_from_it()
    {
        const string claim = "Analysts say Samsung is producing the Apple Watch chip";
        const string statement = "Samsung makes the chip, analysts say";

        var features = StanceFeatures.Compute(statement, claim, StanceHints.FromText(statement, claim));

        Assert.Equal(0f, features[34]);
        Assert.Equal(2f, features[32]);
    }

    [Fact]
    public void Where_the_first_hedge_stands_is_a_share_of_the_headline()
    {
        Assert.Equal(0f, Features("Reportedly Samsung makes the Apple Watch chip")[43]);
        Assert.Equal(1f, Features("Samsung makes the Apple Watch chip")[43]);
    }

    private static float[] Features(string statement) =>
        StanceFeatures.Compute(statement, Claim, StanceHints.FromText(statement, Claim));
}
