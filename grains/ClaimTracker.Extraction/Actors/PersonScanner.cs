using ClaimTracker.Extraction.Attribution;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Actors;

/// <summary>
/// A first pass over the text for people introduced with a title or role ("President Putin",
/// "North Korean leader Kim Jong Un", "Kremlin spokesman Dmitry Peskov"), so that a later bare
/// "Putin" or "Kim" resolves to them and "he" has an antecedent.
/// </summary>
internal static class PersonScanner
{
    private static readonly HashSet<string> CapitalizedTitles = new(StringComparer.Ordinal)
    {
        "President", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "General", "Sen.", "Senator", "Gov.", "Governor", "Rep.",
        "Secretary", "Chancellor", "King", "Queen", "Prince", "Pope", "Judge", "Ambassador", "Admiral", "Mayor",
        "Minister", "Prof.", "Professor", "Premier", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Gov", "Rep", "Prof",
    };

    public static void Register(Document doc, List<Paragraph> paragraphs, ActorRegistry registry)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Kind == BlockKind.Boilerplate)
            {
                continue;
            }

            var i = paragraph.First;
            while (i < paragraph.End)
            {
                var isTitle = doc.IsCapitalized(i) && CapitalizedTitles.Contains(doc.TextOf(i));
                var isRole = doc.IsLowerWord(i) && Lexicons.PersonRoles.Contains(doc.Lower(i));
                if (!isTitle && !isRole)
                {
                    i++;
                    continue;
                }

                var runStart = i + 1;
                if (doc.Is(runStart, '.'))
                {
                    runStart++;
                }

                var runEnd = runStart;
                while (runEnd < paragraph.End && runEnd - runStart < 4 && doc.IsCapitalized(runEnd)
                    && !CapitalizedTitles.Contains(doc.TextOf(runEnd)))
                {
                    runEnd++;
                }

                if (runEnd == runStart)
                {
                    i++;
                    continue;
                }

                var start = i;
                while (start - 1 >= paragraph.First && i - start < 3 && doc.IsCapitalized(start - 1) && !IsSentenceOpener(doc, start - 1))
                {
                    start--;
                }

                var phrase = ActorPhraseParser.Parse(doc, new TokenRange(start, runEnd));
                if (phrase is { IsPronoun: false, IsGeneric: false } && phrase.Kind == ActorKindHint.Person)
                {
                    registry.Resolve(phrase, doc.Tokens[runStart].Begin, referenced: false);
                }

                i = runEnd;
            }
        }
    }

    private static bool IsSentenceOpener(Document doc, int i)
        => doc.Lower(i) is "the" or "a" or "an" or "with" or "in" or "on" or "but" or "and" or "after" or "as" or "when"
            or "former" or "his" or "her";
}
