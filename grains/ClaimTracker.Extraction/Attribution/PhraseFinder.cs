using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// Finds the noun phrase naming a speaker next to a cue without a parser: walks a bounded
/// number of tokens over name-like words and stops at clause words, verbs and punctuation.
/// Every walk is bounded, so the cost per cue is constant.
/// </summary>
internal static partial class PhraseFinder
{
    private const int MaxSubjectTokens = 12;
    private const int MaxAppositiveTokens = 30;
    private const int MaxForwardTokens = 30;

    /// <summary>Words that end a walk over a speaker phrase: clause words, auxiliaries and cues.</summary>
    private static readonly HashSet<string> ClauseStops = Lexicon.Words("clause-stops");

    /// <summary>Pronouns that can be a speaker.</summary>
    private static readonly HashSet<string> Pronouns = Lexicon.Words("pronouns");

    /// <summary>Pronouns that can be the addressee after "told".</summary>
    private static readonly HashSet<string> ObjectPronouns = Lexicon.Words("object-pronouns");

    /// <summary>Words that open a phrase before the subject of a sentence ("In a statement, …").</summary>
    private static readonly HashSet<string> LeadingPrepositions = Lexicon.Words("leading-prepositions");

    /// <summary>Words that end a speaker phrase after an inverted cue ("said Smith on Monday").</summary>
    private static readonly HashSet<string> ForwardStops = Lexicon.Words("forward-stops");

    /// <summary>Words that open an appositive after a name ("Kim Jong-dae, a former lawmaker, …").</summary>
    private static readonly HashSet<string> AppositiveOpeners = Lexicon.Words("appositive-openers");

    public static bool IsPronoun(string lower) => Pronouns.Contains(lower);

    public static bool IsObjectPronoun(string lower) => ObjectPronouns.Contains(lower);

    private static bool IsDash(Document doc, int i) => (doc.Is(i, '—') || doc.Is(i, '–') || doc.Is(i, '-')) && IsSpacedDash(doc, i);

    private static bool IsAllCaps(Document doc, int i)
    {
        foreach (var c in doc.Text.AsSpan(doc.Tokens[i].Begin, doc.Tokens[i].Length))
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpacedDash(Document doc, int i)
        => (i > 0 && doc.Tokens[i - 1].End < doc.Tokens[i].Begin) || (i + 1 < doc.Count && doc.Tokens[i + 1].Begin > doc.Tokens[i].End);

    private static bool HasCapital(Document doc, TokenRange range)
    {
        for (var i = range.First; i < range.End; i++)
        {
            if (doc.IsCapitalized(i))
            {
                return true;
            }
        }

        return false;
    }

    private static int FindOpenParen(Document doc, int close, int limit)
    {
        for (var k = close - 1; k >= limit && close - k <= 8; k--)
        {
            if (doc.Is(k, '('))
            {
                return k;
            }
        }

        return -1;
    }

    private static int FindCloseParen(Document doc, int open, int end)
    {
        for (var k = open + 1; k < end && k - open <= 8; k++)
        {
            if (doc.Is(k, ')'))
            {
                return k;
            }
        }

        return -1;
    }
}
