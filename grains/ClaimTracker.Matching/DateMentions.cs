using ClaimTracker.Text;

namespace ClaimTracker.Matching;

/// <summary>Calendar dates written out in a sentence ("March 3", "3 March 2015", "on Oct. 22").</summary>
internal static class DateMentions
{
    /// <summary>(month, day, year?) triples in reading order; "may" counts only next to a day number.</summary>
    public static List<(int Month, int Day, int? Year)> Read(string text) => Read(TextAnalysis.Words(text));

    /// <summary>As <see cref="Read(string)"/>, from the text's <see cref="TextAnalysis.Words"/>.</summary>
    public static List<(int Month, int Day, int? Year)> Read(List<string> words)
    {
        var found = new List<(int, int, int?)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!CalendarWords.TryMonth(words[i], out var month))
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

            int? year = yearAt < words.Count && words[yearAt].Length == 4 && int.TryParse(words[yearAt], out var y)
                && y is >= 1900 and <= 2099 ? y : null;
            found.Add((month, day.Value, year));
        }

        return found;
    }

    public static string Describe((int Month, int Day, int? Year) date) =>
        $"{CalendarWords.MonthName(date.Month)} {date.Day}" + (date.Year is { } y ? $", {y}" : string.Empty);

    private static bool TryDay(string word, out int day)
    {
        var digits = word.EndsWith("st", StringComparison.Ordinal) || word.EndsWith("nd", StringComparison.Ordinal)
            || word.EndsWith("rd", StringComparison.Ordinal) || word.EndsWith("th", StringComparison.Ordinal)
            ? word[..^2]
            : word;
        return int.TryParse(digits, out day) && day is >= 1 and <= 31;
    }
}
