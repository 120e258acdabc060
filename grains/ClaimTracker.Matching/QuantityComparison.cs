using System.Globalization;

namespace ClaimTracker.Matching;

/// <summary>
/// Whether two figures measure the same thing (unit, rate period, reference year) and, if so,
/// whether their values can both be true. Bounds become intervals: "about 20,000" is 20,000 ± 20 %,
/// "up to 60,000" means a peak near 60,000 (70–100 % of it, as news uses "up to" for "as many as"),
/// "at least" is open above, a bare figure is ± 2 %.
/// </summary>
public static class QuantityComparison
{
    private static readonly Dictionary<string, string> UnitSynonyms = new(StringComparer.Ordinal)
    {
        ["shot"] = "shell", ["round"] = "shell", ["projectil"] = "shell", ["artillery shell"] = "shell",
        ["person"] = "people", ["peopl"] = "people", ["individual"] = "people", ["civilian"] = "people",
        ["die"] = "death", ["dead"] = "death", ["fatality"] = "death", ["killed"] = "death", ["kill"] = "death",
        ["casualty"] = "death", ["us dollar"] = "usd", ["dollar"] = "usd", ["$"] = "usd", ["eur"] = "euro",
        ["%"] = "percent", ["per cent"] = "percent", ["pct"] = "percent",
        ["km"] = "kilometr", ["kilometer"] = "kilometr", ["kilometre"] = "kilometr", ["mile"] = "mile",
    };

    private static readonly Dictionary<string, string> PeriodSynonyms = new(StringComparer.Ordinal)
    {
        ["daily"] = "day", ["a day"] = "day", ["per day"] = "day", ["each day"] = "day", ["d"] = "day",
        ["weekly"] = "week", ["monthly"] = "month", ["yearly"] = "year", ["annually"] = "year", ["annual"] = "year",
        ["a year"] = "year", ["per year"] = "year", ["hourly"] = "hour",
    };

    /// <summary>Canonical unit name ("shots" and "shells" are both "shell"), or null.</summary>
    public static string? CanonicalUnit(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        var lower = unit.Trim().ToLowerInvariant();
        if (UnitSynonyms.TryGetValue(lower, out var direct))
        {
            return direct;
        }

        var words = TextAnalysis.Words(lower);
        if (words.Count == 0)
        {
            return lower;
        }

        var head = TextAnalysis.Stem(words[^1]);
        return UnitSynonyms.TryGetValue(head, out var mapped) ? mapped : head;
    }

    /// <summary>Canonical rate period ("daily", "a day", "per day" → "day"), or null.</summary>
    public static string? CanonicalPeriod(string? period)
    {
        if (string.IsNullOrWhiteSpace(period))
        {
            return null;
        }

        var lower = period.Trim().ToLowerInvariant();
        if (PeriodSynonyms.TryGetValue(lower, out var mapped))
        {
            return mapped;
        }

        var words = TextAnalysis.Words(lower);
        var head = words.Count == 0 ? lower : TextAnalysis.Stem(words[^1]);
        return PeriodSynonyms.TryGetValue(head, out var again) ? again : head;
    }

    /// <summary>Same unit, same rate period, and no two different reference years.</summary>
    public static bool SameMeasure(QuantityFeature a, QuantityFeature b)
    {
        var unitA = CanonicalUnit(a.Unit);
        var unitB = CanonicalUnit(b.Unit);
        if (unitA is null || unitB is null || !string.Equals(unitA, unitB, StringComparison.Ordinal))
        {
            return false;
        }

        if (!string.Equals(CanonicalPeriod(a.RatePeriod), CanonicalPeriod(b.RatePeriod), StringComparison.Ordinal))
        {
            return false;
        }

        return a.ReferenceYear is null || b.ReferenceYear is null || a.ReferenceYear == b.ReferenceYear;
    }

    /// <summary>The values of one measure that <paramref name="q"/> allows.</summary>
    public static (double Low, double High) Interval(QuantityFeature q)
    {
        var v = q.Value;
        return q.Bound switch
        {
            QuantityBounds.About => (v * 0.8, v * 1.2),
            QuantityBounds.UpTo => (v * 0.7, v),
            QuantityBounds.AtLeast => (v, double.PositiveInfinity),
            QuantityBounds.Range => (v, q.UpperBound ?? v),
            _ => q.UpperBound is { } upper ? (v, upper) : (v * 0.98, v * 1.02),
        };
    }

    /// <summary>Same measure and intervals that overlap.</summary>
    public static bool Agree(QuantityFeature a, QuantityFeature b) => SameMeasure(a, b) && Overlap(a, b);

    /// <summary>Same measure and intervals that cannot both hold.</summary>
    public static bool Conflict(QuantityFeature a, QuantityFeature b) => SameMeasure(a, b) && !Overlap(a, b);

    /// <summary>"up to 60,000 shells per day", for reasons shown to users.</summary>
    public static string Describe(QuantityFeature q)
    {
        var bound = q.Bound switch
        {
            QuantityBounds.About => "about ",
            QuantityBounds.UpTo => "up to ",
            QuantityBounds.AtLeast => "at least ",
            _ => string.Empty,
        };
        var value = q.Bound == QuantityBounds.Range && q.UpperBound is { } upper
            ? $"{Format(q.Value)}–{Format(upper)}"
            : Format(q.Value);
        var unit = string.IsNullOrWhiteSpace(q.Unit) ? string.Empty : " " + q.Unit;
        var period = string.IsNullOrWhiteSpace(q.RatePeriod) ? string.Empty : " per " + q.RatePeriod;
        var year = q.ReferenceYear is { } y ? $" ({y})" : string.Empty;
        return bound + value + unit + period + year;
    }

    private static bool Overlap(QuantityFeature a, QuantityFeature b)
    {
        var (lowA, highA) = Interval(a);
        var (lowB, highB) = Interval(b);
        return lowA <= highB && lowB <= highA;
    }

    private static string Format(double value)
    {
        if (value >= 1_000_000_000 && value % 10_000_000 == 0)
        {
            return (value / 1_000_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " billion";
        }

        if (value >= 1_000_000 && value % 10_000 == 0)
        {
            return (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " million";
        }

        return value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }
}
