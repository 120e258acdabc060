using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>The speaker phrase before a cue: bare subjects, appositives, relative clauses and asides in dashes.</summary>
internal static partial class PhraseFinder
{
    /// <summary>The speaker phrase ending right before <paramref name="cueFirst"/>, including an appositive set off by commas.</summary>
    public static TokenRange SubjectBefore(Document doc, int cueFirst, int limit)
    {
        cueFirst = BeforeTimeAdverbial(doc, cueFirst, limit);
        if (cueFirst - 2 >= limit && doc.IsLowerWord(cueFirst - 1) && SentenceAdverbs.Contains(doc.Lower(cueFirst - 1))
            && doc.IsWord(cueFirst - 2))
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
            if (doc.Tokens[i].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote || doc.Is(i, ';') || doc.Is(i, ':') || (doc.IsTerminal(i)
                && !doc.Is(i, '.')))
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
            if (!doc.IsLowerWord(k + 1) || Pronouns.Contains(doc.Lower(k + 1)) || !doc.IsWord(k - 1)
                || ClauseStops.Contains(doc.Lower(k - 1)))
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
            var appositive = AppositiveOpeners.Contains(opener) || doc.IsLowerWord(open + 1)
                || doc.Tokens[open + 1].Kind == TokenKind.Number
                || (close - open <= 3 && doc.IsCapitalized(open + 1) && doc.IsCapitalized(open - 1))
                || (doc.IsCapitalized(open + 1) && IsNounSegment(doc, open + 1, close));
            if (!appositive)
            {
                return TokenRange.None;
            }

            var head = BareSubject(doc, open, limit);
            if (!head.IsEmpty && (HasCapital(doc, head) || doc.IsCapitalized(open + 1) || doc.Tokens[open + 1].Kind == TokenKind.Number)
                && doc.Tokens[head.First].Kind == TokenKind.Word)
            {
                // "Giovanni Vian, the editor of the paper, L'Osservatore Romano, said": a role head is itself
                // the appositive of a name before it.
                if (doc.IsLowerWord(head.First) && doc.Is(head.First - 1, ',') && IsNounSegment(doc, head.First, open))
                {
                    var name = BareSubject(doc, head.First - 1, limit);
                    if (!name.IsEmpty && doc.IsCapitalized(name.First) && name.End - name.First <= 5
                        && IsNounSegment(doc, name.First, name.End))
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
                || (doc.IsTerminal(i) && !(doc.Is(i, '.') && (Abbreviations.Suppresses(doc, i - 1, i + 1) || doc.Is(i + 1, ',')
                || doc.Is(i + 1, ')')))))
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
            && !(doc.IsLowerWord(last - 1) && CueLexicon.TryGet(doc.Lower(last - 1), out _))
            && !LeadingPrepositions.Contains(doc.Lower(last - 1))
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
            if (ClauseStops.Contains(lower) || (CueLexicon.TryGet(lower, out _) && doc.IsLowerWord(i)
                && !IsNounBeforeVerb(doc, i, last, limit))
                || Pronouns.Contains(lower) && i != last)
            {
                break;
            }

            // "Cruz and Rubio", ", teachers and union officials": a pair of names, or of plural nouns opening the phrase.
            if (lower == "and" && !(doc.IsCapitalized(i - 1) && doc.IsCapitalized(i + 1))
                && !(doc.IsLowerWord(i - 1) && doc.Lower(i - 1).EndsWith('s') && (i - 2 < limit || doc.Is(i - 2, ','))
                && !ClauseStops.Contains(doc.Lower(i - 1))))
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
               || (doc.Tokens[first].Kind == TokenKind.Number
               && !(doc.Lower(first + 1) is "percent" or "%" or "in" or "of" or "out" or "per"))))
        {
            first++;
        }

        if (LeadingPrepositions.Contains(doc.Lower(end - 1)) || doc.Is(end - 1, "the") || doc.Is(end - 1, "a"))
        {
            return TokenRange.None;
        }

        if (doc.Tokens[first].Kind != TokenKind.Word && !doc.Is(first, '(') && !(doc.Tokens[first].Kind == TokenKind.Number
            && first + 1 < end))
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
}
