namespace ClaimTracker.Extraction.Text;

/// <summary>Words that end with a dot without ending a sentence.</summary>
internal static class Abbreviations
{
    /// <summary>Titles always precede a name: a dot after them never ends a sentence.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "gov", "sen",
        "rep", "reps", "sens", "rev", "hon", "pres", "st", "fr", "sr", "jr", "messrs", "mme", "mlle",
        "vs", "v", "cf", "ft", "mt", "brig", "supt", "insp", "det", "cpl", "pvt", "amb", "atty", "gov't",
    };

    /// <summary>Other abbreviations: a dot after them ends a sentence only if a typical sentence opener follows.</summary>
    private static readonly HashSet<string> Others = new(StringComparer.Ordinal)
    {
        "inc", "corp", "ltd", "co", "bros", "etc", "al", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
        "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
        "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn",
        "tex", "va", "vt", "wash", "wis", "wyo", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c",
        "n.y", "l.a", "figs", "fig", "vol", "pp", "ed", "eds", "ave", "blvd", "rd", "univ", "assn", "intl",
    };

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "the", "he", "she", "it", "they", "we", "i", "but", "and", "in", "a", "an", "this", "that", "there", "his",
        "her", "their", "its", "on", "at", "as", "if", "when", "while", "after", "however", "yet", "so", "still",
        "meanwhile", "according", "last", "since", "for", "some", "many", "most", "what", "who", "why", "how",
    };

    public static bool IsTitle(string lowerWord) => Titles.Contains(lowerWord);

    /// <summary>Whether the dot at token <paramref name="dot"/> (or inside the word before it) does not end a sentence.</summary>
    public static bool Suppresses(Document doc, int wordIndex, int next)
    {
        if (wordIndex < 0 || doc.Tokens[wordIndex].Kind != TokenKind.Word)
        {
            return false;
        }

        var lower = doc.Lower(wordIndex).TrimEnd('.');
        if (Titles.Contains(lower))
        {
            return true;
        }

        if (lower is "no" or "nos" && (uint)next < (uint)doc.Count && doc.Tokens[next].Kind == TokenKind.Number)
        {
            return true;
        }

        // Initials: "John F. Kennedy", "H. W. Bush".
        if (doc.Tokens[wordIndex].Length == 1 && char.IsUpper(doc.First(wordIndex)))
        {
            return true;
        }

        if (Others.Contains(lower) || lower.Contains('.', StringComparison.Ordinal))
        {
            return !SentenceOpeners.Contains(doc.Lower(next));
        }

        return false;
    }
}
