using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Time phrases between speaker and cue or cue and content ("on Monday", "this past week").</summary>
internal static partial class PhraseFinder
{
    /// <summary>Nouns that end a time phrase ("on Monday", "last week").</summary>
    private static readonly HashSet<string> TimeNouns = Lexicon.Words("time-nouns");

    /// <summary>Words inside a time phrase before its noun ("this past week", "earlier that day").</summary>
    private static readonly HashSet<string> TimeModifiers = Lexicon.Words("time-modifiers");

    /// <summary>Adverbs between a speaker and the cue ("Carter however said").</summary>
    private static readonly HashSet<string> SentenceAdverbs = Lexicon.Words("sentence-adverbs");

    /// <summary>
    /// "on Monday", "last week", "this past week": the index after a short time phrase at <paramref name="start"/>, else <paramref
    /// name="start"/>.
    /// </summary>
    public static int AfterTimePhrase(Document doc, int start, int end)
    {
        var k = start;
        var after = start;
        while (k < end && k - start < 4 && doc.IsWord(k))
        {
            var lower = doc.Lower(k);
            if (TimeNouns.Contains(lower) && (lower is not ("march" or "fall") || doc.IsCapitalized(k)))
            {
                after = k + 1;
            }
            else if (!TimeModifiers.Contains(lower) || !doc.IsLowerWord(k) || lower is "that" or "the")
            {
                break;
            }

            k++;
        }

        return after;
    }

    /// <summary>"Reince Priebus this past week announced", "Lynch on Monday said": the subject ends before the time phrase.</summary>
    private static int BeforeTimeAdverbial(Document doc, int cueFirst, int limit)
    {
        var k = cueFirst - 1;
        var sawNoun = false;
        while (k >= limit && cueFirst - k <= 5 && doc.IsWord(k))
        {
            var lower = doc.Lower(k);
            if (TimeNouns.Contains(lower) && (lower is not ("march" or "fall") || doc.IsCapitalized(k)))
            {
                sawNoun = true;
            }
            else if (!TimeModifiers.Contains(lower) || !doc.IsLowerWord(k))
            {
                break;
            }

            k--;
        }

        // Leave a bare "the" or "that" to the subject; the phrase must hold a time word and leave a subject before it.
        var start = k + 1;
        while (start < cueFirst && doc.Lower(start) is "the" or "that" or "same" or "day")
        {
            start++;
        }

        return sawNoun && start > limit && start < cueFirst && ((doc.IsWord(start - 1) && !TimeModifiers.Contains(doc.Lower(start - 1)))
            || doc.Is(start - 1, ','))
            ? start : cueFirst;
    }

    /// <summary>"A month later, he …", "This week, two groups …": a time phrase ending at a comma.</summary>
    private static bool LeadsTimePhrase(Document doc, int i, int end)
    {
        var sawTime = false;
        for (var k = i; k < end && k - i < 6 && doc.IsWord(k); k++)
        {
            sawTime |= TimeNouns.Contains(doc.Lower(k)) || doc.Is(k, "later") || doc.Is(k, "ago") || doc.Is(k, "earlier");
            if (sawTime && doc.Is(k + 1, ','))
            {
                return true;
            }
        }

        return false;
    }
}
