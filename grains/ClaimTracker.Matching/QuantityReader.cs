using ClaimTracker.Text;

namespace ClaimTracker.Matching;

/// <summary>
/// A small reader of figures in one sentence ("up to 60,000 shots per day", "2.5 million shells",
/// "between 10 and 20 people"). The service passes the extraction library's quantities; this reader
/// is the fallback for callers that have only text (the evaluation tool, tests, ad-hoc use).
/// Four-digit numbers 1900–2099 without a multiplier are read as years, not quantities.
/// </summary>
public static class QuantityReader
{
    private static readonly HashSet<string> Periods = new(StringComparer.Ordinal) {
        "day",
        "week",
        "month",
        "year",
        "hour",
        "minut",
        "second" };
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) {
        "of",
        "the",
        "a",
        "an",
        "more",
        "new",
        "additional",
        "extra" };

    public static IReadOnlyList<QuantityFeature> Read(string text)
    {
        var words = TextAnalysis.Words(text);
        var result = new List<QuantityFeature>();
        var years = words.Where(IsYear).Select(int.Parse).Distinct().ToList();
        int? referenceYear = years.Count == 1 ? years[0] : null;
        for (var i = 0; i < words.Count; i++)
        {
            if (!TryValue(words[i], out var value) || IsYear(words[i]))
            {
                continue;
            }

            var end = i;
            if (end + 1 < words.Count && NumberWords.TryScale(words[end + 1], out var factor))
            {
                value *= factor;
                end++;
            }

            var bound = BoundBefore(words, i);
            double? upper = null;
            if (i >= 1 && words[i - 1] == "between" && end + 2 < words.Count && words[end + 1] == "and"
                && TryValue(words[end + 2], out var second))
            {
                end += 2;
                if (end + 1 < words.Count && NumberWords.TryScale(words[end + 1], out var secondFactor))
                {
                    second *= secondFactor;
                    end++;
                }

                upper = second;
                bound = QuantityBounds.Range;
            }

            var (unit, afterUnit) = UnitAfter(words, end + 1);
            var period = PeriodAfter(words, afterUnit);
            result.Add(new QuantityFeature(value, upper, bound, unit, period, referenceYear));
            i = Math.Max(i, end);
        }

        return result;
    }

    private static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, out var year) && year is >= 1900 and <= 2099;

    private static bool TryValue(string word, out double value)
    {
        if (TextAnalysis.TryNumber(word, out value))
        {
            return true;
        }

        if (NumberWords.TryWord(word, out value))
        {
            return true;
        }

        // "a hundred shells": a bare scale word that is a number on its own.
        value = 100;
        return word == "hundred";
    }

    private static string BoundBefore(List<string> words, int i)
    {
        string Word(int at) => at >= 0 ? words[at] : string.Empty;
        var one = Word(i - 1);
        var two = Word(i - 2) + " " + one;
        var three = Word(i - 3) + " " + two;
        if (two is "up to" || three is "as many as" || three is "as much as")
        {
            return QuantityBounds.UpTo;
        }

        if (two is "at least" or "more than" or "over" || one is "over" or "above" or "exceeding")
        {
            return QuantityBounds.AtLeast;
        }

        if (one is "about" or "around" or "approximately" or "nearly" or "almost" or "roughly" or "some" or "estimated" or "circa"
            or "approx")
        {
            return QuantityBounds.About;
        }

        return QuantityBounds.Exact;
    }

    private static (string? Unit, int Next) UnitAfter(List<string> words, int start)
    {
        var at = start;
        while (at < words.Count && Fillers.Contains(words[at]) && at - start < 2)
        {
            at++;
        }

        if (at >= words.Count || TryValue(words[at], out _) || Periods.Contains(TextAnalysis.Stem(words[at]))
            || TextAnalysis.IsStopWord(words[at])
            || words[at] is "each" or "every" or "plus" or "minus" or "times")
        {
            return (null, start);
        }

        return (words[at], at + 1);
    }

    private static string? PeriodAfter(List<string> words, int start)
    {
        for (var at = start; at < Math.Min(words.Count, start + 4); at++)
        {
            var word = words[at];
            if (word is "daily")
            {
                return "day";
            }

            if (word is "weekly" or "monthly" or "yearly" or "annually" or "hourly")
            {
                return word == "annually" ? "year" : word[..^2];
            }

            if ((word is "per" or "a" or "each" or "every" or "an") && at + 1 < words.Count
                && Periods.Contains(TextAnalysis.Stem(words[at + 1])))
            {
                return TextAnalysis.Stem(words[at + 1]);
            }
        }

        return null;
    }
}
