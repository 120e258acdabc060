using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Where a content ends: at the next speaker, a relative or subordinate clause, or a speaker tail.</summary>
internal static partial class AttributionFinder
{
    private sealed partial class Context
    {
        private bool InQuoteAt(int k) => quoteMask[k - first];

        /// <summary>"… voters say A, compared with 64 percent who say B": A ends where the next speaker begins.</summary>
        private int BeforeNextAttribution(int cue, int start, int stop)
        {
            var index = cues.BinarySearch(cue);
            for (var c = index + 1; c < cues.Count && cues[c] < stop; c++)
            {
                var next = cues[c];
                if (Covered(next) || doc.Lower(next) == "according")
                {
                    continue;
                }

                // "… said the plan was bad, adding that …": a participle after a comma is a statement of its own.
                if (doc.Is(next - 1, ',') && next - 1 > start + 1 && (NewAttribution(next, next).Flags & CueFlags.Participle) != 0
                    && !InQuoteAt(next))
                {
                    return next - 1;
                }

                // "A White House official, who requested anonymity …, said": the current cue sits in the next speaker's appositive.
                // "Hawkins and others who want to ban abortion said": so does a restrictive relative clause.
                var nextFirst = AbsorbPrefixes(next, start);
                if (nextFirst - 1 > start + 1)
                {
                    var outer = PhraseFinder.SubjectBefore(doc, nextFirst, first);
                    if (!outer.IsEmpty && outer.First < start && (doc.Is(nextFirst - 1, ',') || doc.Is(outer.End, "who")))
                    {
                        return doc.Is(nextFirst - 1, ',') ? nextFirst - 1 : nextFirst;
                    }
                }

                var subject = PhraseFinder.SubjectBefore(doc, nextFirst, start);
                if (subject.IsEmpty)
                {
                    continue;
                }

                // "…, compared with 23 percent who said …": a relative clause ends the content at its antecedent.
                if ((doc.Is(subject.First, "who") || doc.Is(subject.First, "which")) && subject.End - subject.First == 1
                    && !doc.Is(subject.First - 1, ','))
                {
                    var antecedent = PhraseFinder.SubjectBefore(doc, subject.First, start);
                    if (!antecedent.IsEmpty)
                    {
                        subject = antecedent;
                    }
                }

                // "that he understands …, Emanuel said …": a cue right at the start belongs to the content; look further,
                // as past a relative clause ("…, the groups who wrote to her say …").
                if (subject.First <= start + 2 || doc.Is(subject.First, "who") || doc.Is(subject.First, "which"))
                {
                    continue;
                }

                var boundary = subject.First;
                while (boundary > start && doc.Tokens[boundary - 1].Kind == TokenKind.Number)
                {
                    boundary--;
                }

                while (boundary > start && (doc.Is(boundary - 1, ',') || doc.Is(boundary - 1, "and") || doc.Is(boundary - 1, "while")
                       || doc.Is(boundary - 1, "but") || doc.Is(boundary - 1, "whereas") || doc.Is(boundary - 1, "with")
                       || doc.Is(boundary - 1, "compared") || doc.Is(boundary - 1, ';') || doc.Is(boundary - 1, '—')
                       || doc.Is(boundary - 1, '–') || doc.Is(boundary - 1, '-')
                       || (boundary == subject.First && (IsSubordinator(boundary - 1) || IsEmbeddedRelative(boundary - 1, next)))))
                {
                    boundary--;
                }

                // "…, even as what Russia claimed …": the subordinator before a relative, and its "even", open the later clause too.
                if (boundary < subject.First && IsSubordinator(boundary - 1) && !IsSubordinator(boundary))
                {
                    boundary--;
                }

                if (boundary < subject.First && doc.Is(boundary - 1, "even") && IsSubordinator(boundary))
                {
                    boundary--;
                }

                while (boundary > start && doc.Is(boundary - 1, ','))
                {
                    boundary--;
                }

                var separated = boundary < subject.First;
                if (separated && boundary - start >= 2)
                {
                    return boundary;
                }
            }

            return stop;
        }

        /// <summary>
        /// "…, which I said was not a prison sentence", "a finish that he said defied expectations": a relative pronoun
        /// before the later speaker, whose cue is followed by the relative clause's verb, opens a clause of its own.
        /// </summary>
        private int NextFiniteAuxiliary(int from, int stop)
        {
            for (var k = from; k < stop; k++)
            {
                if (doc.IsLowerWord(k) && FiniteAuxiliaries.Contains(doc.Lower(k)) && !InQuoteAt(k))
                {
                    return k;
                }
            }

            return -1;
        }

        private bool IsEmbeddedRelative(int k, int cue)
        {
            if (!doc.IsLowerWord(k) || doc.Lower(k) is not ("which" or "who" or "whom" or "that" or "what"))
            {
                return false;
            }

            var verb = doc.Lower(cue + 1);
            return doc.IsLowerWord(cue + 1) && (FiniteAuxiliaries.Contains(verb) || verb.EndsWith("ed", StringComparison.Ordinal));
        }

        /// <summary>"…, cracking a smile as he noted …", "… when he claimed …": a clause opener before a later speaker.</summary>
        private bool IsSubordinator(int k)
            => doc.IsLowerWord(k) && doc.Lower(k) is "when" or "as" or "because" or "after" or "before" or "since" or "although" or "though"
                or "until" or "where" or "whenever" or "once" or "if" || (doc.Is(k, "which") && doc.Is(k - 1, "in")) || (doc.Is(k, "that")
                    && doc.Is(k - 1, "so"));

        /// <summary>
        /// A noun phrase up to the sentence's end: no finite verb, clause word or cue ("Facebook's global outreach director.").
        /// </summary>
        private bool IsNounTail(int start)
        {
            for (var k = start; k < end && k - start <= 20; k++)
            {
                if (doc.IsTerminal(k))
                {
                    return k > start && (k + 1 >= end || doc.Tokens[k + 1].Kind is TokenKind.CloseQuote || doc.IsTerminal(k + 1)
                        || k + 1 == end);
                }

                if (doc.Tokens[k].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote || doc.Is(k, ';') || doc.Is(k, ':') || IsCueToken(k)
                    || doc.Lower(k) is "is" or "was" or "are" or "were" or "has" or "have" or "had" or "will" or "would" or "can"
                        or "could" or "should" or "may" or "might" or "must" or "that" or "which" or "who" or "whose" or "does"
                        or "did" or "do")
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>"…, a spokeswoman said on Saturday, and it has …": the cue's clause ends at a comma and a conjunction.</summary>
        private bool EndsClauseSoon(int start)
        {
            for (var k = start; k < end && k - start <= 5; k++)
            {
                if (doc.Is(k, ';') || (doc.Is(k, ',') && (doc.Is(k + 1, "and") || doc.Is(k + 1, "but") || doc.Is(k + 1, "while")
                    || doc.Is(k + 1, "though") || doc.Is(k + 1, "although"))))
                {
                    return true;
                }

                if (!doc.IsWord(k) || doc.Is(k, "that") || IsCueToken(k))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>"…, she said in a video message to the convention.": a prepositional phrase runs to the sentence's end.</summary>
        private bool IsAdverbialTail(int start)
        {
            if (!doc.IsLowerWord(start)
                || doc.Lower(start) is not ("in" or "on" or "at" or "during" or "after" or "before" or "to" or "from" or "with" or
                    "while" or "when" or "outside" or "inside" or "via" or "through" or "last" or "earlier" or "later"))
            {
                return false;
            }

            for (var k = start + 1; k < end && k - start <= 16; k++)
            {
                if (doc.IsTerminal(k))
                {
                    return IsShortTail(k);
                }

                if (doc.Is(k, "that") || doc.Is(k, "is") || doc.Is(k, "was") || doc.Is(k, "are") || doc.Is(k, "were") || IsCueToken(k)
                    || doc.Tokens[k].Kind is TokenKind.OpenQuote || doc.Is(k, ':') || doc.Is(k, ';'))
                {
                    return false;
                }
            }

            return false;
        }

        private bool IsShortTail(int start)
        {
            var words = 0;
            for (var k = start; k < end; k++)
            {
                if (doc.IsWord(k))
                {
                    words++;
                    if (words > 5 || doc.Is(k, "that") || IsCueToken(k)
                        || doc.Lower(k) is "is" or "was" or "are" or "were" or "has" or "have" or "will" or "would")
                    {
                        return false;
                    }
                }
                else if (!doc.IsTerminal(k) && !doc.Is(k, ',')
                    && doc.Tokens[k].Kind is not (TokenKind.CloseQuote or TokenKind.CloseSingleQuote) && !doc.Is(k, ')'))
                {
                    return false;
                }
            }

            return true;
        }

        private int ContentStop(int start)
        {
            var stop = start;
            while (stop < end && !Covered(stop))
            {
                stop++;
            }

            // Leave out the closing punctuation of the sentence.
            while (stop > start && (doc.IsTerminal(stop - 1) || doc.Is(stop - 1, ',')) && !(stop - 1 > start
                && doc.Tokens[stop - 1].Kind == TokenKind.CloseQuote))
            {
                stop--;
            }

            return stop;
        }

        private bool LooksLikeSpeaker(TokenRange range)
        {
            if (range.IsEmpty || range.End - range.First > 40)
            {
                return false;
            }

            for (var k = range.First; k < range.End; k++)
            {
                if (doc.IsWord(k) && doc.Tokens[k].Kind == TokenKind.Word)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
