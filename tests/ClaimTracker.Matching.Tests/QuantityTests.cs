using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class QuantityTests
{
    [Fact]
    public void Reader_finds_bound_unit_and_period()
    {
        var q = Assert.Single(QuantityReader.Read("Moscow forces firing up to 60,000 shots per day, according to Ukrainian data"));

        Assert.Equal(60_000, q.Value);
        Assert.Equal(QuantityBounds.UpTo, q.Bound);
        Assert.Equal("shots", q.Unit);
        Assert.Equal("day", q.RatePeriod);
    }

    [Fact]
    public void Reader_applies_multipliers_ranges_and_years()
    {
        var production = Assert.Single(QuantityReader.Read("Russia will produce 2.5 million shells in 2024"));
        Assert.Equal(2_500_000, production.Value);
        Assert.Equal("shells", production.Unit);
        Assert.Equal(2024, production.ReferenceYear);

        var range = Assert.Single(QuantityReader.Read("between 10,000 and 20,000 people fled"));
        Assert.Equal(QuantityBounds.Range, range.Bound);
        Assert.Equal(20_000, range.UpperBound);
    }

    [Fact]
    public void Shots_and_shells_per_day_are_one_measure_with_conflicting_values()
    {
        var upTo = new QuantityFeature(60_000, null, QuantityBounds.UpTo, "shots", "day", null);
        var about = new QuantityFeature(20_000, null, QuantityBounds.About, "shells", "per day", null);

        Assert.True(QuantityComparison.SameMeasure(upTo, about));
        Assert.True(QuantityComparison.Conflict(upTo, about));
    }

    [Fact]
    public void Same_figure_agrees_and_other_period_or_year_is_another_measure()
    {
        var a = new QuantityFeature(2_500_000, null, QuantityBounds.Exact, "shells", "year", null);
        var b = new QuantityFeature(2.5e6, null, QuantityBounds.About, "shells", "annually", null);
        var daily = new QuantityFeature(20_000, null, QuantityBounds.About, "shells", "day", null);
        var otherYear = a with { ReferenceYear = 2023 } ;

        Assert.True(QuantityComparison.Agree(a, b));
        Assert.False(QuantityComparison.SameMeasure(a, daily));
        Assert.False(QuantityComparison.SameMeasure(otherYear, a with { ReferenceYear = 2024 }));
    }

    [Fact]
    public void Describe_writes_values_for_reasons()
    {
        Assert.Equal(
            "up to 60,000 shots per day",
            QuantityComparison.Describe(new QuantityFeature(60_000, null, QuantityBounds.UpTo, "shots", "day", null)));
        Assert.Equal(
            "2.5 million shells",
            QuantityComparison.Describe(new QuantityFeature(2_500_000, null, QuantityBounds.Exact, "shells", null, null)));
    }
}
