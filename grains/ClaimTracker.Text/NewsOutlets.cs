namespace ClaimTracker.Text;

/// <summary>
/// Names of news outlets and agencies ("afp", "the new york times"), lower-case, from the lexicon file
/// <c>Lexicons/news-outlets.txt</c>: one name a line, <c>#</c> starts a comment.
/// </summary>
public static class NewsOutlets
{
    private static readonly HashSet<string> Known = LexiconFile.Read("news-outlets")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the name, as written or without a leading "the", is a known outlet.</summary>
    public static bool IsKnown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return Known.Contains(trimmed)
            || Known.Contains("the " + trimmed)
            || (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && Known.Contains(trimmed[4..]));
    }

    /// <summary>Whether exactly this name (case ignored) is on the list.</summary>
    public static bool Contains(string name) => Known.Contains(name);
}
