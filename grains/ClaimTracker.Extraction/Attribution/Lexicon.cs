namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// The word lists of the attribution rules, kept as plain-text files in <c>Attribution/Lexicons</c> and embedded in
/// the assembly: one entry per line, its fields separated by white space, <c>#</c> starting a comment.
/// Each list is read once, when the type that uses it is first touched.
/// </summary>
internal static class Lexicon
{
    private const string ResourcePrefix = "ClaimTracker.Extraction.Lexicons.";

    /// <summary>The names of all embedded lists ("cue-verbs", "hedges", …).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(Lexicon).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".txt".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A list of single words, compared ordinally.</summary>
    public static HashSet<string> Words(string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries(name))
        {
            if (entry.Length != 1)
            {
                throw new InvalidDataException($"lexicon '{name}': one word per line expected, found '{string.Join(' ', entry)}'");
            }

            words.Add(entry[0]);
        }

        return words;
    }

    /// <summary>The entries of a list: each line's fields, comments and blank lines left out.</summary>
    public static List<string[]> Entries(string name) =>
    [
        .. LexiconFile.Read(typeof(Lexicon).Assembly, ResourcePrefix + name + ".txt")
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
    ];
}
