using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Quantities;

/// <summary>
/// Years ("in 2022"), month-day dates ("Sept. 11", "13 September 2023"), weekdays and relative
/// days ("on Wednesday", "yesterday") and relative years ("this year"), dated against the
/// publication date when there is one.
/// </summary>
internal static class TimeParser
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    public static bool IsYear(Document doc, int i)
    {
        var token = doc.Tokens[i];
        if (token.Kind != TokenKind.Number || token.Length != 4)
        {
            return false;
        }

        for (var k = token.Begin; k < token.End; k++)
        {
            if (!char.IsAsciiDigit(doc.Text[k]))
            {
                return false;
            }
        }

        var century = (doc.Text[token.Begin] - '0') * 10 + (doc.Text[token.Begin + 1] - '0');
        return century is 18 or 19 or 20 && !doc.Is(i + 1, '%');
    }

    public static int YearValue(Document doc, int i) => int.Parse(doc.TextOf(i), System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsMonth(Document doc, int i) => doc.IsCapitalized(i) && CalendarWords.IsMonth(doc.Lower(i)) && doc.Lower(i) != "may";

    public static List<TimeMention> Parse(Document doc, DateOnly? published)
    {
        var result = new List<TimeMention>();
        var n = doc.Count;
        for (var i = 0; i < n; i++)
        {
            var lower = doc.Lower(i);
            if (CalendarWords.TryMonth(lower, out var month) && doc.IsCapitalized(i)
                && (lower != "may" || (i + 1 < n && doc.Tokens[i + 1].Kind == TokenKind.Number)))
            {
                var j = doc.Is(i + 1, '.') ? i + 2 : i + 1;
                int? day = null;
                int? year = null;
                var last = i;
                if (j < n && doc.Tokens[j].Kind == TokenKind.Number && !IsYear(doc, j) && int.TryParse(doc.TextOf(j), out var d)
                    && d is >= 1 and <= 31)
                {
                    day = d;
                    last = j;
                    j++;
                    if (doc.Is(j, ','))
                    {
                        j++;
                    }
                }

                if (j < n && IsYear(doc, j))
                {
                    year = YearValue(doc, j);
                    last = j;
                }
                else if (i > 0 && doc.Tokens[i - 1].Kind == TokenKind.Number && int.TryParse(doc.TextOf(i - 1), out var d2)
                    && d2 is >= 1 and <= 31
                    && day is null)
                {
                    day = d2;
                    if (i + 1 < n && IsYear(doc, i + 1))
                    {
                        year = YearValue(doc, i + 1);
                        last = i + 1;
                    }

                    result.Add(Make(doc, i - 1, last, month, day, year ?? published?.Year));
                    i = last;
                    continue;
                }

                if (day is null && year is null)
                {
                    continue;
                }

                result.Add(Make(doc, i, last, month, day, year ?? published?.Year));
                i = last;
                continue;
            }

            if (IsYear(doc, i))
            {
                var year = YearValue(doc, i);
                result.Add(new TimeMention(doc.SpanOf(i, i), doc.TextOf(i), null, year));
                continue;
            }

            if (doc.Tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            if (Weekdays.TryGetValue(lower, out var weekday) && doc.IsCapitalized(i))
            {
                DateOnly? date = null;
                if (published is { } p)
                {
                    var back = ((int)p.DayOfWeek - (int)weekday + 7) % 7;
                    date = p.AddDays(-back);
                }

                result.Add(new TimeMention(doc.SpanOf(i, i), doc.TextOf(i), date, date?.Year));
                continue;
            }

            var offset = lower switch
            {
                "yesterday" => -1,
                "today" => 0,
                "tomorrow" => 1,
                _ => (int?)null,
            };
            if (offset is { } o)
            {
                var date = published?.AddDays(o);
                result.Add(new TimeMention(doc.SpanOf(i, i), doc.TextOf(i), date, date?.Year));
                continue;
            }

            if (lower is "this" or "last" or "next" && doc.Is(i + 1, "year"))
            {
                var delta = lower switch { "last" => -1, "next" => 1, _ => 0 };
                int? year = published is { } p ? p.Year + delta : null;
                result.Add(new TimeMention(doc.SpanOf(i, i + 1), doc.Slice(i, i + 1), null, year));
                i++;
            }
        }

        return result;
    }

    private static TimeMention Make(Document doc, int first, int last, int month, int? day, int? year)
    {
        DateOnly? date = null;
        if (day is { } d && year is { } y && y is >= 1 and <= 9999 && d <= DateTime.DaysInMonth(y, month))
        {
            date = new DateOnly(y, month, d);
        }

        return new TimeMention(doc.SpanOf(first, last), doc.Slice(first, last), date, year);
    }
}
