using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>The speaker or object after a cue ("…, said Yohann Michel") and the subject that opens a sentence.</summary>
internal static partial class PhraseFinder
{
    /// <summary>The speaker phrase after an inverted cue ("…,” said Yohann Michel, an analyst at …).</summary>
    public static TokenRange SubjectAfter(Document doc, int start, int end)
    {
        if (start < end && doc.IsLowerWord(start) && (Pronouns.Contains(doc.Lower(start)) || StartsWithPronoun(doc.Lower(start))
            || ForwardStops.Contains(doc.Lower(start)) || LeadingPrepositions.Contains(doc.Lower(start))))
        {
            return TokenRange.None;
        }

        var i = start;
        var headEnd = start;
        while (i < end && i - start < MaxSubjectTokens)
        {
            if (doc.Is(i, '('))
            {
                var close = FindCloseParen(doc, i, end);
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
                headEnd = i;
                continue;
            }

            // "said Mr. Meyer": the dot of a title.
            if (doc.Is(i, '.') && i > start && doc.IsCapitalized(i + 1) && Abbreviations.Suppresses(doc, i - 1, i + 1))
            {
                i++;
                headEnd = i;
                continue;
            }

            if (!doc.IsWord(i) && !doc.Is(i, '-') && !doc.Is(i, '&'))
            {
                break;
            }

            var lower = doc.Lower(i);
            if (i > start && ForwardStops.Contains(lower) && !(lower == "and" && doc.IsCapitalized(i - 1) && doc.IsCapitalized(i + 1)))
            {
                break;
            }

            if (CueLexicon.TryGet(lower, out _) && doc.IsLowerWord(i) || ClauseStops.Contains(lower) && lower != "the")
            {
                break;
            }

            i++;
            headEnd = i;
        }

        if (headEnd == start)
        {
            return TokenRange.None;
        }

        // An appositive after a comma runs to the sentence end or the next clause.
        if (doc.Is(headEnd, ',') && headEnd + 1 < end && (AppositiveOpeners.Contains(doc.Lower(headEnd + 1))
            || doc.IsLowerWord(headEnd + 1))
            && !CueLexicon.TryGet(doc.Lower(headEnd + 1), out _))
        {
            var j = headEnd + 1;
            var appositiveEnd = headEnd;
            while (j < end && j - headEnd < MaxForwardTokens)
            {
                if (doc.Is(j, ',') || doc.Is(j, ';') || doc.IsTerminal(j)
                    || doc.Tokens[j].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote)
                {
                    break;
                }

                j++;
                appositiveEnd = j;
            }

            if (appositiveEnd > headEnd + 1)
            {
                return new TokenRange(start, appositiveEnd);
            }
        }

        return new TokenRange(start, headEnd);
    }

    /// <summary>"he's", "they're", "it’ll": a pronoun with a clitic.</summary>
    private static bool StartsWithPronoun(string lower)
    {
        var apostrophe = lower.IndexOfAny(['\'', '’']);
        return apostrophe > 0 && Pronouns.Contains(lower[..apostrophe]);
    }

    /// <summary>A short noun phrase after "told" or "with": a capitalized run, "reporters", a pronoun.</summary>
    public static TokenRange ObjectAfter(Document doc, int start, int end, int maxTokens = 6)
    {
        if (start >= end || !doc.IsWord(start))
        {
            return TokenRange.None;
        }

        var lower = doc.Lower(start);
        if (ObjectPronouns.Contains(lower))
        {
            return new TokenRange(start, start + 1);
        }

        if (lower is "that" or "to" or "of" or "about")
        {
            return TokenRange.None;
        }

        var i = start;
        if (lower is "the" or "a" or "an")
        {
            i++;
        }

        var sawNoun = false;
        while (i < end && i - start < maxTokens && doc.IsWord(i))
        {
            var w = doc.Lower(i);
            if (w is "that" or "on" or "in" or "at" or "during" or "after" or "before" or "when" or "as" or "about" or "to" or "of" or
                "last" or "this" or "while")
            {
                break;
            }

            if (!doc.IsCapitalized(i) && sawNoun)
            {
                break;
            }

            sawNoun = true;
            i++;
        }

        return i > start && sawNoun ? new TokenRange(start, i) : TokenRange.None;
    }

    /// <summary>The sentence's grammatical subject, skipping a leading adverbial ("After the meeting, …").</summary>
    public static TokenRange SentenceSubject(Document doc, int first, int end)
    {
        var i = first;

        // A dateline: "WASHINGTON —", "ORLANDO, Fla. (Reuters) -".
        for (var k = i; k < end && k - i < 10; k++)
        {
            if ((doc.Is(k, '—') || doc.Is(k, '-') || doc.Is(k, '–')) && IsSpacedDash(doc, k) && doc.IsCapitalized(i)
                && doc.Tokens[i].Length > 2
                && IsAllCaps(doc, i))
            {
                i = k + 1;
                while (i < end && (doc.Is(i, '-') || doc.Is(i, '—')))
                {
                    i++;
                }

                break;
            }
        }

        if (i >= end)
        {
            return TokenRange.None;
        }

        // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton …": skip each leading adverbial up to its comma.
        for (var round = 0; round < 4 && i < end; round++)
        {
            var lower = doc.Lower(i);
            var adverbial = LeadingPrepositions.Contains(lower) || SentenceOpeners.Contains(lower)
                || lower is "further" or "but" or "however" or "here" or "there"
                || (lower.EndsWith("ly", StringComparison.Ordinal) && doc.Is(i + 1, ','))
                || LeadsTimePhrase(doc, i, end) || (round > 0 && doc.IsCapitalized(i) && doc.Is(i + 1, ',') && (!doc.IsLowerWord(i + 2)
                || LeadingPrepositions.Contains(doc.Lower(i + 2))));
            if (!adverbial)
            {
                break;
            }

            var next = i;
            for (var k = i; k < end && k - i < 14; k++)
            {
                if (doc.Is(k, ','))
                {
                    next = k + 1;
                    break;
                }
            }

            if (next == i)
            {
                break;
            }

            i = next;
        }

        while (i < end && (doc.Is(i, "but") || doc.Is(i, "and") || doc.Is(i, "yet")))
        {
            i++;
        }

        if (i >= end || !doc.IsWord(i))
        {
            return TokenRange.None;
        }

        if (Pronouns.Contains(doc.Lower(i)))
        {
            return new TokenRange(i, i + 1);
        }

        var j = i;
        var determiner = SubjectDeterminers.Contains(doc.Lower(j));
        if (determiner)
        {
            j++;
        }

        while (j < end && j - i < 8 && (doc.IsCapitalized(j) || (j > i && (doc.Lower(j) is "of" or "for" || doc.Is(j, '.'))
            && doc.IsCapitalized(j + 1))))
        {
            j++;
        }

        if (j > i && doc.IsCapitalized(j - 1))
        {
            return new TokenRange(i, j);
        }

        // "The departments declined …, saying": a common noun phrase opened by a determiner, up to its verb.
        if (!determiner)
        {
            return TokenRange.None;
        }

        while (j < end && j - i < 6 && doc.IsLowerWord(j) && !ClauseStops.Contains(doc.Lower(j)) && !CueLexicon.TryGet(doc.Lower(j), out _)
               && !doc.Lower(j).EndsWith("ed", StringComparison.Ordinal) && !doc.Lower(j).EndsWith("ing", StringComparison.Ordinal))
        {
            j++;
        }

        return j > i + 1 && j < end && doc.IsLowerWord(j) ? new TokenRange(i, j) : TokenRange.None;
    }

    /// <summary>Words that open an adverbial clause or phrase before the subject ("As the crowd began to chant, …").</summary>
    private static readonly HashSet<string> SentenceOpeners = Lexicon.Words("sentence-openers");

    /// <summary>Determiners that open a subject noun phrase.</summary>
    private static readonly HashSet<string> SubjectDeterminers = Lexicon.Words("subject-determiners");
}
