using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Cues that are not active verbs: nouns of saying ("his call for"), passives ("asked by"), polls and outer sources.</summary>
internal static partial class AttributionFinder
{
    private sealed partial class Context
    {
        /// <summary>"his call for a ban", "Trump's claim that …": a noun cue with its possessor, outside the other attributions.</summary>
        public void NominalCues()
        {
            for (var i = first; i < end; i++)
            {
                if (Covered(i) || InQuoteAt(i) || NominalCue.At(doc, i, first, end) is not { } attribution
                    || Covered(attribution.Source.First) || Covered(attribution.Source.Last))
                {
                    continue;
                }

                var contentEnd = attribution.Content.First;
                while (contentEnd < attribution.Content.End && !Covered(contentEnd))
                {
                    contentEnd++;
                }

                if (contentEnd - attribution.Content.First < 2)
                {
                    continue;
                }

                attribution.Content = new TokenRange(attribution.Content.First, contentEnd);
                Commit(attribution, attribution.Cue.First, contentEnd);
                i = contentEnd - 1;
            }
        }

        /// <summary>
        /// "When asked by a reporter whether …", "As reported by the Journal, …", "Trump was attacked by Clinton for …":
        /// the agent after "by" is the source of a passive cue.
        /// </summary>
        public void PassiveBy()
        {
            for (var by = first + 1; by + 1 < end; by++)
            {
                if (!doc.Is(by, "by") || Covered(by) || Covered(by - 1) || InQuoteAt(by))
                {
                    continue;
                }

                var cue = by - 1;
                var lower = doc.Lower(cue);
                if (!doc.IsLowerWord(cue) || !lower.EndsWith("ed", StringComparison.Ordinal) || !CueLexicon.TryGet(lower, out var flags)
                    || NotPassiveCues.Contains(lower))
                {
                    continue;
                }

                var agent = PhraseFinder.ObjectAfter(doc, by + 1, end, maxTokens: 8);
                if (agent.IsEmpty || PhraseFinder.IsObjectPronoun(doc.Lower(agent.First)) && agent.End - agent.First == 1
                    && doc.Is(agent.First, "it"))
                {
                    continue;
                }

                var opener = doc.Lower(cue - 1);
                var attribution = new RawAttribution { Source = agent, Cue = new TokenRange(cue, cue + 1), Flags = flags };
                int contentFirst;
                int contentEnd;
                if (cue == first || opener is "when" or "as" or "if" or "after" or "once" || doc.Is(cue - 1, ','))
                {
                    // "When asked by X whether …," / "As reported by X, …": the question, or the clause after the comma.
                    var k = agent.End;
                    while (k < end && k - agent.End <= 3 && (doc.Is(k, "on") || doc.Is(k, "in") || doc.IsCapitalized(k) || doc.Is(k, "last")
                        || doc.Is(k, "this")) && !doc.Is(k, ","))
                    {
                        k = PhraseFinder.AfterTimePhrase(doc, k, end) is var t && t > k ? t : k + 1;
                    }

                    if (opener == "as" && doc.Is(k, ','))
                    {
                        contentFirst = k + 1;
                        contentEnd = ContentStop(contentFirst);
                    }
                    else
                    {
                        contentFirst = k;
                        contentEnd = k;
                        while (contentEnd < end && !Covered(contentEnd) && !doc.Is(contentEnd, ',') && !doc.IsTerminal(contentEnd))
                        {
                            contentEnd++;
                        }
                    }
                }
                else if (doc.IsLowerWord(cue - 1) && !PassiveMarkers.Contains(opener) && !CueLexicon.IsCuePrefix(opener)
                    && !SubjectPronouns.Contains(opener)
                         && PhraseFinder.SubjectBefore(doc, cue, first) is { IsEmpty: false } noun && !Covered(noun.First))
                {
                    // "a call echoed by Japan": the noun the participle describes is what the agent said.
                    contentFirst = noun.First;
                    contentEnd = noun.End;
                }
                else if (PassiveMarkers.Contains(opener) || (CueLexicon.IsCuePrefix(opener) && PassiveMarkers.Contains(doc.Lower(cue - 2))))
                {
                    // "Trump was attacked by Clinton": the patient is what the agent spoke about.
                    var marker = PassiveMarkers.Contains(opener) ? cue - 1 : cue - 2;
                    var patient = PhraseFinder.SubjectBefore(doc, marker, first);
                    if (patient.IsEmpty || Covered(patient.First))
                    {
                        continue;
                    }

                    contentFirst = patient.First;
                    contentEnd = patient.End;
                }
                else
                {
                    continue;
                }

                if (contentEnd - contentFirst < 1 || contentFirst >= end)
                {
                    continue;
                }

                attribution.Content = new TokenRange(contentFirst, contentEnd);
                Commit(attribution, Math.Min(cue, contentFirst), Math.Max(agent.End, contentEnd));
                by = Math.Max(by, agent.End);
            }
        }

        /// <summary>
        /// "Some 55 percent of voters said …, according to a Quinnipiac poll", "Putin said …, Russian state media
        /// reported": the outer source carries the statements inside its content.
        /// </summary>
        public void ReportedThroughOuter()
        {
            // Each inner statement takes the source of the first outer one (in the result's order) whose content holds its
            // cue. Inners are sorted by cue and skipped once they have a source, so a sentence with thousands of
            // attributions costs n log n rather than n².
            var inners = result.Where(r => r.Via.IsEmpty && !r.Cue.IsEmpty).OrderBy(r => r.Cue.First).ToList();
            var nextOpen = new int[inners.Count + 1];
            for (var i = 0; i < nextOpen.Length; i++)
            {
                nextOpen[i] = i;
            }

            foreach (var outer in result)
            {
                var trailing = outer.Quote is null && !outer.Source.IsEmpty && outer.Content.End <= outer.Cue.First
                    && outer.Content.End <= outer.Source.First;
                if (outer.Cue.IsEmpty || outer.Content.IsEmpty || !(doc.Is(outer.Cue.First, "according") || trailing))
                {
                    continue;
                }

                for (var i = Open(nextOpen, FirstCueFrom(inners, outer.Content.First));
                     i < inners.Count && inners[i].Cue.First < outer.Content.End;
                     i = Open(nextOpen, i + 1))
                {
                    var inner = inners[i];
                    if (!ReferenceEquals(inner, outer) && inner.Cue.End <= outer.Content.End)
                    {
                        inner.Via = outer.Source;
                        nextOpen[i] = i + 1;
                    }
                }
            }
        }

        /// <summary>The first index at or after <paramref name="i"/> whose attribution has no outer source yet.</summary>
        private static int Open(int[] nextOpen, int i)
        {
            var root = i;
            while (nextOpen[root] != root)
            {
                root = nextOpen[root];
            }

            while (nextOpen[i] != root)
            {
                var next = nextOpen[i];
                nextOpen[i] = root;
                i = next;
            }

            return root;
        }

        /// <summary>The index of the first attribution (sorted by cue) whose cue starts at or after <paramref name="token"/>.</summary>
        private static int FirstCueFrom(List<RawAttribution> byCue, int token)
        {
            int low = 0, high = byCue.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (byCue[middle].Cue.First < token)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        private bool IsPollIdiom(int from, int head)
        {
            for (var k = from; k < head; k++)
            {
                if (!(doc.Is(k, "the") || doc.Is(k, "national")))
                {
                    return false;
                }
            }

            return !doc.Is(head + 1, "of") && !doc.Is(head + 1, "by") && !doc.IsCapitalized(head + 1);
        }

        /// <summary>"Trump leads by 8 points in a new Fox News poll": the poll is the source of the clause before it.</summary>
        public void InPoll()
        {
            for (var i = first; i < end; i++)
            {
                if (!doc.Is(i, "in") || Covered(i) || InQuoteAt(i))
                {
                    continue;
                }

                var head = -1;
                for (var k = i + 1; k < end && k - i <= 8 && (doc.IsWord(k) || doc.Is(k, '-') || doc.Is(k, '/')); k++)
                {
                    if (Covered(k) || doc.Is(k, "that") || doc.Is(k, "which") || doc.Is(k, "in"))
                    {
                        break;
                    }

                    if (PollNouns.Contains(doc.Lower(k)))
                    {
                        head = k;
                        break;
                    }
                }

                // "Rubio is struggling in the polls", "she leads in national polls": standing in polls in general, no poll speaks.
                if (head < 0 || (doc.Is(head, "polls") && head - i <= 3 && IsPollIdiom(i + 1, head)))
                {
                    continue;
                }

                var sourceEnd = head + 1;
                if (doc.Lower(sourceEnd) is "released" or "conducted" or "taken" or "published")
                {
                    while (sourceEnd < end && sourceEnd - head <= 5 && doc.IsWord(sourceEnd) && !Covered(sourceEnd)
                        && !doc.Is(sourceEnd, "that"))
                    {
                        sourceEnd++;
                    }
                }

                var attribution = new RawAttribution
                {
                    Source = new TokenRange(i + 1, sourceEnd),
                    Cue = new TokenRange(i, i + 1),
                };
                int contentFirst;
                int contentEnd;
                if (i == first)
                {
                    contentFirst = doc.Is(sourceEnd, ',') ? sourceEnd + 1 : sourceEnd;
                    contentEnd = ContentStop(contentFirst);
                }
                else
                {
                    contentFirst = i;
                    while (contentFirst > first && !Covered(contentFirst - 1) && !doc.Is(contentFirst - 1, ';'))
                    {
                        contentFirst--;
                    }

                    contentEnd = i;
                    while (contentEnd > contentFirst && doc.Is(contentEnd - 1, ','))
                    {
                        contentEnd--;
                    }
                }

                if (contentEnd - contentFirst < 3)
                {
                    continue;
                }

                attribution.Content = new TokenRange(contentFirst, contentEnd);
                Commit(attribution, Math.Min(contentFirst, i), Math.Max(contentEnd, sourceEnd));
                i = sourceEnd;
            }
        }
    }
}
