namespace ClaimTracker.Matching;

/// <summary>
/// The vocabularies behind the stance rules, after the refuting and hedging word lists of Ferreira
/// &amp; Vlachos (2016) and the FNC-1 baseline, extended with news reporting cues. Phrases are matched
/// on lower-case words (see <see cref="TextAnalysis.Words"/>), so "didn't" is "did not".
/// </summary>
internal static class StanceLexicon
{
    /// <summary>Denial and debunking: the statement says the claim is untrue.</summary>
    public static readonly Phrase[] Denial = Phrase.Parse(
        "deny", "denies", "denied", "denying", "denial", "hoax", "hoaxes", "fake", "faked", "false", "falsely", "debunk", "debunks",
        "debunked", "debunking", "refute", "refutes", "refuted", "bogus", "fabricated", "fabrication", "myth", "untrue", "not true",
        "no truth", "no evidence", "prank", "pranked", "satire", "satirical", "spoof", "retract", "retracts", "retracted",
        "retraction", "photoshopped", "doctored", "misleading", "nonsense", "baseless", "unfounded", "disproved", "disproven",
        "made up", "scam", "trolled", "trolling", "rubbish", "dismisses", "dismissed", "rejects", "rejected", "rumors are false",
        "no such", "never happened", "did not happen", "is not real", "not real", "fiction", "fictional", "phony", "sham", "fraud",
        "doubt", "doubts", "doubted", "misinformation", "erroneous", "exaggerated", "figment", "fooled", "rebuffs", "rebuffed",
        "pants on fire");

    /// <summary>Reporting without endorsing: hedges, rumours, attributions to unnamed reports.</summary>
    public static readonly Phrase[] Hedge = Phrase.Parse(
        "reportedly", "report", "reports", "reported", "according to", "claims", "claim", "claimed", "claiming", "alleged", "allegedly",
        "allegation", "allegations", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "apparently", "appears", "appear",
        "appeared", "purportedly", "purported", "supposedly", "unconfirmed", "unverified", "may", "might", "could", "possibly",
        "perhaps", "probably", "likely", "believed", "suspected", "speculation", "speculate", "speculates", "sources say",
        "source says", "sources", "said to", "is said", "are said", "thought to", "seems", "seem", "suggests", "suggest", "considering",
        "mulls", "mulling", "in talks", "rumor has it", "if true", "say", "tipped", "eyes", "eyeing");

    /// <summary>Adverbs and phrases of reporting at a distance ("X reportedly …"), a stance-model feature of their own.</summary>
    public static readonly Phrase[] Reporting = Phrase.Parse(
        "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "according to", "sources say", "rumor", "rumour",
        "rumors", "rumours", "unconfirmed", "unverified", "claims to", "claim to", "is said", "are said");

    /// <summary>Verbs and nouns that attribute the words to someone else ("X says", "officials claim"), stance-model features.</summary>
    public static readonly Phrase[] Attribution = Phrase.Parse(
        "says", "say", "said", "saying", "claims", "claim", "claimed", "claiming", "tells", "told", "report", "reports", "reported",
        "according to", "suggests", "suggest", "insists", "insist", "warns", "believes", "believe", "thinks", "think", "fears", "fear",
        "suspects", "suspected", "alleges", "alleged", "sources", "source", "analyst", "analysts", "official", "officials", "media",
        "monitor", "monitors", "witnesses", "insider", "insiders");

    /// <summary>Modal verbs and adverbs of possibility.</summary>
    public static readonly Phrase[] Modal = Phrase.Parse(
        "may", "might", "could", "would", "can", "possibly", "perhaps", "probably", "likely", "possible", "potential", "potentially");

    /// <summary>Plans and talks rather than facts ("in talks", "set to", "considering").</summary>
    public static readonly Phrase[] Plan = Phrase.Parse(
        "plans", "plan", "planning", "planned", "in talks", "considering", "considers", "mulls", "mulling", "set to", "expected",
        "expects", "eyes", "eyeing", "aims", "hopes", "wants", "seeks", "preparing", "prepares");

    /// <summary>Words that vouch for a claim ("confirms", "officially", "proof").</summary>
    public static readonly Phrase[] Confirmation = Phrase.Parse(
        "confirms", "confirmed", "confirm", "confirmation", "officially", "official", "announces", "announced", "reveals", "revealed",
        "proof", "proves", "proved", "evidence", "it is official", "finally", "indeed", "truth", "true", "really");

    /// <summary>Words that put a statement in the negative.</summary>
    public static readonly Phrase[] Negation = Phrase.Parse(
        "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "cannot");

    /// <summary>Opening words of a question, when the sentence also ends with "?".</summary>
    public static readonly Phrase[] QueryOpeners = Phrase.Parse(
        "is it true", "is", "are", "was", "were", "did", "does", "do", "has", "have", "can", "could", "will", "would", "should",
        "who", "what", "why", "how");

    /// <summary>Antonym pairs, compared stemmed (<see cref="TextAnalysis.Stem"/>); each direction counts.</summary>
    public static readonly (string A, string B)[] Antonyms = Stemmed(
    [
        ("alive", "dead"), ("alive", "died"), ("alive", "killed"), ("survived", "died"), ("survives", "dies"), ("win", "lose"),
        ("won", "lost"), ("rise", "fall"), ("rose", "fell"), ("increase", "decrease"), ("raise", "cut"), ("confirm", "deny"),
        ("true", "false"), ("real", "fake"), ("genuine", "fake"), ("authentic", "fake"), ("guilty", "innocent"),
        ("convicted", "acquitted"), ("accept", "reject"), ("approve", "reject"), ("open", "closed"), ("legal", "illegal"),
        ("arrested", "released"), ("succeeded", "failed"), ("success", "failure"), ("higher", "lower"), ("more", "fewer"),
        ("more", "less"), ("found", "missing"), ("launch", "cancel"), ("launched", "cancelled"), ("ban", "allow"),
        ("banned", "allowed"), ("ban", "lift"), ("safe", "dead"), ("free", "captive"), ("agree", "disagree"), ("support", "oppose"),
    ]);

    /// <summary>The first phrase of <paramref name="phrases"/> found in <paramref name="words"/>, or null.</summary>
    public static string? FindFirst(IReadOnlyList<string> words, Phrase[] phrases)
    {
        var first = PhraseIndex.Of(phrases).FirstOrdinal(words);
        return first >= 0 ? phrases[first].Text : null;
    }

    /// <summary>Every phrase of <paramref name="phrases"/> found in <paramref name="words"/>.</summary>
    public static HashSet<string> FindAll(IReadOnlyList<string> words, Phrase[] phrases) => PhraseIndex.Of(phrases).All(words);

    /// <summary>Where the first phrase of <paramref name="phrases"/> found in <paramref name="words"/> starts, or -1.</summary>
    public static int FirstPosition(IReadOnlyList<string> words, Phrase[] phrases) => PhraseIndex.Of(phrases).FirstPosition(words);

    private static (string A, string B)[] Stemmed((string A, string B)[] pairs) =>
        pairs.Select(p => (TextAnalysis.Stem(p.A), TextAnalysis.Stem(p.B))).Distinct().ToArray();

    /// <summary>A sequence of lower-case words.</summary>
    public sealed class Phrase
    {
        private Phrase(string text)
        {
            Text = text;
            Words = text.Split(' ');
        }

        public string Text { get; }

        public string[] Words { get; }

        public static Phrase[] Parse(params string[] texts) => texts.Select(t => new Phrase(t)).ToArray();

        public int IndexIn(IReadOnlyList<string> words)
        {
            for (var i = 0; i + Words.Length <= words.Count; i++)
            {
                var match = true;
                for (var j = 0; j < Words.Length && match; j++)
                {
                    match = string.Equals(words[i + j], Words[j], StringComparison.Ordinal);
                }

                if (match)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
