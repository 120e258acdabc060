using ClaimTracker.Extraction.Quantities;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Tests;

public sealed class QuantityParserTests
{
    [Theory]
    [InlineData("firing up to 60,000 shots per day", 60_000, "up to", "shots", "day")]
    [InlineData("about 20,000 shells a day", 20_000, "about", "shells", "day")]
    [InlineData("more than 3 million people", 3_000_000, "more than", "people", null)]
    [InlineData("at least 12 soldiers", 12, "at least", "soldiers", null)]
    [InlineData("less than 5 percent", 5, "less than", "percent", null)]
    [InlineData("a £2.5bn deal", 2_500_000_000, "exact", "GBP", null)]
    [InlineData("rose 3% annually", 3, "exact", "percent", "year")]
    [InlineData("nearly forty-five tanks", 45, "about", "tanks", null)]
    public void Reads_value_bound_unit_and_rate(string text, double value, string bound, string? unit, string? period)
    {
        var q = Assert.Single(QuantityParser.Parse(new Document(text), 2023));
        Assert.Equal(value, q.Value);
        Assert.Equal(bound, q.Bound);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(period, q.RatePeriod);
    }

    [Fact]
    public void Reads_ranges_and_reference_years()
    {
        var range = Assert.Single(QuantityParser.Parse(new Document("between 10 and 20 drones"), null));
        Assert.Equal(10, range.Value);
        Assert.Equal(20, range.UpperBound);

        var quantities = QuantityParser.Parse(new Document("from 1.7 million in 2022 to an expected 2.5 million shells this year"), 2023);
        Assert.Equal([2022, 2023], quantities.Select(q => q.ReferenceYear));
        Assert.All(quantities, q => Assert.Equal("shells", q.Unit));
    }

    [Theory]
    [InlineData("The F-16 jets and Soyuz-2 rockets")]
    [InlineData("On Sept. 11 in 2001 they met")]
    [InlineData("It was in 2022")]
    [InlineData("the two discussed it")]
    [InlineData("one of them left")]
    public void Ignores_false_hits(string text)
        => Assert.Empty(QuantityParser.Parse(new Document(text), 2023));

    [Fact]
    public void Dates_weekdays_and_relative_years()
    {
        var times = TimeParser.Parse(new Document("On Wednesday, Sept. 13, 2023, and yesterday, this year"), new DateOnly(2023, 9, 14));
        Assert.Contains(times, t => t.Text == "Wednesday" && t.Date == new DateOnly(2023, 9, 13));
        Assert.Contains(times, t => t.Date == new DateOnly(2023, 9, 13) && t.Text.StartsWith("Sept", StringComparison.Ordinal));
        Assert.Contains(times, t => t.Text == "this year" && t.Year == 2023);
    }
}
