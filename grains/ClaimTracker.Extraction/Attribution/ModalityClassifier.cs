using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>
/// Hedged vs asserted from the content's own words (may, might, could, likely, reportedly,
/// "is expected to", "I think") and the cue ("suggested", "believes"); denials from the cue
/// ("denied", "rejected", "dismissed") or a negated report of an act ("no … was discussed").
/// </summary>
internal static class ModalityClassifier
{
    /// <summary>Words in the content that make it hedged rather than asserted.</summary>
    private static readonly HashSet<string> Hedges = Lexicon.Words("hedges");

    /// <summary>Verbs that hedge the content in passive or raising forms ("is expected to", "is said to", "seems").</summary>
    private static readonly HashSet<string> HedgeVerbs = Lexicon.Words("hedge-verbs");

    /// <summary>Negations: with a reported act ("no … was discussed") the statement is a denial.</summary>
    private static readonly HashSet<string> Negators = Lexicon.Words("negators");

    /// <summary>Acts whose negation in the content makes a denial ("no arms deal was discussed").</summary>
    private static readonly HashSet<string> ReportedActs = Lexicon.Words("reported-acts");

    public static ExtractedModality Modality(Document doc, int first, int end, CueFlags cue)
    {
        if ((cue & CueFlags.Hedge) != 0)
        {
            return ExtractedModality.Hedged;
        }

        for (var i = first; i < end; i++)
        {
            if (doc.Tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            var w = doc.Lower(i);
            if (Hedges.Contains(w) && !(w == "may" && doc.IsCapitalized(i)))
            {
                return ExtractedModality.Hedged;
            }

            // "is expected to", "appears to", "is believed to"; not "an expected 2.5 million".
            if (HedgeVerbs.Contains(w) && doc.Is(i + 1, "to") && (w != "said" && w != "set" && w != "thought"
                || doc.Lower(i - 1) is "is" or "are" or "was" or "were"))
            {
                return ExtractedModality.Hedged;
            }

            if (w is "i" or "we" && doc.Lower(i + 1) is "think" or "believe" or "guess" or "suspect" or "assume")
            {
                return ExtractedModality.Hedged;
            }
        }

        return ExtractedModality.Asserted;
    }

    public static bool IsDenial(Document doc, int first, int end, CueFlags cue)
    {
        if ((cue & CueFlags.Denial) != 0)
        {
            return true;
        }

        var lastNegator = -100;
        for (var i = first; i < end; i++)
        {
            var w = doc.Lower(i);
            if (Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal))
            {
                lastNegator = i;
                continue;
            }

            if (i - lastNegator <= 6 && ReportedActs.Contains(w))
            {
                return true;
            }

            if (w is "false" or "untrue" or "baseless" or "fabricated" or "fake" or "lies" or "hoax" or "groundless" && i - first <= 6)
            {
                return true;
            }
        }

        return false;
    }
}
