using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// A noun of saying with its possessor and complement: "his call for a ban",
/// "Trump's claim that Mexico will pay", "her refusal to disavow the group", "their attacks on Cruz".
/// The possessor is the source, the noun (with its preposition) the cue, the complement the content.
/// </summary>
internal static class NominalCue
{
    private const int MaxContentTokens = 30;

    /// <summary>
    /// Nominalisations of verbs of communication. Nouns of plan, decision and attitude ("his plan to", "her
    /// support for") are left out: PolNeAR's train split marks most of them as no attribution.
    /// </summary>
    private static readonly HashSet<string> Nouns = Lexicon.Words("nominal-cues");

    /// <summary>Possessors that can be the source of a noun of saying ("his call for").</summary>
    private static readonly HashSet<string> PossessivePronouns = Lexicon.Words("possessive-pronouns");

    /// <summary>Words that end a noun-phrase complement: a finite verb or a clause opener after it.</summary>
    private static readonly HashSet<string> ComplementStops = Lexicon.Words("complement-stops");

    /// <summary>The attribution whose noun cue is at <paramref name="noun"/>, or null.</summary>
    public static RawAttribution? At(Document doc, int noun, int first, int end)
    {
        if (!doc.IsLowerWord(noun) || !Nouns.Contains(doc.Lower(noun)) || noun + 2 >= end)
        {
            return null;
        }

        var source = Possessor(doc, noun, first);
        if (source.IsEmpty)
        {
            return null;
        }

        var next = noun + 1;
        var lowerNext = doc.Lower(next);
        int contentFirst;
        int cueEnd;
        if (lowerNext == "that" || (lowerNext == "to" && doc.IsLowerWord(next + 1) && IsBareVerb(doc, next + 1)))
        {
            // "his claim that …", "her refusal to disavow …": the clause is the content.
            contentFirst = next;
            cueEnd = next;
        }
        else if (lowerNext == "for" && doc.Lower(noun) is "call" or "calls" or "demand" or "demands" or "appeal" or "plea" or "push")
        {
            // "his call for a ban", "their attacks on Cruz": the object of the preposition is the content.
            contentFirst = next + 1;
            cueEnd = next + 1;
        }
        else
        {
            return null;
        }

        var contentEnd = ComplementEnd(doc, contentFirst, end, clause: contentFirst == next);
        if (contentEnd - contentFirst < 2)
        {
            return null;
        }

        return new RawAttribution
        {
            Source = source,
            Cue = new TokenRange(noun, cueEnd),
            Content = new TokenRange(contentFirst, contentEnd),
            Flags = CueFlags.Stance,
        };
    }

    /// <summary>"his", "Trump's", "Donald Trump's", up to two modifiers before the noun ("his controversial proposal").</summary>
    private static TokenRange Possessor(Document doc, int noun, int first)
    {
        for (var k = noun - 1; k >= first && noun - k <= 3; k--)
        {
            if (!doc.IsWord(k))
            {
                return TokenRange.None;
            }

            var lower = doc.Lower(k);
            if (PossessivePronouns.Contains(lower))
            {
                return new TokenRange(k, k + 1);
            }

            if (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal))
            {
                // "Donald Trump's", "the mayor's": a name, or a noun after its article.
                var start = k;
                while (start - 1 >= first && k - start < 3 && doc.IsCapitalized(start - 1) && doc.IsWord(start - 1)
                    && !IsSentenceOpener(doc, start - 1, first))
                {
                    start--;
                }

                if (start == k && doc.IsLowerWord(k) && k - 1 >= first && doc.Lower(k - 1) is "the" or "a")
                {
                    start--;
                }

                return new TokenRange(start, k + 1);
            }

            // Only adjectives and noun modifiers sit between the possessor and the noun.
            if (!doc.IsLowerWord(k) || lower is "the" or "a" or "an" or "and" or "or" || CueLexicon.TryGet(lower, out _))
            {
                return TokenRange.None;
            }
        }

        return TokenRange.None;
    }

    private static bool IsSentenceOpener(Document doc, int k, int first) => k == first
        && doc.Lower(k) is "but" or "and" or "in" or "on" or "after";

    /// <summary>A base verb after "to": a lowercase word that is no article, pronoun or number.</summary>
    private static bool IsBareVerb(Document doc, int k)
        => doc.Lower(k) is not ("the" or "a" or "an" or "his" or "her" or "their" or "its" or "him" or "them" or "me" or "us" or "this" or
        "that" or "be");

    private static int ComplementEnd(Document doc, int start, int end, bool clause)
    {
        var k = start;
        while (k < end && k - start < MaxContentTokens)
        {
            if (doc.IsTerminal(k) || doc.Is(k, ';') || doc.Is(k, ':') || doc.Is(k, ',') || doc.Is(k, '—') || doc.Is(k, '–')
                || (!clause && k > start && doc.IsLowerWord(k) && ComplementStops.Contains(doc.Lower(k))))
            {
                break;
            }

            k++;
        }

        return k;
    }
}
