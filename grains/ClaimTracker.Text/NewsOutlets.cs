namespace ClaimTracker.Text;

/// <summary>
/// Names of news outlets and agencies ("afp", "the new york times"), lower-case, from the lexicon file
/// <c>Lexicons/news-outlets.txt</c>: one name a line, <c>#</c> starts a comment.
/// </summary>
public static class NewsOutlets
{
    private static readonly HashSet<string> Known = LexiconFile.Read("news-outlets")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether exactly this name (case ignored) is on the list.</summary>
    public static bool Contains(string name) => Known.Contains(name);
}
