using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// Finds the noun phrase naming a speaker next to a cue without a parser: walks a bounded
/// number of tokens over name-like words and stops at clause words, verbs and punctuation.
/// Every walk is bounded, so the cost per cue is constant.
/// </summary>
internal static class PhraseFinder
{
    private const int MaxSubjectTokens = 12;
    private const int MaxAppositiveTokens = 30;
    private const int MaxForwardTokens = 30;

    private static readonly HashSet<string> ClauseStops = new(StringComparer.Ordinal)
    {
        "that", "which", "when", "while", "because", "if", "as", "but", "or", "so", "though", "although", "since",
        "after", "before", "where", "whether", "than", "then", "there", "is", "was", "were", "are", "be", "been",
        "being", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "not", "to",
        "what", "how", "why", "has", "have", "had", "also", "it's", "nor", "yet", "until", "unless", "whom", "whose",
        "says", "said", "told", "according", "during", "by", "into", "about", "against", "once", "even", "just", "only",
        "still", "now", "however", "this", "these", "those", "here", "too", "very", "n't", "never", "no", "get", "got",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "we", "i", "it", "who", "which", "you",
    };

    private static readonly HashSet<string> ObjectPronouns = new(StringComparer.Ordinal)
    {
        "him", "her", "them", "me", "us", "you", "it",
    };

    private static readonly HashSet<string> LeadingPrepositions = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "for", "with", "from", "of", "by", "after", "before", "during", "under", "over", "and",
        "speaking", "asked", "writing", "last", "earlier", "later", "meanwhile", "separately", "today", "yesterday",
    };

    private static readonly HashSet<string> ForwardStops = new(StringComparer.Ordinal)
    {
        "in", "on", "during", "while", "after", "before", "when", "as", "that", "to", "at", "last", "this", "earlier",
        "today", "yesterday", "tonight", "recently", "because", "if", "and", "but", "since", "who", "adding", "saying",
    };

    private static readonly HashSet<string> AppositiveOpeners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "former", "who", "whose", "one", "his", "her", "their", "its", "another", "chief", "head",
    };

    public static bool IsPronoun(string lower) => Pronouns.Contains(lower);

    public static bool IsObjectPronoun(string lower) => ObjectPronouns.Contains(lower);

    /// <summary>The speaker phrase ending right before <paramref name="cueFirst"/>, including an appositive set off by commas.</summary>
    public static TokenRange SubjectBefore(Document doc, int cueFirst, int limit)
    {
        cueFirst = BeforeTimeAdverbial(doc, cueFirst, limit);
        if (cueFirst - 2 >= limit && doc.IsLowerWord(cueFirst - 1) && SentenceAdverbs.Contains(doc.Lower(cueFirst - 1)) && doc.IsWord(cueFirst - 2))
        {
            // "Carter however said", "officials there say": the adverb is neither subject nor cue.
            cueFirst--;
        }

        if (cueFirst - 1 < limit)
        {
            return TokenRange.None;
        }

        if (doc.Is(cueFirst - 1, ','))
        {
            var appositive = AppositiveSubject(doc, cueFirst - 1, limit);

            // "Sen. Jack Reed (D-R.I.), said": a stray comma after a parenthesis.
            return appositive.IsEmpty && doc.Is(cueFirst - 2, ')') ? BareSubject(doc, cueFirst - 1, limit) : appositive;
        }

        if (IsDash(doc, cueFirst - 1))
        {
            return AsideSubject(doc, cueFirst - 1, limit);
        }

        var relative = RelativeClauseSubject(doc, cueFirst, limit);
        return relative.IsEmpty ? BareSubject(doc, cueFirst, limit) : relative;
    }

    private static readonly HashSet<string> TimeNouns = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
        "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "spring", "summer", "fall",
        "winter",
    };

    private static readonly HashSet<string> TimeModifiers = new(StringComparer.Ordinal)
    {
        "this", "last", "past", "next", "earlier", "later", "late", "early", "on", "in", "that", "same", "the", "day",
    };

    private static readonly HashSet<string> SentenceAdverbs = new(StringComparer.Ordinal)
    {
        "however", "here", "there", "meanwhile", "instead", "too", "nonetheless", "nevertheless", "likewise", "alone",
    };

    private static bool IsDash(Document doc, int i) => (doc.Is(i, '—') || doc.Is(i, '–') || doc.Is(i, '-')) && IsSpacedDash(doc, i);

    /// <summary>
    /// "Many speakers at the service — including Muslims and Jews — said": the head before an aside set off by
    /// dashes, with the aside.
    /// </summary>
    private static TokenRange AsideSubject(Document doc, int closingDash, int limit)
    {
        var close = closingDash;
        while (close - 1 >= limit && IsDash(doc, close - 1))
        {
            close--;
        }

        for (var i = close - 1; i > limit && close - i <= MaxAppositiveTokens; i--)
        {
            if (doc.Tokens[i].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote || doc.Is(i, ';') || doc.Is(i, ':') || (doc.IsTerminal(i) && !doc.Is(i, '.')))
            {
                return TokenRange.None;
            }

            if (IsDash(doc, i))
            {
                var open = i;
                while (open - 1 >= limit && IsDash(doc, open - 1))
                {
                    open--;
                }

                var head = BareSubject(doc, open, limit);
                return head.IsEmpty || open == i + 1 ? TokenRange.None : new TokenRange(head.First, closingDash + 1);
            }
        }

        return TokenRange.None;
    }

    /// <summary>"on Monday", "last week", "this past week": the index after a short time phrase at <paramref name="start"/>, else <paramref name="start"/>.</summary>
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

        return sawNoun && start > limit && start < cueFirst && ((doc.IsWord(start - 1) && !TimeModifiers.Contains(doc.Lower(start - 1))) || doc.Is(start - 1, ','))
            ? start : cueFirst;
    }

    /// <summary>
    /// "Officials who spoke with The Post said …": the head before a "who" clause that runs up to the cue
    /// speaks, not the last noun of the clause.
    /// </summary>
    private static TokenRange RelativeClauseSubject(Document doc, int cueFirst, int limit)
    {
        for (var k = cueFirst - 2; k > limit && cueFirst - k <= MaxSubjectTokens; k--)
        {
            if (!doc.IsWord(k) && !doc.Is(k, '-') && !doc.Is(k, '.'))
            {
                return TokenRange.None;
            }

            if (!doc.Is(k, "who"))
            {
                continue;
            }

            // "who spoke …": the relative pronoun is the clause's subject, and a noun phrase comes before it.
            if (!doc.IsLowerWord(k + 1) || Pronouns.Contains(doc.Lower(k + 1)) || !doc.IsWord(k - 1) || ClauseStops.Contains(doc.Lower(k - 1)))
            {
                return TokenRange.None;
            }

            var head = BareSubject(doc, k, limit);
            return head.IsEmpty || Pronouns.Contains(doc.Lower(head.First)) ? TokenRange.None : head;
        }

        return TokenRange.None;
    }

    /// <summary>"Yohann Michel, an analyst at the IISS," + cue: the head before the first comma and one or more appositives.</summary>
    private static TokenRange AppositiveSubject(Document doc, int comma, int limit)
    {
        // "Marco Rubio, whose hometown, Miami, is projected to …, argues": a relative clause with commas of its own.
        var segmentEnd = comma;
        for (var segment = 0; segment < 4; segment++)
        {
            var open = PreviousComma(doc, segmentEnd, limit);
            if (open < 0 || open + 1 >= segmentEnd)
            {
                break;
            }

            if (doc.Lower(open + 1) is "who" or "whose" or "which" && segment > 0)
            {
                var name = BareSubject(doc, open, limit);
                if (!name.IsEmpty && doc.IsCapitalized(name.First) && !Pronouns.Contains(doc.Lower(name.First)))
                {
                    return new TokenRange(name.First, comma);
                }

                break;
            }

            segmentEnd = open;
        }

        var close = comma;
        for (var segment = 0; segment < 3; segment++)
        {
            var open = PreviousComma(doc, close, limit);
            if (open < 0 || open + 1 >= close)
            {
                return TokenRange.None;
            }

            var opener = doc.Lower(open + 1);
            var appositive = AppositiveOpeners.Contains(opener) || doc.IsLowerWord(open + 1) || doc.Tokens[open + 1].Kind == TokenKind.Number
                || (close - open <= 3 && doc.IsCapitalized(open + 1) && doc.IsCapitalized(open - 1))
                || (doc.IsCapitalized(open + 1) && IsNounSegment(doc, open + 1, close));
            if (!appositive)
            {
                return TokenRange.None;
            }

            var head = BareSubject(doc, open, limit);
            if (!head.IsEmpty && (HasCapital(doc, head) || doc.IsCapitalized(open + 1) || doc.Tokens[open + 1].Kind == TokenKind.Number) && doc.Tokens[head.First].Kind == TokenKind.Word)
            {
                // "Giovanni Vian, the editor of the paper, L'Osservatore Romano, said": a role head is itself
                // the appositive of a name before it.
                if (doc.IsLowerWord(head.First) && doc.Is(head.First - 1, ',') && IsNounSegment(doc, head.First, open))
                {
                    var name = BareSubject(doc, head.First - 1, limit);
                    if (!name.IsEmpty && doc.IsCapitalized(name.First) && name.End - name.First <= 5 && IsNounSegment(doc, name.First, name.End))
                    {
                        return new TokenRange(name.First, comma);
                    }
                }

                return new TokenRange(head.First, comma);
            }

            close = open;
        }

        return TokenRange.None;
    }

    /// <summary>"South Carolina director for Sanders", "James B. Comey": a short phrase with no clause word or verb.</summary>
    private static bool IsNounSegment(Document doc, int from, int to)
    {
        if (to - from > 10)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (!doc.IsWord(k) && !doc.Is(k, '.') && !doc.Is(k, '-') && !doc.Is(k, '&') && !doc.Is(k, '(') && !doc.Is(k, ')'))
            {
                return false;
            }

            var lower = doc.Lower(k);
            if (doc.IsLowerWord(k) && (ClauseStops.Contains(lower) || CueLexicon.TryGet(lower, out _) || Pronouns.Contains(lower)
                || lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static int PreviousComma(Document doc, int from, int limit)
    {
        for (var i = from - 1; i >= limit && from - i <= MaxAppositiveTokens; i--)
        {
            var kind = doc.Tokens[i].Kind;
            if (kind is TokenKind.OpenQuote or TokenKind.CloseQuote || doc.Is(i, ';') || doc.Is(i, ':')
                || (doc.IsTerminal(i) && !(doc.Is(i, '.') && (Abbreviations.Suppresses(doc, i - 1, i + 1) || doc.Is(i + 1, ',') || doc.Is(i + 1, ')')))))
            {
                return -1;
            }

            if (doc.Is(i, ','))
            {
                return i;
            }
        }

        return -1;
    }

    private static TokenRange BareSubject(Document doc, int end, int limit)
    {
        var last = end - 1;
        if (last < limit || !doc.IsWord(last) && !doc.Is(last, ')'))
        {
            return TokenRange.None;
        }

        if (doc.IsWord(last) && Pronouns.Contains(doc.Lower(last)))
        {
            return new TokenRange(last, end);
        }

        // "an organization that endorsed Sanders": a relative "that" after a noun is the subject.
        if (doc.Is(last, "that") && last - 1 >= limit && doc.IsWord(last - 1) && !ClauseStops.Contains(doc.Lower(last - 1))
            && !(doc.IsLowerWord(last - 1) && CueLexicon.TryGet(doc.Lower(last - 1), out _)) && !LeadingPrepositions.Contains(doc.Lower(last - 1))
            && !doc.Lower(last - 1).EndsWith("ed", StringComparison.Ordinal))
        {
            return new TokenRange(last, end);
        }

        var first = end;
        var i = last;
        while (i >= limit && end - i <= MaxSubjectTokens)
        {
            if (doc.Is(i, ')'))
            {
                var open = FindOpenParen(doc, i, limit);
                if (open < 0)
                {
                    break;
                }

                first = open;
                i = open - 1;
                continue;
            }

            // "Mrs. Clinton": the dot of a title.
            if (doc.Is(i, '.') && i < last && i - 1 >= limit && Abbreviations.Suppresses(doc, i - 1, i + 1) && doc.IsCapitalized(i - 1))
            {
                first = i;
                i--;
                continue;
            }

            // A dash set off by spaces closes an aside ("… -- complete with teleprompter -- Trump told").
            if (!doc.IsWord(i) && !doc.Is(i, '&') && !(doc.Is(i, '-') && !IsSpacedDash(doc, i)))
            {
                break;
            }

            var lower = doc.Lower(i);
            if (ClauseStops.Contains(lower) || (CueLexicon.TryGet(lower, out _) && doc.IsLowerWord(i) && !IsNounBeforeVerb(doc, i, last, limit))
                || Pronouns.Contains(lower) && i != last)
            {
                break;
            }

            // "Cruz and Rubio", ", teachers and union officials": a pair of names, or of plural nouns opening the phrase.
            if (lower == "and" && !(doc.IsCapitalized(i - 1) && doc.IsCapitalized(i + 1))
                && !(doc.IsLowerWord(i - 1) && doc.Lower(i - 1).EndsWith('s') && (i - 2 < limit || doc.Is(i - 2, ',')) && !ClauseStops.Contains(doc.Lower(i - 1))))
            {
                break;
            }

            first = i;
            i--;
        }

        if (first >= end)
        {
            return TokenRange.None;
        }

        if (end - first > MaxSubjectTokens)
        {
            return TokenRange.None;
        }

        // Drop a leading prepositional phrase ("In 2015 Trump") or stray adverb.
        while (first < end - 1 && (LeadingPrepositions.Contains(doc.Lower(first))
               || (doc.Tokens[first].Kind == TokenKind.Number && !(doc.Lower(first + 1) is "percent" or "%" or "in" or "of" or "out" or "per"))))
        {
            first++;
        }

        if (LeadingPrepositions.Contains(doc.Lower(end - 1)) || doc.Is(end - 1, "the") || doc.Is(end - 1, "a"))
        {
            return TokenRange.None;
        }

        if (doc.Tokens[first].Kind != TokenKind.Word && !doc.Is(first, '(') && !(doc.Tokens[first].Kind == TokenKind.Number && first + 1 < end))
        {
            return TokenRange.None;
        }

        return new TokenRange(first, end);
    }

    /// <summary>
    /// "the congressional report said", "abortion rights advocates say": a word of the cue lexicon right before the
    /// cue, after an article or another word of the phrase, is the head noun (two finite verbs do not follow each other).
    /// </summary>
    private static bool IsNounBeforeVerb(Document doc, int i, int last, int limit)
    {
        if (i != last || i - 1 < limit || !doc.IsWord(i - 1))
        {
            return false;
        }

        var lower = doc.Lower(i);
        var before = doc.Lower(i - 1);
        return !lower.EndsWith("ing", StringComparison.Ordinal) && !lower.EndsWith("ed", StringComparison.Ordinal)
            && !ClauseStops.Contains(before) && !Pronouns.Contains(before) && !CueLexicon.IsCuePrefix(before)
            && !(doc.IsLowerWord(i - 1) && CueLexicon.TryGet(before, out _));
    }

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
        if (doc.Is(headEnd, ',') && headEnd + 1 < end && (AppositiveOpeners.Contains(doc.Lower(headEnd + 1)) || doc.IsLowerWord(headEnd + 1))
            && !CueLexicon.TryGet(doc.Lower(headEnd + 1), out _))
        {
            var j = headEnd + 1;
            var appositiveEnd = headEnd;
            while (j < end && j - headEnd < MaxForwardTokens)
            {
                if (doc.Is(j, ',') || doc.Is(j, ';') || doc.IsTerminal(j) || doc.Tokens[j].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote)
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
            if (w is "that" or "on" or "in" or "at" or "during" or "after" or "before" or "when" or "as" or "about" or "to" or "of" or "last" or "this" or "while")
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
            if ((doc.Is(k, '—') || doc.Is(k, '-') || doc.Is(k, '–')) && IsSpacedDash(doc, k) && doc.IsCapitalized(i) && doc.Tokens[i].Length > 2
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
            var adverbial = LeadingPrepositions.Contains(lower) || SentenceOpeners.Contains(lower) || lower is "further" or "but" or "however" or "here" or "there"
                || (lower.EndsWith("ly", StringComparison.Ordinal) && doc.Is(i + 1, ','))
                || LeadsTimePhrase(doc, i, end) || (round > 0 && doc.IsCapitalized(i) && doc.Is(i + 1, ',') && (!doc.IsLowerWord(i + 2) || LeadingPrepositions.Contains(doc.Lower(i + 2))));
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

        while (j < end && j - i < 8 && (doc.IsCapitalized(j) || (j > i && (doc.Lower(j) is "of" or "for" || doc.Is(j, '.')) && doc.IsCapitalized(j + 1))))
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

    /// <summary>Words that open an adverbial clause or phrase before the subject ("As the crowd began to chant, …").</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "as", "when", "while", "although", "though", "because", "since", "if", "despite", "following", "just", "unlike",
        "like", "amid", "among", "given", "until", "upon", "without", "once", "then", "now", "still", "yet", "even",
        "instead", "indeed", "overall", "asked", "speaking", "addressing", "walking", "standing", "according", "having",
    };

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

    private static readonly HashSet<string> SubjectDeterminers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "many", "some", "most", "several", "both", "his", "her", "their", "its", "other", "few",
    };

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
