using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Cues after their content: "…, AFP reports.", "…, said Yohann Michel, an analyst." and "according to X".</summary>
internal static partial class AttributionFinder
{
    private sealed partial class Context
    {
        public void TrailingCue()
        {
            for (var c = cues.Count - 1; c >= 0; c--)
            {
                var cue = cues[c];
                if (Covered(cue) || doc.Lower(cue) == "according" || IsStance(cue))
                {
                    continue;
                }

                // "…, a call echoed by Japan on Saturday.": a passive cue with its agent is left to PassiveBy.
                if (doc.Is(cue + 1, "by"))
                {
                    break;
                }

                var cueFirst = AbsorbPrefixes(cue, first);
                var attribution = NewAttribution(cue, cueFirst);
                var tail = attribution.Cue.End;

                if (!IsShortTail(tail) && !EndsClauseSoon(tail) && !IsAdverbialTail(tail))
                {
                    TryInvertedTrailingCue(attribution, cue, cueFirst, tail);
                    break;
                }

                var subject = PhraseFinder.SubjectBefore(doc, cueFirst, first);

                // "…, as The Times reported.": "as" between the content and its source.
                var comma = !subject.IsEmpty && doc.Is(subject.First - 1, "as") ? subject.First - 2 : subject.First - 1;
                if (subject.IsEmpty || !doc.Is(comma, ',') || !LooksLikeSpeaker(subject))
                {
                    // "…, said Angie Holan, Politifact's editor.": a short speaker after the cue.
                    TryInvertedTrailingCue(attribution, cue, cueFirst, tail);
                    break;
                }

                attribution.Source = subject;
                if (!SetContentBefore(attribution, comma))
                {
                    break;
                }

                // "Putin said the talks were useful, Russian state media reported.": the speaker inside the content
                // is found too, and reported through the trailing source.
                Commit(attribution, OpensWithReportedSpeech(attribution.Content) ? comma : attribution.Content.First, attribution.Cue.End);
                break;
            }
        }

        /// <summary>
        /// "Putin said …", "A witness interviewed by staff told investigators …": a verb of saying after the content's subject.
        /// </summary>
        private bool OpensWithReportedSpeech(TokenRange content)
        {
            if (content.First < first || InQuoteAt(content.First))
            {
                return false;
            }

            var index = cues.BinarySearch(content.First);
            for (var c = index < 0 ? ~index : index; c < cues.Count && cues[c] < content.End; c++)
            {
                var cue = cues[c];
                if (Covered(cue) || IsStance(cue) || doc.Lower(cue) == "according")
                {
                    continue;
                }

                var cueFirst = AbsorbPrefixes(cue, content.First);
                var subject = PhraseFinder.SubjectBefore(doc, cueFirst, content.First);
                return !subject.IsEmpty && subject.First == content.First && LooksLikeSpeaker(subject);
            }

            return false;
        }

        /// <summary>"…, said Yohann Michel, an analyst …": the speaker after a verb of saying that follows its content.</summary>
        private void TryInvertedTrailingCue(RawAttribution attribution, int cue, int cueFirst, int tail)
        {
            // Only with a verb of saying ("…, criticized President Truman's strategy" has its object there, not a speaker).
            if (!doc.Is(cueFirst - 1, ',') || !InvertibleCues.Contains(doc.Lower(cue)) || tail >= end || !(doc.IsCapitalized(tail)
                || doc.IsLowerWord(tail)))
            {
                return;
            }

            // "Mike Morrell, a veteran of the CIA, said the approach …": the subject opens the sentence.
            var before = PhraseFinder.SubjectBefore(doc, cueFirst, first);
            if (!before.IsEmpty && PhraseFinder.SentenceSubject(doc, first, cueFirst) is { IsEmpty: false } opening
                && opening.First == before.First)
            {
                return;
            }

            var after = PhraseFinder.SubjectAfter(doc, tail, end);
            if (after.IsEmpty || !LooksLikeSpeaker(after))
            {
                return;
            }

            // "…, said Katie Harbath, Facebook's global politics and outreach director.": a long appositive to the end.
            if (!IsShortTail(after.End) && doc.Is(after.End, ',') && IsNounTail(after.End + 1))
            {
                var k = after.End + 1;
                while (k < end && !doc.IsTerminal(k))
                {
                    k++;
                }

                after = new TokenRange(after.First, k);
            }

            // "…, said David Autor, a professor at M.I.T., who is one of …": a relative clause may close the sentence.
            if (!IsShortTail(after.End) && !doc.IsTerminal(after.End))
            {
                var relative = doc.Is(after.End, ',') ? after.End + 1 : after.End;
                while (doc.Is(relative, ',') || (relative < end && relative - after.End <= 12 && !doc.Is(relative, "who")
                    && !doc.Is(relative, "which") && !doc.Is(relative, "whose") && !doc.IsTerminal(relative) && !IsCueToken(relative)
                    && doc.Tokens[relative].Kind is not (TokenKind.OpenQuote or TokenKind.CloseQuote)))
                {
                    relative++;
                }

                if (!(doc.Is(relative, "who") || doc.Is(relative, "which") || doc.Is(relative, "whose")) || !doc.Is(relative - 1, ','))
                {
                    return;
                }

                after = new TokenRange(after.First, relative - 1);
            }

            // "…, said Angie Holan, Politifact's editor.": a capitalised appositive to the sentence's end joins the speaker.
            if (doc.Is(after.End, ',') && IsShortTail(after.End + 1))
            {
                var k = after.End + 1;
                while (k < end && !doc.IsTerminal(k) && doc.Tokens[k].Kind is not (TokenKind.CloseQuote or TokenKind.OpenQuote))
                {
                    k++;
                }

                if (k > after.End + 1)
                {
                    after = new TokenRange(after.First, k);
                }
            }

            attribution.Source = after;
            if (!SetContentBefore(attribution, cueFirst - 1))
            {
                return;
            }

            Commit(attribution, attribution.Content.First, after.End);
        }

        public void AccordingTo()
        {
            foreach (var cue in cues)
            {
                if (Covered(cue) || doc.Lower(cue) != "according")
                {
                    continue;
                }

                var attribution = new RawAttribution { Cue = new TokenRange(cue, cue + 2), Flags = CueFlags.None };
                var source = AccordingSource(cue + 2);
                if (source.IsEmpty)
                {
                    continue;
                }

                attribution.Source = source;

                // "… a “root canal,” according to Axelrod’s memoir": the comma may sit inside the closing quote.
                var comma = doc.Is(cue - 1, ',') ? cue - 1
                    : cue - 2 >= first && doc.Tokens[cue - 1].Kind is TokenKind.CloseQuote or TokenKind.CloseSingleQuote
                    && doc.Is(cue - 2, ',') ? cue : -1;
                var contentBefore = comma > first && SetContentBefore(attribution, comma);
                if (contentBefore)
                {
                    // Verbs of saying inside the content are still found; they are reported through the source.
                    Commit(attribution, cue, source.End);
                    continue;
                }

                var start = doc.Is(source.End, ',') ? source.End + 1 : source.End;
                var stop = ContentStop(start);
                if (stop - start < 2)
                {
                    // "“…,” Walker said, according to an AP account.": the account carries the statement before it.
                    foreach (var earlier in result)
                    {
                        if (earlier.Via.IsEmpty && earlier.Cue.End <= cue && earlier.Anchor >= first)
                        {
                            earlier.Via = source;
                        }
                    }

                    continue;
                }

                attribution.Content = new TokenRange(start, stop);
                Commit(attribution, Math.Min(cue, attribution.Content.First), Math.Max(source.End, attribution.Content.End));
            }
        }
    }
}
