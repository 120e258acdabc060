using ClaimTracker.Extraction.Attribution.Ranking;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// The loose pass's last family: a cue no pattern parsed, with the subject before it as source and the rest of its clause as
/// content ("his rhetoric has been widely condemned as fearmongering", "Davis was critical of all the candidates", "she also
/// argued in favor of …"). High recall, low precision: only the learned filter keeps one.
/// </summary>
internal static partial class AttributionFinder
{
    /// <summary>Copulas and auxiliaries between a subject and a predicate cue ("is sure", "has been condemned").</summary>
    private static readonly HashSet<string> Copulas = Lexicon.Words("copulas");

    /// <summary>Prepositions that follow a predicate cue and belong to it ("critical of", "impressed with", "divided over").</summary>
    private static readonly HashSet<string> CuePrepositions = Lexicon.Words("cue-prepositions");

    /// <summary>An adjective or participle after a copula and before a preposition or "that": "was critical of", "is sure that".</summary>
    private static bool IsPredicateCue(Document doc, int i, int end)
    {
        if (!doc.IsLowerWord(i) || doc.Tokens[i].Length < 4 || i + 1 >= end || NotVerbs.Contains(doc.Lower(i)))
        {
            return false;
        }

        // "was critical of", "is impressed with" are predicates; "is looking for", "is counting on" progressive verbs.
        var next = doc.Lower(i + 1);
        if (!(next == "that" || CuePrepositions.Contains(next))
            || (doc.Lower(i).EndsWith("ing", StringComparison.Ordinal) && IsBlockedParticiple(doc, i, doc.Lower(i))))
        {
            return false;
        }

        for (var k = i - 1; k >= 0 && i - k <= 3; k--)
        {
            var word = doc.Lower(k);
            if (Copulas.Contains(word))
            {
                return doc.IsLowerWord(k) || word.StartsWith('\'') || word.StartsWith('’');
            }

            if (!(doc.IsLowerWord(k) && (word.EndsWith("ly", StringComparison.Ordinal) || CueLexicon.IsCuePrefix(word))))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A lower-case word that is part of a cue often enough in the annotated training text ("statement", "criticism",
    /// "confident", "offering"): the unigram cue tagger proposes it where the lexicon and the verb forms do not.
    /// </summary>
    private static bool IsLearnedCue(Document doc, int i, CueWordRates? rates)
    {
        if (rates is null || !doc.IsLowerWord(i) || doc.Tokens[i].Length < 4)
        {
            return false;
        }

        var word = doc.Lower(i);
        return !CueLexicon.IsCuePrefix(word) && !ContentBlockers.Contains(word) && !CuePrepositions.Contains(word)
            && !IsBlockedParticiple(doc, i, word) && rates.IsLikelyCue(word);
    }

    /// <summary>"Putin is looking for sources", "signed up": -ing or -ed before a particle not its own, as in the rules.</summary>
    private static bool IsBlockedParticiple(Document doc, int i, string word)
    {
        var next = doc.Lower(i + 1);
        return (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal))
            && ParticipleBlockers.Contains(next) && !CueLexicon.IsParticle(word, next);
    }

    private sealed partial class Context
    {
        public void LooseClauses()
        {
            foreach (var cue in cues)
            {
                // A verb of the cue lexicon was already tried by the patterns, with their exceptions ("a firm called …",
                // "they went underground"): this family is for the cues the lexicon does not know.
                if (Covered(cue) || CueLexicon.TryGet(doc.Lower(cue), out _))
                {
                    continue;
                }

                var cueFirst = BeforeCopulas(AbsorbPrefixes(cue, first));
                var attribution = NewAttribution(cue, cueFirst);
                var subject = PhraseFinder.SubjectBefore(doc, cueFirst, first);
                if (subject.IsEmpty || Covered(subject.First) || !LooksLikeSpeaker(subject))
                {
                    continue;
                }

                attribution.Source = subject;
                var start = attribution.Cue.End;
                while (start < end && start - cue <= 3 && doc.IsLowerWord(start) && CuePrepositions.Contains(doc.Lower(start)))
                {
                    start++;
                }

                // The preposition is left out of the cue, so the cue's last word is the verb or adjective the filter reads.
                if (doc.Is(start, ','))
                {
                    start++;
                }

                var stop = BeforeNextAttribution(cue, start, ContentStop(start));
                if (stop <= start || Covered(start))
                {
                    continue;
                }

                attribution.Content = new TokenRange(start, stop);
                Commit(attribution, subject.First, stop);
            }
        }

        /// <summary>The start of the verb group: back over copulas, auxiliaries and adverbs ("has been widely condemned").</summary>
        private int BeforeCopulas(int cueFirst)
        {
            var k = cueFirst;
            while (k - 1 >= first && cueFirst - k < 4 && !Covered(k - 1) && (Copulas.Contains(doc.Lower(k - 1)) || IsAdverb(k - 1)))
            {
                k--;
            }

            return k;
        }

        private bool IsAdverb(int k)
            => doc.IsLowerWord(k) && (CueLexicon.IsCuePrefix(doc.Lower(k)) || doc.Lower(k).EndsWith("ly", StringComparison.Ordinal));
    }
}
