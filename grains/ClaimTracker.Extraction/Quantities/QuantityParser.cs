using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Quantities;

/// <summary>
/// Quantities in one forward pass: digits or number words with scales ("1.7 million", "2.5m"),
/// bounds before them ("up to", "more than", "about"), ranges ("between 10 and 20", "10-20"),
/// currency and percent, the counted noun ("shells"), a rate ("per day") and the year referred to
/// ("in 2022", "this year"). Years, dates, list numbers and numbers glued to letters ("F-16",
/// "Soyuz-2") are not quantities.
/// </summary>
internal static class QuantityParser
{
    private static readonly HashSet<string> UnitStops = new(StringComparer.Ordinal)
    {
        "of", "in", "to", "a", "an", "the", "and", "or", "per", "for", "on", "at", "from", "by", "with", "than", "that",
        "this", "is", "was", "were", "are", "has", "have", "will", "would", "more", "less", "up", "over", "as", "its",
        "their", "his", "her", "who", "which", "had", "be", "been", "it", "each", "every", "out", "last", "next", "into",
    };

    private static readonly Dictionary<string, string> Currencies = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₽"] = "RUB", ["₴"] = "UAH",
    };

    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.Ordinal)
    {
        ["dollars"] = "USD", ["dollar"] = "USD", ["euros"] = "EUR", ["euro"] = "EUR", ["pounds"] = "GBP",
        ["rubles"] = "RUB", ["roubles"] = "RUB", ["yen"] = "JPY", ["yuan"] = "CNY", ["hryvnias"] = "UAH",
    };

    private static readonly Dictionary<string, string> PeriodNouns = new(StringComparer.Ordinal)
    {
        ["day"] = "day", ["week"] = "week", ["month"] = "month", ["year"] = "year", ["annum"] = "year", ["hour"] = "hour",
    };

    private static readonly Dictionary<string, string> PeriodAdverbs = new(StringComparer.Ordinal)
    {
        ["daily"] = "day", ["weekly"] = "week", ["monthly"] = "month", ["annually"] = "year", ["yearly"] = "year", ["hourly"] = "hour",
    };

    public static List<QuantityMention> Parse(Document doc, int? publishedYear)
    {
        var result = new List<QuantityMention>();
        var n = doc.Count;
        for (var i = 0; i < n; i++)
        {
            if (!TryValue(doc, i, out var value, out var last))
            {
                continue;
            }

            if (Excluded(doc, i))
            {
                i = last;
                continue;
            }

            var first = i;
            string? unit = null;
            if (i > 0 && Currencies.TryGetValue(doc.TextOf(i - 1), out var currency))
            {
                unit = currency;
                first = i - 1;
            }

            var bound = BoundBefore(doc, first, out var boundFirst);
            double? upper = null;

            // "between 10 and 20", "10 to 20", "10-20"
            if (doc.Is(last + 1, "and") && bound == "between" || doc.Is(last + 1, "to") && !PrecededByFrom(doc, boundFirst))
            {
                if (TryValue(doc, last + 2, out var upperValue, out var upperLast) && !Excluded(doc, last + 2))
                {
                    upper = upperValue;
                    last = upperLast;
                }
            }

            if (bound == "between")
            {
                bound = "exact";
            }

            var k = last + 1;
            if (doc.Is(k, '%') || doc.Is(k, "percent") || doc.Is(k, "pc"))
            {
                unit = "percent";
                last = k;
                k++;
            }
            else if (doc.Is(k, "per") && doc.Is(k + 1, "cent"))
            {
                unit = "percent";
                last = k + 1;
                k += 2;
            }
            else if (unit is null && k < n && doc.IsLowerWord(k) && !UnitStops.Contains(doc.Lower(k))
                && !PeriodAdverbs.ContainsKey(doc.Lower(k)))
            {
                unit = CurrencyWords.GetValueOrDefault(doc.Lower(k), doc.Lower(k));
                last = k;
                k++;
                if (doc.IsLowerWord(k) && !UnitStops.Contains(doc.Lower(k)) && doc.Lower(k).EndsWith('s') && !unit.EndsWith('s')
                    && !PeriodAdverbs.ContainsKey(doc.Lower(k)))
                {
                    // "artillery shells": the head noun is the last one.
                    unit = doc.Lower(k);
                    last = k;
                    k++;
                }
            }

            if (doc.Tokens[i].Kind == TokenKind.Word && !char.IsDigit(doc.First(i))
                && (unit is null || unit.EndsWith("ed", StringComparison.Ordinal) || unit == "ones")
                && last == i + (unit is null ? 0 : 1))
            {
                // "the two discussed", "two new ones": a number word without a counted noun is not a figure.
                i = last;
                continue;
            }

            var period = RateAfter(doc, k, ref last);
            var year = YearAfter(doc, last + 1, publishedYear);
            result.Add(new QuantityMention(
                new TextSpan(doc.Tokens[boundFirst].Begin, doc.Tokens[last].End),
                value,
                upper,
                bound,
                unit,
                period,
                year));
            i = last;
        }

        CarryUnits(doc, result);
        return result;
    }

    /// <summary>"from 1.7 million in 2022 to an expected 2.5 million shells": the first figure counts shells too.</summary>
    private static void CarryUnits(Document doc, List<QuantityMention> quantities)
    {
        for (var q = 0; q + 1 < quantities.Count; q++)
        {
            var a = quantities[q];
            var b = quantities[q + 1];
            if (a.Unit is not null || b.Unit is null || b.Span.Begin - a.Span.End > 60)
            {
                continue;
            }

            var between = doc.Text.AsSpan(a.Span.End, b.Span.Begin - a.Span.End);
            if (between.Contains(" to ", StringComparison.Ordinal) || between.StartsWith("to ", StringComparison.Ordinal)
                || between.Contains(" and ", StringComparison.Ordinal))
            {
                quantities[q] = a with { Unit = b.Unit, RatePeriod = a.RatePeriod ?? b.RatePeriod };
            }
        }
    }

    private static bool TryValue(Document doc, int i, out double value, out int last)
    {
        value = 0;
        last = i;
        if (i >= doc.Count)
        {
            return false;
        }

        var token = doc.Tokens[i];
        var lower = doc.Lower(i);
        if (token.Kind == TokenKind.Number)
        {
            if (!NumberWords.TryDigits(doc.TextOf(i), out value))
            {
                return false;
            }
        }
        else if (token.Kind == TokenKind.Word && char.IsDigit(lower[0]))
        {
            return NumberWords.TryGluedScale(lower, out value);
        }
        else if (token.Kind != TokenKind.Word || !NumberWords.TryWord(lower, out value))
        {
            return false;
        }

        while (last + 1 < doc.Count && doc.Tokens[last + 1].Kind == TokenKind.Word && doc.Lower(last + 1).Length > 2
               && NumberWords.TryScale(doc.Lower(last + 1), out var scale))
        {
            value *= scale;
            last++;
        }

        if (lower == "one" && last == i)
        {
            return false;
        }

        return true;
    }

    private static bool Excluded(Document doc, int i)
    {
        if (TimeParser.IsYear(doc, i))
        {
            return true;
        }

        // Dates ("Sept. 11", "11 September"), list numbering ("1)"), clock times, "No. 5".
        if (i > 0 && (TimeParser.IsMonth(doc, i - 1) || doc.Is(i - 1, '.') && i > 1 && TimeParser.IsMonth(doc, i - 2)))
        {
            return true;
        }

        if (i + 1 < doc.Count && TimeParser.IsMonth(doc, i + 1))
        {
            return true;
        }

        if (doc.Is(i + 1, ')') && (i == 0 || doc.Tokens[i].NewlinesBefore > 0))
        {
            return true;
        }

        if (doc.Is(i + 1, ':') && i + 2 < doc.Count && doc.Tokens[i + 2].Kind == TokenKind.Number
            && doc.Tokens[i + 2].Begin == doc.Tokens[i + 1].End)
        {
            return true;
        }

        if (i > 0 && (doc.Is(i - 1, '#')
            || doc.Is(i - 1, '-') && doc.Tokens[i - 1].Begin > 0 && doc.Tokens[i - 1].Begin == doc.Tokens[Math.Max(i - 2, 0)].End))
        {
            return true;
        }

        return false;
    }

    private static string BoundBefore(Document doc, int first, out int boundFirst)
    {
        boundFirst = first;
        var p1 = doc.Lower(first - 1);
        var p2 = doc.Lower(first - 2);
        var p3 = doc.Lower(first - 3);
        if (p1 is "an" && p2 is "of" && p3 is "upwards")
        {
            boundFirst = first - 3;
            return "more than";
        }

        (string Bound, int Words)? match = (p2, p1) switch
        {
            ("up", "to") => ("up to", 2),
            ("at", "least") => ("at least", 2),
            ("no", "fewer" or "less") when p3 != "than" => ("at least", 2),
            ("more" or "greater", "than") => ("more than", 2),
            ("less" or "fewer", "than") => ("less than", 2),
            ("as", "many" or "much") => ("up to", 2),
            ("close", "to") => ("about", 2),
            ("an", "estimated") => ("about", 2),
            _ => null,
        };
        match ??= p1 switch
        {
            "about" or "around" or "approximately" or "roughly" or "nearly" or "almost" or "some" or "estimated" or "circa"
                or "approx" => ("about", 1),
            "over" or "above" or "exceeding" => ("more than", 1),
            "under" or "below" => ("less than", 1),
            "between" => ("between", 1),
            _ => null,
        };
        if (match is { } m)
        {
            boundFirst = first - m.Words;
            return m.Bound;
        }

        return "exact";
    }

    private static bool PrecededByFrom(Document doc, int first)
    {
        for (var k = first - 1; k >= 0 && first - k <= 3; k--)
        {
            if (doc.Is(k, "from"))
            {
                return true;
            }
        }

        return false;
    }

    private static string? RateAfter(Document doc, int k, ref int last)
    {
        var lower = doc.Lower(k);
        if (PeriodAdverbs.TryGetValue(lower, out var adverb))
        {
            last = k;
            return adverb;
        }

        if (lower is "per" or "a" or "an" or "each" or "every" && PeriodNouns.TryGetValue(doc.Lower(k + 1), out var period))
        {
            last = k + 1;
            return period;
        }

        return null;
    }

    private static int? YearAfter(Document doc, int k, int? publishedYear)
    {
        var lower = doc.Lower(k);
        if (lower is "in" or "for" or "by" or "during" && k + 1 < doc.Count && TimeParser.IsYear(doc, k + 1))
        {
            return TimeParser.YearValue(doc, k + 1);
        }

        if ((lower is "this" or "last" or "next") && doc.Is(k + 1, "year"))
        {
            return publishedYear is { } y ? y + (lower == "last" ? -1 : lower == "next" ? 1 : 0) : null;
        }

        return null;
    }
}
