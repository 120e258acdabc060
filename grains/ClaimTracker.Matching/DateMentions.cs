namespace ClaimTracker.Matching;

/// <summary>Calendar dates written out in a sentence ("March 3", "3 March 2015", "on Oct. 22").</summary>
internal static class DateMentions
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>(month, day, year?) triples in reading order; "may" counts only next to a day number.</summary>
    public static List<(int Month, int Day, int? Year)> Read(string text)
    {
        var words = TextAnalysis.Words(text);
        var found = new List<(int, int, int?)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!Months.TryGetValue(words[i], out var month))
            {
                continue;
            }

            int? day = null;
            var yearAt = -1;
            if (i + 1 < words.Count && TryDay(words[i + 1], out var after))
            {
                day = after;
                yearAt = i + 2;
            }
            else if (i >= 1 && TryDay(words[i - 1], out var before))
            {
                day = before;
                yearAt = i + 1;
            }

            if (day is null)
            {
                continue;
            }

            int? year = yearAt < words.Count && words[yearAt].Length == 4 && int.TryParse(words[yearAt], out var y) && y is >= 1900 and <= 2099 ? y : null;
            found.Add((month, day.Value, year));
        }

        return found;
    }

    public static string Describe((int Month, int Day, int? Year) date) =>
        $"{MonthNames[date.Month - 1]} {date.Day}" + (date.Year is { } y ? $", {y}" : string.Empty);

    private static bool TryDay(string word, out int day)
    {
        var digits = word.EndsWith("st", StringComparison.Ordinal) || word.EndsWith("nd", StringComparison.Ordinal)
            || word.EndsWith("rd", StringComparison.Ordinal) || word.EndsWith("th", StringComparison.Ordinal)
            ? word[..^2]
            : word;
        return int.TryParse(digits, out day) && day is >= 1 and <= 31;
    }
}
