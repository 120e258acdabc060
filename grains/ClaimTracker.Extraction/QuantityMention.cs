namespace ClaimTracker.Extraction;

/// <summary>A number with what it counts.</summary>
/// <param name="Span">Where it is written.</param>
/// <param name="Value">The (lower or only) value, scaled ("1.7 million" = 1,700,000; "3%" = 3).</param>
/// <param name="UpperBound">The upper end of a range ("between 10 and 20"), if any.</param>
/// <param name="Bound">"exact", "up to", "at least", "about", "more than" or "less than".</param>
/// <param name="Unit">What is counted ("shells", "percent", "USD"), if written.</param>
/// <param name="RatePeriod">"day", "week", "month" or "year" for rates ("per day").</param>
/// <param name="ReferenceYear">The year the figure refers to ("1.7 million in 2022"), if stated or implied.</param>
public sealed record QuantityMention(
    TextSpan Span,
    double Value,
    double? UpperBound,
    string Bound,
    string? Unit,
    string? RatePeriod,
    int? ReferenceYear);

/// <summary>A time expression.</summary>
/// <param name="Span">Where it is written.</param>
/// <param name="Text">As written.</param>
/// <param name="Date">The calendar date, when the text and the publication date pin it down.</param>
/// <param name="Year">The year, when known.</param>
public sealed record TimeMention(TextSpan Span, string Text, DateOnly? Date, int? Year);
