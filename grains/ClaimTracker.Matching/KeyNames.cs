namespace ClaimTracker.Matching;

/// <summary>
/// The names a sentence-case text gives (people, places, organisations: "Gill Rosenberg", "Kansas
/// City", "ISIS"), as lower-case words, for telling a distinct proposition on the same topic from a
/// paraphrase. Capitalisation is the only evidence, so a text in title case or capitals ("Axl Rose NOT
/// Dead: Fake MSNBC Death Hoax Goes Viral") gives none: there every word looks like a name.
/// </summary>
public static class KeyNames
{
    /// <summary>
    /// The words of the names in <paramref name="text"/> (capitalised words past the first, and an acronym
    /// anywhere; function words, possessives and hyphens removed: "Jong-un's" → "jong", "un"), or null when
    /// the text's capitals say nothing (no word past the first is in lower case).
    /// </summary>
    public static IReadOnlySet<string>? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Split(
            [' ', '\t', '\n', ',', ';', ':', '"', '“', '”', '‘', '(', ')', '[', ']', '!', '?', '/'],
            StringSplitOptions.RemoveEmptyEntries);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lowerCaseWords = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].Trim('.', '\'', '’', '-', '—', '–');
            if (token.Length == 0 || !char.IsLetter(token[0]))
            {
                continue;
            }

            if (i > 0 && token.All(c => !char.IsLetter(c) || char.IsLower(c)))
            {
                // Title case leaves function words in lower case ("Caught Off Guard on Live TV"): they prove nothing.
                lowerCaseWords += TextAnalysis.IsStopWord(token.ToLowerInvariant()) ? 0 : 1;
                continue;
            }

            var isAcronym = token.Length > 1 && token.All(c => !char.IsLetter(c) || char.IsUpper(c));
            if ((i > 0 || isAcronym) && char.IsUpper(token[0]))
            {
                foreach (var word in TextAnalysis.Words(token))
                {
                    if (word.Length > 1 && !TextAnalysis.IsStopWord(word))
                    {
                        names.Add(word);
                    }
                }
            }
        }

        return lowerCaseWords == 0 ? null : names;
    }
}
