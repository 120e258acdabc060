namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// The word lists of <see cref="PropositionWriter"/>, plain-text files in <c>Propositions/Lexicons</c> embedded
/// in the assembly: one entry a line, words separated by spaces, <c>#</c> starting a comment. Read once.
/// </summary>
internal static class PropositionLexicon
{
    private const string ResourcePrefix = "ClaimTracker.Extraction.Propositions.Lexicons.";

    /// <summary>Connectives dropped from a claim's start, each as its lower-case words, longest first.</summary>
    public static IReadOnlyList<string[]> LeadingConnectives { get; } =
        [.. Entries("leading-connectives").OrderByDescending(words => words.Length)];

    /// <summary>Negative-polarity items (as their words, longest first) and their plain forms; an empty form drops the item.</summary>
    public static IReadOnlyList<(string[] Item, string Plain)> NegativePolarity { get; } =
        [.. Entries("negative-polarity").Select(ToPair).OrderByDescending(pair => pair.Item.Length)];

    public static IReadOnlySet<string> Determiners { get; } = Words("determiners");

    /// <summary>Auxiliaries and copulas that open a verb phrase (the extractor's own lexicon).</summary>
    public static IReadOnlySet<string> FiniteAuxiliaries { get; } = Attribution.Lexicon.Words("finite-auxiliaries");

    public static IReadOnlySet<string> MassNouns { get; } = Words("mass-nouns");

    public static IReadOnlySet<string> Negators { get; } = Words("negators");

    public static IReadOnlySet<string> PairNouns { get; } = Words("pair-nouns");

    private static (string[] Item, string Plain) ToPair(string[] entry)
    {
        if (entry.Length < 2)
        {
            throw new InvalidDataException($"negative-polarity: '{string.Join(' ', entry)}' needs the item and its plain form");
        }

        return (entry[..^1], entry[^1] == "-" ? string.Empty : entry[^1]);
    }

    private static HashSet<string> Words(string name) =>
        Entries(name).Select(words => string.Join(' ', words)).ToHashSet(StringComparer.Ordinal);

    private static List<string[]> Entries(string name) =>
    [
        .. LexiconFile.Read(typeof(PropositionLexicon).Assembly, ResourcePrefix + name + ".txt")
            .Select(line => line.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)),
    ];
}
