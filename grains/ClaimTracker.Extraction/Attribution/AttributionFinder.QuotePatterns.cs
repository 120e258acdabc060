using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Quoted speech: "“…,” X said", "X said: “…”", "Said X, “…”", "NAME: …" and "X: “…”".</summary>
internal static partial class AttributionFinder
{
    private sealed partial class Context
    {
        public void QuoteThenCue()
        {
            foreach (var q in quotes)
            {
                if (!q.Closed || q.OuterEnd >= end || q.Open < first - 1)
                {
                    continue;
                }

                var j = q.OuterEnd;
                var cue = -1;
                for (var k = j; k < end && k - j <= MaxGapAfterQuote; k++)
                {
                    if (doc.Tokens[k].Kind is TokenKind.OpenQuote || (doc.IsTerminal(k) && !IsInnerDot(k)) || doc.Is(k, ';')
                        || doc.Is(k, ':'))
                    {
                        break;
                    }

                    if (IsCueToken(k) || (k > j && IsGenericVerb(doc, k) && IsShortTail(k + 1) && doc.IsWord(k - 1)
                        && (doc.Lower(k).EndsWith("ed", StringComparison.Ordinal) || doc.IsCapitalized(k - 1)
                        || SubjectPronouns.Contains(doc.Lower(k - 1)))))
                    {
                        cue = k;
                        break;
                    }
                }

                if (cue < 0 || Covered(cue) || IsStance(cue))
                {
                    continue;
                }

                var lower = doc.Lower(cue);
                if (lower == "according")
                {
                    continue;
                }

                var lastInner = q.Close - 1;
                while (lastInner > q.Open + 1 && doc.Tokens[lastInner].Kind is TokenKind.CloseSingleQuote or TokenKind.OpenSingleQuote)
                {
                    lastInner--;
                }

                var attributive = doc.Is(j, ',') || cue == j || doc.Is(lastInner, ',') || doc.Is(lastInner, '?') || doc.Is(lastInner, '!')
                    || doc.Is(lastInner, '—') || doc.Is(lastInner, '–') || doc.Is(lastInner, '…') || doc.Is(lastInner, '.')
                    || doc.Is(lastInner, '-');
                // "“The caucus is a battle of niches” Grubbs said.": no comma, but a bare name and the sentence's end.
                attributive = attributive || (cue - j is >= 1 and <= 4 && IsShortTail(cue + 1) && (doc.IsCapitalized(j)
                    || PhraseFinder.IsPronoun(doc.Lower(j))));
                if (!attributive || !PlausibleSpeakerGap(j, cue))
                {
                    continue;
                }

                var betweenFirst = doc.Is(j, ',') ? j + 1 : j;
                var cueFirst = AbsorbPrefixes(cue, betweenFirst);
                var attribution = NewAttribution(cue, cueFirst);
                attribution.Quote = q;
                attribution.Content = new TokenRange(q.InnerFirst, q.InnerEnd);
                var between = Trim(new TokenRange(betweenFirst, cueFirst));
                if ((attribution.Flags & CueFlags.TakesAddressee) != 0)
                {
                    TakeAddressee(attribution, attribution.Cue.End);
                }

                if (lower == "quoted" && TryQuotedAs(attribution, cue))
                {
                    attribution.Via = between;
                }
                else if (!between.IsEmpty)
                {
                    attribution.Source = between;
                }
                else if ((attribution.Flags & CueFlags.Participle) != 0)
                {
                    attribution.Speaker = SpeakerHint.SameAsPrevious;
                }
                else
                {
                    var after = attribution.Cue.End;
                    attribution.Source = PhraseFinder.SubjectAfter(doc, after, end);
                    if (attribution.Source.IsEmpty)
                    {
                        continue;
                    }
                }

                if (!attribution.Source.IsEmpty && !LooksLikeSpeaker(attribution.Source))
                {
                    continue;
                }

                usedQuotes.Add(q.Open);
                Cover(q.Open, q.OuterEnd);
                Cover(betweenFirst, Math.Max(attribution.Cue.End, attribution.Source.End));
                result.Add(attribution);
            }
        }

        public void CueThenQuote()
        {
            foreach (var cue in cues)
            {
                if (Covered(cue) || doc.Lower(cue) == "according")
                {
                    continue;
                }

                var quoteIndex = -1;
                var cueFirst = AbsorbPrefixes(cue, first);
                var attribution = NewAttribution(cue, cueFirst);
                for (var k = attribution.Cue.End; k < end && k - attribution.Cue.End <= MaxGapBeforeColon; k++)
                {
                    if (doc.Tokens[k].Kind == TokenKind.OpenQuote)
                    {
                        var direct = k == attribution.Cue.End || doc.Is(k - 1, ':') || doc.Is(k - 1, ',');
                        quoteIndex = direct ? k : -1;
                        break;
                    }

                    if (doc.IsTerminal(k) || doc.Is(k, ';') || IsCueToken(k) || Covered(k))
                    {
                        break;
                    }
                }

                if (quoteIndex < 0)
                {
                    continue;
                }

                if (!byOpen.TryGetValue(quoteIndex, out var q) || usedQuotes.Contains(q.Open))
                {
                    continue;
                }

                // "… said in a statement: “…”": content is the quote; what sits between belongs to the cue.
                if (!SetSpeakerBefore(attribution, cueFirst))
                {
                    continue;
                }

                // "Trump said he wants “…”": the clause is the content of the earlier cue.
                if (!attribution.Source.IsEmpty && IsCueToken(attribution.Source.First - 1) && !Covered(attribution.Source.First - 1)
                    && !IsStance(attribution.Source.First - 1))
                {
                    attribution.Source = TokenRange.None;
                    continue;
                }

                attribution.Quote = q;
                attribution.Content = new TokenRange(q.InnerFirst, q.InnerEnd);
                usedQuotes.Add(q.Open);
                Cover(attribution.Source.IsEmpty ? cueFirst : attribution.Source.First, q.OuterEnd);
                result.Add(attribution);
            }
        }

        /// <summary>"Said Comey, “The thought …”": the cue opens the sentence and its speaker follows it.</summary>
        public void InitialInvertedCue()
        {
            var cue = cues[0];
            if (cue != first || !IsInitialInvertedCue(doc, cue, end))
            {
                return;
            }

            var source = PhraseFinder.SubjectAfter(doc, cue + 1, end);
            if (source.IsEmpty || !LooksLikeSpeaker(source))
            {
                return;
            }

            var start = source.End;
            if (doc.Is(start, ',') || doc.Is(start, ':'))
            {
                start++;
            }

            var stop = ContentStop(start);
            if (stop - start < 2)
            {
                return;
            }

            var attribution = NewAttribution(cue, cue);
            attribution.Source = source;
            attribution.Content = new TokenRange(start, stop);
            if (byOpen.TryGetValue(start, out var q) && q.OuterEnd >= stop - 1)
            {
                attribution.Quote = q;
                usedQuotes.Add(q.Open);
            }

            Commit(attribution, cue, stop);
        }

        /// <summary>
        /// "JOEL BENENSON: This is a man who …", "Marco Rubio: ‘You Don’t Win …’": a name of one to four
        /// capitalised words opening a paragraph, then a colon and the words.
        /// </summary>
        public void SpeakerColon()
        {
            var colon = first;
            while (colon < end && colon - first < 5 && (doc.IsCapitalized(colon) || (colon > first && doc.Is(colon, '.'))))
            {
                colon++;
            }

            if (colon == first || colon - first > 4 || !doc.Is(colon, ':') || colon + 2 >= end || NotSpeakers.Contains(doc.Lower(first))
                || (colon - first == 1 && IsEvaluativeLabel(doc.Lower(first))))
            {
                return;
            }

            var stop = ContentStop(colon + 1);
            if (stop - (colon + 1) < 2)
            {
                return;
            }

            var attribution = new RawAttribution
            {
                Source = new TokenRange(first, colon),
                Cue = new TokenRange(colon, colon + 1),
                Content = new TokenRange(colon + 1, stop),
            };
            if (byOpen.TryGetValue(colon + 1, out var q) && q.OuterEnd >= stop - 1)
            {
                attribution.Quote = q;
                usedQuotes.Add(q.Open);
            }

            Commit(attribution, first, stop);
        }

        /// <summary>
        /// "Hilarious: …", "Incredible: …", "Shockingly: …": a one-word label that judges the story is no speaker.
        /// Judged by the adjective's ending, since no list of them is complete; "-ly" and "-ive" are left out
        /// because of names such as Italy and Clive.
        /// </summary>
        private static bool IsEvaluativeLabel(string lower) =>
            lower.Length > 5 && (lower.EndsWith("ous", StringComparison.Ordinal) || lower.EndsWith("ible", StringComparison.Ordinal)
                || lower.EndsWith("able", StringComparison.Ordinal) || lower.EndsWith("ful", StringComparison.Ordinal)
                || lower.EndsWith("ingly", StringComparison.Ordinal));

        /// <summary>
        /// "Pollsters agree - Carl Bialik: “One of the biggest lessons …”", "… to defeat ISIS." Bush: "The mission is …"":
        /// a name of one to three capitalised words, a colon and a quote, after a dash, a quote or the sentence's start.
        /// </summary>
        public void NameColonQuote()
        {
            for (var colon = first + 1; colon + 1 < end; colon++)
            {
                if (!doc.Is(colon, ':') || doc.Tokens[colon + 1].Kind != TokenKind.OpenQuote || Covered(colon) || InQuoteAt(colon)
                    || !byOpen.TryGetValue(colon + 1, out var q) || usedQuotes.Contains(q.Open))
                {
                    continue;
                }

                var name = colon;
                while (name - 1 >= first && colon - name < 3 && doc.IsCapitalized(name - 1))
                {
                    name--;
                }

                var before = name - 1;
                var opens = name == first || doc.Is(before, '-') || doc.Is(before, '—') || doc.Is(before, '–')
                    || doc.Tokens[before].Kind is TokenKind.CloseQuote || doc.IsTerminal(before);
                if (name == colon || !opens || (name == first && first == doc.Tokens.Length) || NotSpeakers.Contains(doc.Lower(name))
                    || Covered(name))
                {
                    continue;
                }

                var attribution = new RawAttribution
                {
                    Source = new TokenRange(name, colon),
                    Cue = new TokenRange(colon, colon + 1),
                    Content = new TokenRange(q.InnerFirst, q.InnerEnd),
                    Quote = q,
                };
                usedQuotes.Add(q.Open);
                Commit(attribution, name, q.OuterEnd);
                colon = q.OuterEnd;
            }
        }
    }
}
