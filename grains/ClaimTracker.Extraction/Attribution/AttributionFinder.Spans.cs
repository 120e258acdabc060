using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Filling an attribution's source, addressee and content spans around its cue.</summary>
internal static partial class AttributionFinder
{
    private sealed partial class Context
    {
        private bool SetSpeakerBefore(RawAttribution attribution, int cueFirst)
        {
            // "Sanders was in San Diego on Tuesday, emphasizing …": a participle after a comma belongs to the clause's subject.
            if ((attribution.Flags & CueFlags.Participle) != 0 && doc.Is(cueFirst - 1, ','))
            {
                attribution.Speaker = SpeakerHint.SameAsPrevious;
                return true;
            }

            var subject = PhraseFinder.SubjectBefore(doc, cueFirst, first);
            if (!subject.IsEmpty && !Covered(subject.First) && LooksLikeSpeaker(subject))
            {
                attribution.Source = subject;
                return true;
            }

            if ((attribution.Flags & CueFlags.Participle) != 0)
            {
                attribution.Speaker = SpeakerHint.SameAsPrevious;
                return true;
            }

            return false;
        }

        private bool SetContentBefore(RawAttribution attribution, int comma)
        {
            var start = first;
            for (var k = comma - 1; k >= first; k--)
            {
                if (Covered(k) || doc.Is(k, ';'))
                {
                    start = k + 1;
                    break;
                }
            }

            while (start < comma && (doc.Is(start, "but") || doc.Is(start, "and") || doc.Is(start, "yet") || doc.Is(start, "so")
                || doc.Is(start, ',')))
            {
                start++;
            }

            if (comma - start < 3)
            {
                return false;
            }

            var content = new TokenRange(start, comma);
            if (byOpen.TryGetValue(start, out var q) && q.OuterEnd >= comma - 1 && !usedQuotes.Contains(q.Open))
            {
                attribution.Quote = q;
                usedQuotes.Add(q.Open);
            }

            attribution.Content = content;
            return true;
        }

        private TokenRange AccordingSource(int start)
        {
            var i = start;
            while (i < end && i - start < 15)
            {
                if (doc.Is(i, ',') || doc.IsTerminal(i) || doc.Is(i, ';')
                    || doc.Tokens[i].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote)
                {
                    break;
                }

                if (i > start && (doc.Is(i, "that") || (IsCueToken(i) && doc.Lower(i) != "reports")))
                {
                    break;
                }

                i++;
            }

            return i > start ? new TokenRange(start, i) : TokenRange.None;
        }

        private int TakeAddressee(RawAttribution attribution, int start)
        {
            var addressee = PhraseFinder.ObjectAfter(doc, start, end);
            if (addressee.IsEmpty)
            {
                return start;
            }

            attribution.Addressee = addressee;
            attribution.Cue = new TokenRange(attribution.Cue.First, addressee.End);

            // "told The Star-Ledger of Newark last week that …": the content starts at "that".
            for (var k = addressee.End; k < end && k - addressee.End <= 8; k++)
            {
                if (doc.Is(k, "that"))
                {
                    return k;
                }

                if (doc.IsTerminal(k) || doc.Tokens[k].Kind == TokenKind.OpenQuote || doc.Is(k, ':') || IsCueToken(k))
                {
                    break;
                }
            }

            return addressee.End;
        }

        /// <summary>A dot inside a speaker phrase: "Rep.", "(D-Ore.)".</summary>
        private bool IsInnerDot(int k) => doc.Is(k, '.') && (doc.Is(k + 1, ')') || Abbreviations.Suppresses(doc, k - 1, k + 1));

        private bool TryQuotedAs(RawAttribution attribution, int cue)
        {
            // "quoted him as saying": the object is the speaker, the subject the carrier.
            for (var k = cue + 1; k < end && k - cue <= 8; k++)
            {
                if (doc.Is(k, "as") && (doc.Is(k + 1, "saying") || doc.Is(k + 1, "telling") || doc.Is(k + 1, "stating")))
                {
                    if (k == cue + 1)
                    {
                        return false;
                    }

                    attribution.Source = new TokenRange(cue + 1, k);
                    attribution.Cue = new TokenRange(attribution.Cue.First, k + 2);
                    attribution.CueText = doc.Slice(attribution.Cue.First, k + 1);
                    return true;
                }
            }

            return false;
        }

        private RawAttribution NewAttribution(int cue, int cueFirst)
        {
            if (!CueLexicon.TryGet(doc.Lower(cue), out var flags) && IsCommaParticiple(doc, cue))
            {
                flags = CueFlags.Participle;
            }

            var attribution = new RawAttribution { Cue = new TokenRange(cueFirst, cue + 1), Flags = flags };

            // "said in a statement", "wrote on Twitter" belong to the cue.
            var next = cue + 1;
            if ((doc.Is(next, "in") && (doc.Is(next + 1, "a") || doc.Is(next + 1, "an")) && (doc.Is(next + 2, "statement")
                || doc.Is(next + 2, "interview") || doc.Is(next + 2, "tweet")))
                || (doc.Is(next, "on") && (doc.Is(next + 1, "twitter") || doc.Is(next + 1, "facebook"))))
            {
                var stop = doc.Is(next, "in") ? next + 3 : next + 2;
                if (stop <= end)
                {
                    attribution.Cue = new TokenRange(cueFirst, stop);
                }
            }

            return attribution;
        }

        private int AbsorbPrefixes(int cue, int limit)
        {
            var k = cue;
            var progressive = doc.Lower(cue).EndsWith("ing", StringComparison.Ordinal);
            while (k - 1 >= limit && k - 1 >= first && cue - k < 3 && (CueLexicon.IsCuePrefix(doc.Lower(k - 1)) || (progressive
                && IsProgressiveAuxiliary(doc.Lower(k - 1))))
                   && doc.IsLowerWord(k - 1) && !Covered(k - 1))
            {
                if (doc.Is(k - 1, "told"))
                {
                    break;
                }

                // "Pyongyang may want oil": a modal before a verb of wanting or believing is the writer's conjecture.
                if (doc.Lower(k - 1) is "may" or "might" or "could" or "can" or "should" or "must"
                    && CueLexicon.TryGet(doc.Lower(cue), out var cueFlags) && (cueFlags & (CueFlags.Hedge | CueFlags.TakesInfinitive)) != 0)
                {
                    break;
                }

                k--;
            }

            return k;
        }
    }
}
