using System.Globalization;

namespace ClaimTracker.Text;

/// <summary>Numerals written as words ("forty-five", "dozens") and scale words ("million", "bn").</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["dozen"] = 12, ["dozens"] = 24, ["hundreds"] = 200, ["thousands"] = 2000,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.Ordinal)
    {
        ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12,
        ["millions"] = 1e6, ["billions"] = 1e9, ["m"] = 1e6, ["mn"] = 1e6, ["mln"] = 1e6, ["bn"] = 1e9, ["k"] = 1e3,
        ["tn"] = 1e12,
    };

    public static bool TryWord(string lower, out double value)
    {
        if (Units.TryGetValue(lower, out value))
        {
            return true;
        }

        // "forty-five"
        var dash = lower.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Units.TryGetValue(lower[..dash], out var tens) && tens >= 20
            && Units.TryGetValue(lower[(dash + 1)..], out var ones) && ones < 10)
        {
            value = tens + ones;
            return true;
        }

        return false;
    }

    public static bool TryScale(string lower, out double scale) => Scales.TryGetValue(lower, out scale);

    public static bool TryDigits(string text, out double value)
        => double.TryParse(
            text.Replace(",", string.Empty, StringComparison.Ordinal),
            NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out value);

    /// <summary>"2.5m", "5bn", "10k": digits glued to a scale suffix.</summary>
    public static bool TryGluedScale(string lower, out double value)
    {
        value = 0;
        var k = 0;
        while (k < lower.Length && (char.IsDigit(lower[k]) || lower[k] is '.' or ','))
        {
            k++;
        }

        if (k == 0 || k == lower.Length || !TryDigits(lower[..k], out var number)
            || !TryScale(lower[k..], out var scale))
        {
            return false;
        }

        value = number * scale;
        return true;
    }
}
