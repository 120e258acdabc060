namespace ClaimTracker.Text;

/// <summary>Month names and their abbreviations, lower-case, with their numbers.</summary>
public static class CalendarWords
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["october"] = 10,
        ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>The month (1–12) a lower-case word names: "sept" → 9.</summary>
    public static bool TryMonth(string lower, out int month) => Months.TryGetValue(lower, out month);

    public static bool IsMonth(string lower) => Months.ContainsKey(lower);

    /// <summary>The full English name of month 1–12.</summary>
    public static string MonthName(int month) => MonthNames[month - 1];
}
