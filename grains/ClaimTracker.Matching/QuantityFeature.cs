namespace ClaimTracker.Matching;

/// <summary>
/// A figure a text states: <c>up to 60,000 shells per day</c> is
/// <c>(60000, null, "up-to", "shells", "day", null)</c>. <see cref="Bound"/> is one of
/// <see cref="QuantityBounds"/>; <see cref="UpperBound"/> is set for ranges ("between 10 and 20").
/// </summary>
public sealed record QuantityFeature(double Value, double? UpperBound, string Bound, string? Unit, string? RatePeriod, int? ReferenceYear);

/// <summary>The bound words a <see cref="QuantityFeature"/> may carry.</summary>
public static class QuantityBounds
{
    public const string Exact = "exact";
    public const string About = "about";
    public const string UpTo = "up-to";
    public const string AtLeast = "at-least";
    public const string Range = "range";
}
