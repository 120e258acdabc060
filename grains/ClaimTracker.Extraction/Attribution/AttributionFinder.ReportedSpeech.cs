using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Reported speech: "X said (that) …", "X told Y that …", coordinated cues and adverbials after the cue.</summary>
internal static partial class AttributionFinder
{
    private sealed partial class Context
    {
        public void ReportedSpeech()
        {
            foreach (var cue in cues)
            {
                if (Covered(cue) || doc.Lower(cue) == "according")
                {
                    continue;
                }

                var cueFirst = AbsorbPrefixes(cue, first);
                var attribution = NewAttribution(cue, cueFirst);
                if (!SetSpeakerBefore(attribution, cueFirst))
                {
                    // "Trump doubled down on his comments and said …": the subject of the first verb speaks.
                    if (!IsCoordinated(cueFirst))
                    {
                        continue;
                    }

                    // "…; he helped broker a truce and decided to …": the subject of the clause the first verb opens.
                    var clauseSubject = CoordinatedSubject(cueFirst - 1);
                    if (!clauseSubject.IsEmpty)
                    {
                        attribution.Source = clauseSubject;
                    }
                    else
                    {
                        attribution.Speaker = SpeakerHint.SameAsPrevious;
                    }
                }

                var start = attribution.Cue.End;
                if ((attribution.Flags & CueFlags.TakesAddressee) != 0)
                {
                    start = TakeAddressee(attribution, start);
                }

                if (start == cue + 1 && start < end && CueLexicon.IsParticle(doc.Lower(cue), doc.Lower(start)) && doc.IsLowerWord(start))
                {
                    start++;

                    // "fired back at Clinton", "lashed out at the press": the target after the particle is the content.
                    if (doc.Lower(start - 1) is "back" or "out" && doc.IsLowerWord(start) && doc.Lower(start) is "at" or "against")
                    {
                        start++;
                    }

                    attribution.Cue = new TokenRange(attribution.Cue.First, start);
                }

                if (doc.Is(start, ','))
                {
                    start++;
                }

                if ((doc.Is(start, "to") && (attribution.Flags & CueFlags.TakesInfinitive) == 0)
                    || (ContentBlockers.Contains(doc.Lower(start)) && doc.IsLowerWord(start)))
                {
                    // "said in an interview with AP last week that …", "said on Tuesday he …": the adverbial is skipped.
                    start = AfterAdverbial(start);
                    if (start < 0)
                    {
                        continue;
                    }
                }

                var stop = ContentStop(start);
                stop = BeforeNextAttribution(cue, start, stop);
                if ((attribution.Flags & CueFlags.Participle) != 0 && !doc.Is(cueFirst - 1, ','))
                {
                    // "a super PAC backing Jeb Bush, has been …": the reduced relative clause ends at its comma.
                    stop = FirstCommaOutsideQuotes(start + 1, stop);
                }

                // "what Russia claimed was a days-long operation was now in its 19th month": in a free relative the content
                // is the complement up to the main clause's verb; with no second verb ("what he said was false") it is not given.
                if (!attribution.Source.IsEmpty && doc.Is(attribution.Source.First - 1, "what") && doc.IsLowerWord(start)
                    && FiniteAuxiliaries.Contains(doc.Lower(start)))
                {
                    var mainVerb = NextFiniteAuxiliary(start + 1, stop);
                    if (mainVerb < 0)
                    {
                        continue;
                    }

                    stop = mainVerb;
                }

                // "The deal, which officials said was worth $2 billion, was signed on Monday": a relative clause set off by
                // commas ends at its closing comma; the main clause's predicate after it is not the source's.
                if (!attribution.Source.IsEmpty && IsCommaRelative(attribution.Source.First - 1))
                {
                    stop = FirstCommaOutsideQuotes(start + 1, stop);
                }

                if (stop - start < 2)
                {
                    continue;
                }

                attribution.Content = new TokenRange(start, stop);
                if (byOpen.TryGetValue(start, out var q) && !usedQuotes.Contains(q.Open) && q.OuterEnd >= stop - 1)
                {
                    attribution.Quote = q;
                }

                Commit(attribution, attribution.Source.IsEmpty ? cueFirst : attribution.Source.First, stop);
            }
        }

        /// <summary>", which …" or ", who …" opening a relative clause at <paramref name="k"/>.</summary>
        private bool IsCommaRelative(int k) =>
            k > 0 && doc.IsLowerWord(k) && doc.Lower(k) is "which" or "who" && doc.Is(k - 1, ',');

        private int FirstCommaOutsideQuotes(int from, int stop)
        {
            for (var k = from; k < stop; k++)
            {
                if (doc.Is(k, ',') && !InQuoteAt(k))
                {
                    return k;
                }
            }

            return stop;
        }

        /// <summary>
        /// The start of the content after an adverbial that follows the cue ("in an interview with AP last week
        /// that …", "on Tuesday, “…”", "at a rally he …"), or -1 when no content follows within a few words.
        /// </summary>
        private int AfterAdverbial(int start)
        {
            // "announced on Monday the lawsuit against …": a bare time phrase, then the content.
            var afterTime = PhraseFinder.AfterTimePhrase(doc, start, end);
            if (afterTime > start && afterTime < end && (doc.IsWord(afterTime) || doc.Tokens[afterTime].Kind == TokenKind.OpenQuote)
                && !ContentBlockers.Contains(doc.Lower(afterTime)) && !doc.Is(afterTime, "to") && !IsCueToken(afterTime))
            {
                return afterTime;
            }

            for (var k = start + 1; k < end && k - start <= MaxAdverbialTokens; k++)
            {
                // "said, without evidence, that …": the adverbial may be set off by commas.
                if (doc.Is(k, "that") && (doc.IsWord(k - 1) || (doc.Is(k - 1, ',') && k - 1 > start)))
                {
                    return k;
                }

                if ((doc.Is(k, ',') || doc.Is(k, ':')) && k + 1 < end && doc.Tokens[k + 1].Kind == TokenKind.OpenQuote)
                {
                    return k + 1;
                }

                // "as The Times reported on Saturday, he has …": the adverbial ends at a comma before a new subject.
                if (doc.Is(k, ',') && k + 1 < end && InvertibleCues.Contains(doc.Lower(start - 1))
                    && (StartsWithSubjectPronoun(doc.Lower(k + 1)) && doc.IsLowerWord(k + 1) || doc.Is(k + 1, "the")))
                {
                    return k + 1;
                }

                if (k > start + 1 && doc.IsLowerWord(k) && doc.Lower(k) is "he" or "she" or "they" or "we" && doc.IsWord(k - 1)
                    && !ContentBlockers.Contains(doc.Lower(k - 1)))
                {
                    return k;
                }

                if (doc.IsTerminal(k) || doc.Is(k, ';') || doc.Is(k, ':')
                    || doc.Tokens[k].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote
                    || IsCueToken(k) || Covered(k) || doc.Is(k, "which") || doc.Is(k, "who"))
                {
                    return -1;
                }
            }

            return -1;
        }

        private bool IsStance(int k) => CueLexicon.TryGet(doc.Lower(k), out var flags) && (flags & CueFlags.Stance) != 0;

        /// <summary>"… and said", "…, but added": a verb coordinated with an earlier one shares its subject.</summary>
        private bool IsCoordinated(int cueFirst)
        {
            var k = cueFirst - 1;
            if (k < first || !(doc.Is(k, "and") || doc.Is(k, "but") || doc.Is(k, "then")))
            {
                return false;
            }

            // The first verb needs a subject of its own before it in the sentence.
            return !PhraseFinder.SentenceSubject(doc, first, k).IsEmpty || !CoordinatedSubject(k).IsEmpty;
        }

        /// <summary>
        /// The subject of the clause that holds the conjunction at <paramref name="conjunction"/>: the clause starts after a
        /// semicolon or at a subordinator ("when Trump spotted a sign and asked …"), else at the sentence's start.
        /// </summary>
        private TokenRange CoordinatedSubject(int conjunction)
        {
            var start = first;
            for (var j = conjunction - 1; j >= first && conjunction - j <= 40; j--)
            {
                if (doc.Is(j, ';') || doc.Is(j, ':') || (IsSubordinator(j) && !doc.Is(j, "that"))
                    || doc.Tokens[j].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote)
                {
                    start = j + 1;
                    break;
                }
            }

            if (start >= conjunction)
            {
                return TokenRange.None;
            }

            var subject = PhraseFinder.SentenceSubject(doc, start, conjunction);
            return subject.IsEmpty || Covered(subject.First) && start == first ? TokenRange.None : subject;
        }

        /// <summary>Between a quote and its cue only a speaker phrase fits ("Kim Jong-dae, a former lawmaker …,").</summary>
        private bool PlausibleSpeakerGap(int from, int cue)
        {
            var k = doc.Is(from, ',') ? from + 1 : from;
            var headWords = 0;
            for (; k < cue && !doc.Is(k, ','); k++)
            {
                var w = doc.Lower(k);
                if (doc.IsWord(k) && (headWords++ > 8
                    || w is "that" or "which" or "what" or "because" or "when" or "while" or "if" or "even" or "but"))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
