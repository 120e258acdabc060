using ClaimTracker.Extraction.Attribution.Ranking;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// Finds the attributions of one sentence, strongest patterns first, each token in at most one:
/// (1) quote then cue ("“…,” X said", "“…,” said X, …", "“…,” media quoted him as saying");
/// (2) cue then colon or comma and quote ("X said: “…”", "…, adding: “…”");
/// (3) a trailing cue ("…, AFP reports.", "…, sources said.");
/// (4) "according to X";
/// (5) reported speech ("X said (that) …", "X told Y that …").
/// Cues inside quotes are ignored; the work per sentence is linear in its length.
/// </summary>
internal static partial class AttributionFinder
{
    private const int MaxGapAfterQuote = 25;
    private const int MaxGapBeforeColon = 10;
    private const int MaxAdverbialTokens = 16;

    /// <summary>Determiners and modifiers before a noun: a cue-like word after them is a noun ("the attacks", "news reports").</summary>
    private static readonly HashSet<string> NounDeterminers = Lexicon.Words("noun-determiners");

    /// <summary>Polls, studies and records that "show" or "find" something: sources of evidence cues.</summary>
    private static readonly HashSet<string> EvidenceNouns = Lexicon.Words("evidence-nouns");

    /// <summary>Words that open a paragraph before a colon without naming a speaker ("UPDATE:", "Q:", "The Latest:").</summary>
    private static readonly HashSet<string> NotSpeakers = Lexicon.Words("not-speakers");

    /// <summary>Nouns of polling: "in a new Fox News poll" makes the poll the source of the clause before it.</summary>
    private static readonly HashSet<string> PollNouns = Lexicon.Words("poll-nouns");

    /// <summary>Pronouns that can be the subject right before a cue.</summary>
    private static readonly HashSet<string> SubjectPronouns = Lexicon.Words("subject-pronouns");

    /// <summary>Words that start a prepositional phrase: content never starts with them unless they are the cue's particle.</summary>
    private static readonly HashSet<string> ContentBlockers = Lexicon.Words("content-blockers");

    /// <summary>Auxiliaries that make the following participle passive ("was asked", "got attacked").</summary>
    private static readonly HashSet<string> PassiveMarkers = Lexicon.Words("passive-markers");

    /// <summary>Cue words that are mostly nouns in news text (train split: most of their hits were no cue).</summary>
    private static readonly HashSet<string> NounLikeCues = Lexicon.Words("noun-like-cues");

    /// <summary>Verbs of saying that may come before their speaker ("…, said Yohann Michel").</summary>
    private static readonly HashSet<string> InvertibleCues = Lexicon.Words("invertible-cues");

    /// <summary>Verbs of publishing or ranking: "published by", "named by" give no speaker.</summary>
    private static readonly HashSet<string> NotPassiveCues = Lexicon.Words("not-passive-cues");

    /// <summary>Finite auxiliaries: they open the verb phrase of a clause.</summary>
    private static readonly HashSet<string> FiniteAuxiliaries = Lexicon.Words("finite-auxiliaries");

    /// <summary>Words after an -ing or -ed form that make it no cue ("looking for", "signed up").</summary>
    private static readonly HashSet<string> ParticipleBlockers = Lexicon.Words("participle-blockers");

    public static List<RawAttribution> Find(Document doc, Sentence sentence) => Find(doc, sentence, loose: false, rates: null);

    /// <summary>
    /// The high-recall candidates of a sentence for the learned filter: the attributions of the rules, then those found when
    /// every verb of the cue lexicon, every finite-looking verb and every word often in a cue in the training text counts as a cue, where their cue is new (marked loose).
    /// </summary>
    public static List<RawAttribution> FindCandidates(Document doc, Sentence sentence, CueWordRates rates)
    {
        var strict = Find(doc, sentence, loose: false, rates: null);

        // "Is Durex planning a pumpkin spice condom?": a question asserts nothing, whatever its verbs.
        if (doc.Is(sentence.End - 1, '?'))
        {
            return strict;
        }

        // Tokens already in a cue: a loose candidate is new where its cue shares none of them.
        var cueTokens = new HashSet<int>();
        foreach (var attribution in strict)
        {
            AddRange(cueTokens, attribution.Cue);
        }

        foreach (var candidate in Find(doc, sentence, loose: true, rates))
        {
            var cue = candidate.Cue;
            if (!cue.IsEmpty && !Enumerable.Range(cue.First, cue.End - cue.First).Any(cueTokens.Contains)
                && !IsJointNamedSource(doc, candidate.Source))
            {
                candidate.Loose = true;
                strict.Add(candidate);
                AddRange(cueTokens, cue);
            }
        }

        strict.Sort((a, b) => a.Anchor.CompareTo(b.Anchor));
        return strict;
    }

    private static void AddRange(HashSet<int> tokens, TokenRange range)
    {
        for (var i = range.First; i < range.End; i++)
        {
            tokens.Add(i);
        }
    }

    /// <summary>
    /// "President Putin and North Korean leader Kim Jong Un enjoyed …": two named people joined by "and". Speakers are resolved
    /// to one actor, so such a source would name one of them after both; the loose pass proposes none.
    /// </summary>
    private static bool IsJointNamedSource(Document doc, TokenRange source)
    {
        for (var k = source.First + 1; k < source.End - 1; k++)
        {
            if (doc.Is(k, "and") && doc.IsCapitalized(k - 1) && doc.IsCapitalized(source.End - 1))
            {
                return true;
            }
        }

        return false;
    }

    private static List<RawAttribution> Find(Document doc, Sentence sentence, bool loose, CueWordRates? rates)
    {
        var first = sentence.First;
        var end = sentence.End;
        var result = new List<RawAttribution>();
        var quotes = QuoteScanner.Scan(doc, first, end);
        var covered = new bool[end - first];
        var inQuote = InQuoteMask(quotes, first, end);

        var cues = new List<int>();
        var titleCase = IsTitleCase(doc, first, end);
        for (var i = first; i < end; i++)
        {
            if (!inQuote[i - first]
                && (IsCue(doc, i, end) || (titleCase && IsTitleCaseCue(doc, i, first, end))
                    || (loose && (IsLooseCue(doc, i) || IsPredicateCue(doc, i, end) || IsLearnedCue(doc, i, rates)))))
            {
                cues.Add(i);
            }
        }

        var context = new Context(doc, first, end, quotes, covered, inQuote, cues, result);
        void Run(AttributionPattern pattern, Action find)
        {
            var before = result.Count;
            find();
            for (var k = before; k < result.Count; k++)
            {
                result[k].Pattern = pattern;
            }
        }

        if (first == sentence.Paragraph.First)
        {
            Run(AttributionPattern.SpeakerColon, context.SpeakerColon);
        }

        Run(AttributionPattern.NameColonQuote, context.NameColonQuote);
        if (cues.Count > 0)
        {
            Run(AttributionPattern.InitialInvertedCue, context.InitialInvertedCue);
            Run(AttributionPattern.QuoteThenCue, context.QuoteThenCue);
            Run(AttributionPattern.CueThenQuote, context.CueThenQuote);
            Run(AttributionPattern.TrailingCue, context.TrailingCue);
            Run(AttributionPattern.AccordingTo, context.AccordingTo);
            Run(AttributionPattern.ReportedSpeech, context.ReportedSpeech);
            if (loose)
            {
                Run(AttributionPattern.LooseClause, context.LooseClauses);
            }
        }

        Run(AttributionPattern.NominalCue, context.NominalCues);
        Run(AttributionPattern.PassiveBy, context.PassiveBy);
        Run(AttributionPattern.InPoll, context.InPoll);
        Run(AttributionPattern.ReportedThroughOuter, context.ReportedThroughOuter);
        result.Sort((a, b) => a.Anchor.CompareTo(b.Anchor));
        return result;
    }

    /// <summary>
    /// Which tokens of the sentence lie in a quote, its marks included. Counted by region starts and ends rather than
    /// by filling each region, since the regions of closing marks without an opening all reach back to the sentence's
    /// start: a long sentence with many of them would cost the square of its length.
    /// </summary>
    private static bool[] InQuoteMask(List<QuoteRegion> quotes, int first, int end)
    {
        var opened = new int[end - first + 1];
        foreach (var q in quotes)
        {
            var from = Math.Max(q.Open, first);
            var to = Math.Min(q.OuterEnd, end);
            if (from < to)
            {
                opened[from - first]++;
                opened[to - first]--;
            }
        }

        var mask = new bool[end - first];
        var depth = 0;
        for (var k = 0; k < mask.Length; k++)
        {
            depth += opened[k];
            mask[k] = depth > 0;
        }

        return mask;
    }
}
