using ClaimTracker.Text;

namespace ClaimTracker.Analysis.Identity;

/// <summary>
/// Guesses an actor's kind from its name alone, for structured statements that carry no kind.
/// Text extraction supplies better kinds; this is the fallback.
/// </summary>
public static class ActorKindGuesser
{
    private static readonly string[] GovernmentWords =
    [
        "ministry", "government", "kremlin", "white house", "state department", "pentagon", "army",
        "armed forces", "general staff", "defence intelligence", "defense intelligence", "military intelligence",
        "embassy", "parliament", "president's office", "presidential", "cabinet", "police", "navy", "air force",
    ];

    private static readonly string[] OrganizationWords =
    [
        "data", "agency", "institute", "council", "committee", "university", "intelligence", "company",
        "group", "party", "union", "association", "foundation", "center", "centre", "office", "organization",
        "organisation", "bank", "corporation", "inc", "ltd", "media", "television", "officials", "sources",
    ];

    private static readonly string[] OutletWords
        = ["news", "times", "post", "herald", "journal", "gazette", "tribune", "independent", "monde", "press", "tv", "radio"];

    public static ActorKind GuessSpeaker(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (NewsOutlets.Contains(lower))
        {
            return ActorKind.Outlet;
        }

        if (GovernmentWords.Any(lower.Contains))
        {
            return ActorKind.Government;
        }

        if (OrganizationWords.Any(word => ContainsWord(lower, word)))
        {
            return ActorKind.Organization;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4 && words.All(w => char.IsUpper(w[0]))
            ? ActorKind.Person
            : ActorKind.Organization;
    }

    /// <summary>Kind of an intermediary in an attribution chain: usually an agency or outlet.</summary>
    public static ActorKind GuessIntermediary(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (NewsOutlets.Contains(lower) || OutletWords.Any(word => ContainsWord(lower, word)))
        {
            return ActorKind.Outlet;
        }

        var speakerGuess = GuessSpeaker(name);
        return speakerGuess == ActorKind.Person ? ActorKind.Outlet : speakerGuess;
    }

    private static bool ContainsWord(string haystack, string word)
    {
        var index = haystack.IndexOf(word, StringComparison.Ordinal);
        while (index >= 0)
        {
            var startOk = index == 0 || !char.IsLetter(haystack[index - 1]);
            var end = index + word.Length;
            var endOk = end == haystack.Length || !char.IsLetter(haystack[end]);
            if (startOk && endOk)
            {
                return true;
            }

            index = haystack.IndexOf(word, index + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
