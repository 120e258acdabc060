using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>
/// Surface features of one rule candidate for the learned filter: the rule that fired, the cue's lexicon classes,
/// span lengths and distances, punctuation and quote boundaries, capitalisation. No part-of-speech tagger.
/// </summary>
public static class AttributionFeatures
{
    public static readonly string[] Names =
    [
        "pattern", "flag-addressee", "flag-participle", "flag-needs-that", "flag-denial", "flag-hedge", "flag-reporting",
        "flag-infinitive", "flag-stance", "cue-in-lexicon", "cue-tokens", "cue-capitalised", "comma-before-cue",
        "that-after-cue", "colon-after-cue", "source-empty", "source-tokens", "source-capitalised-share", "source-pronoun",
        "source-has-comma", "source-before-cue", "source-cue-gap", "content-tokens", "content-is-quote", "cue-content-gap",
        "content-ends-sentence", "content-starts-sentence", "quote-marks-in-content", "sentence-tokens",
        "cue-position", "candidates-in-sentence", "same-speaker-as-previous", "has-addressee", "has-via", "not-attributed-kind",
        "sentence-opens-paragraph", "question-mark-in-sentence", "loose-cue", "cue-head-word-rate", "cue-max-word-rate",
        "word-after-cue-rate",
    ];

    public const int Count = 41;

    private const int RatesOffset = 38;

    private static readonly CueFlags[] Flags =
    [
        CueFlags.TakesAddressee, CueFlags.Participle, CueFlags.NeedsThatOrQuote, CueFlags.Denial, CueFlags.Hedge,
        CueFlags.Reporting, CueFlags.TakesInfinitive, CueFlags.Stance,
    ];

    internal static float[] Of(Document doc, Sentence sentence, RawAttribution raw, int candidatesInSentence, CueWordRates rates)
    {
        var f = new float[Count];
        var n = 0;
        f[n++] = (float)raw.Pattern;
        foreach (var flag in Flags)
        {
            f[n++] = (raw.Flags & flag) != 0 ? 1 : 0;
        }

        var cue = raw.Cue;
        var hasCue = !cue.IsEmpty;
        f[n++] = hasCue && CueLexicon.TryGet(doc.Lower(cue.Last), out _) ? 1 : 0;
        f[n++] = hasCue ? cue.End - cue.First : 0;
        f[n++] = hasCue && doc.IsCapitalized(cue.First) ? 1 : 0;
        f[n++] = hasCue && doc.Is(cue.First - 1, ',') ? 1 : 0;
        f[n++] = hasCue && doc.Is(cue.End, "that") ? 1 : 0;
        f[n++] = hasCue && doc.Is(cue.End, ':') ? 1 : 0;

        var source = raw.Source;
        f[n++] = source.IsEmpty ? 1 : 0;
        f[n++] = source.IsEmpty ? 0 : source.End - source.First;
        f[n++] = source.IsEmpty ? 0 : CapitalisedShare(doc, source);
        f[n++] = !source.IsEmpty && PhraseFinder.IsPronoun(doc.Lower(source.First)) ? 1 : 0;
        f[n++] = !source.IsEmpty && Contains(doc, source, ',') ? 1 : 0;
        f[n++] = !source.IsEmpty && hasCue && source.First < cue.First ? 1 : 0;
        f[n++] = !source.IsEmpty && hasCue ? Gap(source, cue) : -1;

        var content = raw.Content;
        f[n++] = content.IsEmpty ? 0 : content.End - content.First;
        f[n++] = raw.Quote is null ? 0 : 1;
        f[n++] = !content.IsEmpty && hasCue ? Gap(cue, content) : -1;
        f[n++] = !content.IsEmpty && content.End >= sentence.End - 1 ? 1 : 0;
        f[n++] = !content.IsEmpty && content.First <= sentence.First + 1 ? 1 : 0;
        f[n++] = content.IsEmpty ? 0 : QuoteMarks(doc, content);

        var length = sentence.End - sentence.First;
        f[n++] = length;
        f[n++] = hasCue && length > 0 ? (cue.First - sentence.First) / (float)length : -1;
        f[n++] = candidatesInSentence;
        f[n++] = raw.Speaker == SpeakerHint.SameAsPrevious ? 1 : 0;
        f[n++] = raw.Addressee.IsEmpty ? 0 : 1;
        f[n++] = raw.Via.IsEmpty ? 0 : 1;
        f[n++] = raw.Kind == StatementKind.Attributed ? 0 : 1;
        f[n++] = sentence.First == sentence.Paragraph.First ? 1 : 0;
        f[n++] = HasQuestionMark(doc, sentence) ? 1 : 0;
        f[n++] = raw.Loose ? 1 : 0;
        SetRates(f, rates, CueWords(doc, raw), WordAfterCue(doc, raw));
        return f;
    }

    /// <summary>The lower-case words of the candidate's cue, as the cue-word rates read them.</summary>
    private static string[] CueWords(Document doc, RawAttribution raw)
    {
        var words = new List<string>();
        for (var k = raw.Cue.First; k < raw.Cue.End; k++)
        {
            if (doc.IsWord(k))
            {
                words.Add(doc.Lower(k));
            }
        }

        return [.. words];
    }

    private static string WordAfterCue(Document doc, RawAttribution raw)
        => !raw.Cue.IsEmpty && raw.Cue.End < doc.Tokens.Length && doc.IsWord(raw.Cue.End) ? doc.Lower(raw.Cue.End) : string.Empty;

    /// <summary>The learned cue-word rates of the cue's last word, its most cue-like word and the word after it.</summary>
    private static void SetRates(float[] features, CueWordRates rates, string[] cueWords, string wordAfterCue)
    {
        var n = RatesOffset;
        if (cueWords.Length == 0)
        {
            features[n] = features[n + 1] = features[n + 2] = -1;
            return;
        }

        features[n] = rates.Rate(cueWords[^1]);
        features[n + 1] = cueWords.Max(rates.Rate);
        features[n + 2] = wordAfterCue.Length == 0 ? -1 : rates.Rate(wordAfterCue);
    }

    /// <summary>Tokens between two ranges, whichever comes first.</summary>
    private static float Gap(TokenRange a, TokenRange b)
        => a.First <= b.First ? Math.Max(0, b.First - a.End) : Math.Max(0, a.First - b.End);

    private static float CapitalisedShare(Document doc, TokenRange range)
    {
        var words = 0;
        var capitalised = 0;
        for (var k = range.First; k < range.End; k++)
        {
            if (doc.IsWord(k))
            {
                words++;
                capitalised += doc.IsCapitalized(k) ? 1 : 0;
            }
        }

        return words == 0 ? 0 : capitalised / (float)words;
    }

    private static bool Contains(Document doc, TokenRange range, char punct)
    {
        for (var k = range.First; k < range.End; k++)
        {
            if (doc.Is(k, punct))
            {
                return true;
            }
        }

        return false;
    }

    private static float QuoteMarks(Document doc, TokenRange range)
    {
        var marks = 0;
        for (var k = range.First; k < range.End; k++)
        {
            marks += doc.Tokens[k].IsDoubleQuote ? 1 : 0;
        }

        return marks;
    }

    private static bool HasQuestionMark(Document doc, Sentence sentence)
    {
        for (var k = sentence.First; k < sentence.End; k++)
        {
            if (doc.Is(k, '?'))
            {
                return true;
            }
        }

        return false;
    }
}
