using ClaimTracker.Grains.Claims;

namespace ClaimTracker.Grains.Tests;

public sealed class ClaimListingTests
{
    [Theory]
    [InlineData(new[] { "a-1", "a-2" }, new string[0], 2)]
    [InlineData(new string[0], new[] { "a-3", "a-4", "a-5" }, 3)]
    [InlineData(new[] { "a-1", "a-2" }, new[] { "a-3" }, 3)]
    [InlineData(new[] { "a-1", "a-2" }, new[] { "a-2" }, 2)]
    [InlineData(new string[0], new string[0], 0)]
    public void A_claim_lists_under_the_number_of_its_distinct_origins_on_either_side(
        string[] supporting, string[] contradicting, int origins)
    {
        var summary = new ClaimSummary
        {
            ClaimId = "c-1", Text = "The dam was opened", SupportingOrigins = supporting, ContradictingOrigins = contradicting,
        };

        Assert.Equal(origins, ClaimListing.Keys(summary).OriginCount);
    }
}
