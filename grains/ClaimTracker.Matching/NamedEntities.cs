namespace ClaimTracker.Matching;

/// <summary>The names a statement mentions, as the linker compares them.</summary>
public static class NamedEntities
{
    private static readonly char[] Separators = [' ', ',', ';', ':', '"', '“', '”', '(', ')', '.', '!', '?'];

    /// <summary>
    /// Names in the text: capitalised words past the first, and acronyms. None in a text whose capitals
    /// say nothing (title case or capitals: "Axl Rose NOT Dead: Fake Death Hoax Goes Viral"), where every
    /// word would pass for a name and two headlines of one template would share half a dozen.
    /// </summary>
    public static IReadOnlyList<string> Read(string text)
    {
        if (KeyNames.Read(text) is null)
        {
            return [];
        }

        var names = new List<string>();
        var words = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i].Trim('\'', '’');
            if (word.Length > 1 && char.IsUpper(word[0]) && !names.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(word);
            }
        }

        return names;
    }
}
