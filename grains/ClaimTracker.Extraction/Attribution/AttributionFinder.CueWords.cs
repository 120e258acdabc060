using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

/// <summary>Which tokens of a sentence are cues: verbs of saying and stance by form and by the words around them.</summary>
internal static partial class AttributionFinder
{
    /// <summary>"Glenn Beck Says Trump Poses A Threat": a headline in title case, where verbs are capitalised too.</summary>
    private static bool IsTitleCase(Document doc, int first, int end)
    {
        var words = 0;
        var capitalised = 0;
        for (var i = first; i < end && i - first < 60; i++)
        {
            if (doc.Tokens[i].Kind == TokenKind.Word && doc.Tokens[i].Length > 3)
            {
                words++;
                if (doc.IsCapitalized(i))
                {
                    capitalised++;
                }
            }
        }

        return words >= 3 && capitalised >= words - 1 && capitalised * 10 >= words * 8;
    }

    /// <summary>A capitalised verb of saying or stance after a capitalised subject in a title-case headline.</summary>
    private static bool IsTitleCaseCue(Document doc, int i, int first, int end)
    {
        if (i == first || !doc.IsCapitalized(i) || !doc.IsCapitalized(i - 1) || i + 1 >= end || doc.IsTerminal(i + 1))
        {
            return false;
        }

        var lower = doc.Lower(i);
        return CueLexicon.TryGet(lower, out var flags) && (flags & CueFlags.Participle) == 0
            && (lower.EndsWith('s') || lower.EndsWith("ed", StringComparison.Ordinal)) && !lower.EndsWith("ss", StringComparison.Ordinal);
    }

    /// <summary>A lower-case verb of the cue lexicon or a finite-looking verb in any context: a candidate for the filter.</summary>
    private static bool IsLooseCue(Document doc, int i)
        => doc.IsLowerWord(i) && !IsMotionWithoutParticle(doc, i) && !IsNamingParticiple(doc, i)
            && (CueLexicon.TryGet(doc.Lower(i), out _) || IsGenericVerb(doc, i) || IsCommaParticiple(doc, i)
                || IsVerbAfterAuxiliary(doc, i));

    /// <summary>
    /// A verb by its auxiliary: "is relying on", "will cover", "has taken an interest in" (any form after a modal or a perfect
    /// auxiliary, a form in -ing after a progressive one), an adverb or negation allowed between.
    /// </summary>
    private static bool IsVerbAfterAuxiliary(Document doc, int i)
    {
        var lower = doc.Lower(i);
        if (doc.Tokens[i].Length < 4 || NotVerbs.Contains(lower) || NotParticiples.Contains(lower) || ContentBlockers.Contains(lower)
            || lower is "been" or "being" or "have" or "having" || lower.EndsWith("ly", StringComparison.Ordinal))
        {
            return false;
        }

        var aux = i - 1;
        if (doc.IsLowerWord(aux) && CueLexicon.IsCuePrefix(doc.Lower(aux)) && !IsAuxiliary(doc.Lower(aux)))
        {
            aux--;
        }

        if (IsBlockedParticiple(doc, i, lower))
        {
            return false;
        }

        var before = doc.Lower(aux);
        return lower.EndsWith("ing", StringComparison.Ordinal) ? IsProgressiveAuxiliary(before) : IsAuxiliary(before);
    }

    private static bool IsAuxiliary(string lower)
        => lower is "will" or "would" or "can" or "could" or "should" or "must" or "may" or "might" or "has" or "have" or "had"
            or "’ll" or "'ll" or "’ve" or "'ve" or "’d" or "'d";

    /// <summary>"went underground", "went there": "go" is a cue only as "went after", in the loose pass as in the rules.</summary>
    private static bool IsMotionWithoutParticle(Document doc, int i)
        => doc.Lower(i) is "went" or "go" or "goes" or "going" && !doc.Is(i + 1, "after");

    /// <summary>"a firm called Cambridge Analytica": a participle after a common noun names it (loose pass and rules).</summary>
    private static bool IsNamingParticiple(Document doc, int i)
    {
        var lower = doc.Lower(i);
        var prev = doc.Lower(i - 1);
        return lower is "called" or "named" or "dubbed" or "titled" or "labeled"
            && doc.IsLowerWord(i - 1) && !SubjectPronouns.Contains(prev) && prev is not ("which" or "that" or "also" or "who")
            && !CueLexicon.IsCuePrefix(prev)
            && !(lower == "called" && doc.Lower(i + 1) is "for" or "on");
    }

    /// <summary>Words in -ing that are no participle ("including", "during", "morning").</summary>
    private static readonly HashSet<string> NotParticiples = Lexicon.Words("not-participles");

    /// <summary>
    /// ", attacking Mr. Trump", ", offering more dire warnings": a participle after a comma, whose speaker is the subject of the
    /// clause before it. Only the loose pass tries it, as a participle cue (<see cref="CueFlags.Participle"/>).
    /// </summary>
    private static bool IsCommaParticiple(Document doc, int i)
    {
        if (!doc.Is(i - 1, ',') || doc.Tokens[i].Kind != TokenKind.Word || !char.IsLower(doc.First(i)) || doc.Tokens[i].Length < 6)
        {
            return false;
        }

        var lower = doc.Lower(i);
        return lower.EndsWith("ing", StringComparison.Ordinal) && !NotParticiples.Contains(lower);
    }

    private static bool IsCue(Document doc, int i, int end)
    {
        if (doc.Tokens[i].Kind != TokenKind.Word)
        {
            return false;
        }

        var lower = doc.Lower(i);
        if (!char.IsLower(doc.First(i)) && lower != "according" && !IsInitialInvertedCue(doc, i, end))
        {
            return false;
        }

        if (lower == "according")
        {
            return doc.Is(i + 1, "to");
        }

        // "Trump shot back", "She points out that …": phrasal verbs of reply and argument.
        if ((lower is "shot" or "fired" or "hit" && doc.Is(i + 1, "back")) || (lower == "points" && (doc.Is(i + 1, "out")
            || doc.Is(i + 1, "to"))))
        {
            // "Local politicians also fired back": a cue prefix may sit between the subject and the verb.
            var subjectEnd = i - 1;
            while (subjectEnd > 0 && i - subjectEnd <= 2 && doc.IsLowerWord(subjectEnd) && CueLexicon.IsCuePrefix(doc.Lower(subjectEnd)))
            {
                subjectEnd--;
            }

            return doc.IsCapitalized(subjectEnd) || SubjectPronouns.Contains(doc.Lower(subjectEnd)) || doc.Is(i - 1, ',')
                || (subjectEnd < i - 1 && doc.IsLowerWord(subjectEnd) && doc.Lower(subjectEnd).EndsWith('s'));
        }

        // "As Vulture put it, “…”".
        if (lower is "put" or "puts" && doc.Is(i + 1, "it") && i + 2 < end && (doc.Is(i + 2, ',') || doc.IsTerminal(i + 2)
            || doc.Is(i + 2, ':')) && AsBefore(doc, i))
        {
            return true;
        }

        if (!CueLexicon.TryGet(lower, out var flags))
        {
            // Any finite verb before "that" or before a colon and a quote reports someone's words or thoughts.
            // A plural noun looks like a verb in -s ("lights that formed"): then only after a name or a pronoun.
            return IsGenericVerb(doc, i) && (lower.EndsWith("ed", StringComparison.Ordinal) || doc.IsCapitalized(i - 1)
                || SubjectPronouns.Contains(doc.Lower(i - 1)))
                && (doc.Is(i + 1, "that")
                || (doc.Is(i + 1, ':') && i + 2 < end && doc.Tokens[i + 2].Kind == TokenKind.OpenQuote));
        }

        var prev = doc.Lower(i - 1);
        var next = i + 1 < end ? doc.Lower(i + 1) : string.Empty;

        // "mail, phone calls and digital ads": a word in -s before "and" after a lowercase word is a noun of a list.
        if (lower.EndsWith('s') && next is "and" or "or" && doc.IsLowerWord(i - 1) && !SubjectPronouns.Contains(prev)
            && !CueLexicon.IsCuePrefix(prev))
        {
            return false;
        }
        var nextOpensQuote = i + 1 < end && (doc.Is(i + 1, ':') || doc.Tokens[i + 1].Kind == TokenKind.OpenQuote);
        // "capitalists are saying", "they are hoping": a progressive form is active.
        if (lower.EndsWith("ing", StringComparison.Ordinal) && IsProgressiveAuxiliary(prev) && (flags & CueFlags.Participle) != 0
            && (!ParticipleBlockers.Contains(next) || CueLexicon.IsParticle(lower, next) || (next == "to"
            && (flags & CueFlags.TakesInfinitive) != 0)))
        {
            return true;
        }

        if (PassiveMarkers.Contains(prev) || prev == "to" && !lower.EndsWith('s'))
        {
            return false;
        }

        if (lower is "show" or "shows" or "showed" or "found" or "finds" or "suggest" && EvidenceNouns.Contains(prev))
        {
            return true;
        }

        // "A University poll out this week shows Clinton ahead", "Military Times found Democrats favored …":
        // a verb of evidence after a poll, a study or a name needs no "that".
        if (lower is "show" or "shows" or "showed" or "shown" or "found" or "finds" or "suggest" or "suggests" or "indicate" or
            "indicates" or "reveal" or "reveals"
            && !NounDeterminers.Contains(prev) && !prev.EndsWith("'s", StringComparison.Ordinal)
            && !prev.EndsWith("’s", StringComparison.Ordinal)
            && !ParticipleBlockers.Contains(next)
            && next is not ("that" or "up" or "off" or "out" or "himself" or "herself" or "themselves" or "itself")
            && (doc.IsCapitalized(i - 1) || SubjectPronouns.Contains(prev) || EvidenceNounBefore(doc, i)))
        {
            return true;
        }

        if ((flags & CueFlags.Participle) != 0)
        {
            // "…, calling him a “train wreck”", "…, calling for a ban": after a comma the -ing form hangs off the clause.
            if (doc.Is(i - 1, ',') && (!ParticipleBlockers.Contains(next) || CueLexicon.IsParticle(lower, next) || (next == "to"
                && (flags & CueFlags.TakesInfinitive) != 0)))
            {
                return true;
            }

            // "a super PAC supporting Rubio", "with 22 percent saying they …": a participle right after its noun.
            if (doc.IsWord(i - 1) && !NounDeterminers.Contains(prev) && !ParticipleBlockers.Contains(next) && !PhraseFinder.IsPronoun(prev)
                && (lower is "supporting" or "backing" or "opposing" or "endorsing" || WithBefore(doc, i)))
            {
                return true;
            }
        }

        if (IsNamingParticiple(doc, i) || IsMotionWithoutParticle(doc, i))
        {
            return false;
        }

        // "terror attacks", "his comments", "talk radio": words that are mostly nouns are cues only after a name or a pronoun.
        if (NounLikeCues.Contains(lower) && !QuoteClosesShortlyBefore(doc, i))
        {
            var subjectEnd = i - 1;
            while (subjectEnd > 0 && i - subjectEnd < 3 && doc.IsLowerWord(subjectEnd) && CueLexicon.IsCuePrefix(doc.Lower(subjectEnd)))
            {
                subjectEnd--;
            }

            if (!(doc.IsCapitalized(subjectEnd) || SubjectPronouns.Contains(doc.Lower(subjectEnd))
                || doc.Lower(subjectEnd) is "which" or "that"))
            {
                return false;
            }
        }

        // "raised questions", "making claims", "received support": after a verb the word is its object.
        if (doc.IsLowerWord(i - 1) && prev.Length > 4 && !CueLexicon.IsCuePrefix(prev)
            && ((prev.EndsWith("ed", StringComparison.Ordinal) && prev is not ("need" or "speed" or "united") && (lower.EndsWith('s')
            || (flags & CueFlags.Stance) != 0)
                 && prev is not ("surveyed" or "polled" or "interviewed" or "questioned" or "asked" or "contacted" or "sampled"))
                || (lower.EndsWith('s') && prev.EndsWith("ing", StringComparison.Ordinal) && !EvidenceNouns.Contains(prev))))
        {
            return false;
        }

        // "36 percent support", "10 points support": a number's noun is no subject of a stance verb.
        if ((flags & CueFlags.Stance) != 0 && (prev is "percent" or "%" || doc.Tokens[Math.Max(i - 1, 0)].Kind == TokenKind.Number)
            && !doc.IsCapitalized(i - 1))
        {
            return false;
        }

        if (((flags & CueFlags.Stance) != 0 || lower.EndsWith('s')) && (NounDeterminers.Contains(prev)
            || prev.EndsWith("'s", StringComparison.Ordinal) || prev.EndsWith("’s", StringComparison.Ordinal)))
        {
            return false;
        }

        // "Trump claims he's worth …", "Trump knows we must …": after a name and before a subject pronoun the word is a verb.
        if ((flags & CueFlags.NeedsThatOrQuote) != 0 && doc.IsCapitalized(i - 1) && i + 1 < end && doc.IsLowerWord(i + 1)
            && StartsWithSubjectPronoun(next))
        {
            return true;
        }

        // "he knows", "they claim": after a subject pronoun the word is a verb.
        if ((flags & CueFlags.NeedsThatOrQuote) != 0 && SubjectPronouns.Contains(prev) && (doc.IsLowerWord(i - 1) || prev == "i"))
        {
            return true;
        }

        if ((flags & CueFlags.NeedsThatOrQuote) != 0)
        {
            if (NounDeterminers.Contains(prev) || doc.Text[doc.Tokens[Math.Max(i - 1, 0)].End - 1] is '\'' or '’' or 's'
                && prev.EndsWith("'s", StringComparison.Ordinal))
            {
                return false;
            }

            return next == "that" || nextOpensQuote || (doc.Is(i + 1, ',') && doc.Tokens.Length > i + 2
                && doc.Tokens[i + 2].Kind == TokenKind.OpenQuote)
                || ((i + 1 >= end || doc.IsTerminal(i + 1) || doc.Is(i + 1, ',')) && QuoteClosesShortlyBefore(doc, i));
        }

        if ((flags & CueFlags.Reporting) != 0 && lower.EndsWith('s') && NounDeterminers.Contains(prev))
        {
            return false;
        }

        if ((flags & CueFlags.Participle) != 0)
        {
            if (ParticipleBlockers.Contains(next) && !nextOpensQuote)
            {
                return false;
            }

            return doc.Is(i - 1, ',') || nextOpensQuote || next == "that" || doc.Tokens[Math.Max(i - 1, 0)].Kind == TokenKind.CloseQuote;
        }

        return true;
    }

    private static bool IsProgressiveAuxiliary(string lower)
        => lower is "is" or "are" or "was" or "were" or "been" or "’s" or "'s" or "'re" or "’re";

    private static bool AsBefore(Document doc, int i)
    {
        for (var k = i - 1; k >= 0 && i - k <= 8 && (doc.IsWord(k) || doc.Is(k, '.')); k--)
        {
            if (doc.Is(k, "as"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithSubjectPronoun(string lower)
    {
        var apostrophe = lower.IndexOfAny(['\'', '’']);
        var word = apostrophe > 0 ? lower[..apostrophe] : lower;
        return word is "he" or "she" or "they" or "we" or "i" or "it";
    }

    /// <summary>"with the union calling her …": "with" opens the noun phrase right before <paramref name="i"/>.</summary>
    private static bool WithBefore(Document doc, int i)
    {
        for (var k = i - 2; k >= 0 && i - k <= 7 && doc.IsWord(k); k--)
        {
            if (doc.Is(k, "with"))
            {
                return true;
            }

            if (CueLexicon.TryGet(doc.Lower(k), out _) && doc.IsLowerWord(k))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A poll, a study or records a few words before <paramref name="i"/> within its clause.</summary>
    private static bool EvidenceNounBefore(Document doc, int i)
    {
        for (var k = i - 1; k >= 0 && i - k <= 8 && (doc.IsWord(k) || doc.Is(k, '-') || doc.Is(k, '/')); k--)
        {
            if (EvidenceNouns.Contains(doc.Lower(k)) || doc.Is(k, "findings") || doc.Is(k, "footage") || doc.Is(k, "video")
                || doc.Is(k, "email")
                || doc.Is(k, "memo") || doc.Is(k, "tally") || doc.Is(k, "tallies") || doc.Is(k, "filings") || doc.Is(k, "audit"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"“…,” a voice-over in the ad states.": a closing quote a few words before the cue.</summary>
    private static bool QuoteClosesShortlyBefore(Document doc, int i)
    {
        for (var k = i - 1; k >= 0 && i - k <= 6; k--)
        {
            if (doc.Tokens[k].Kind == TokenKind.CloseQuote)
            {
                return true;
            }

            if (doc.IsTerminal(k) || doc.Tokens[k].Kind == TokenKind.OpenQuote)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"Said Dorothy Poynter, who …: “…”": a verb of saying opening a sentence, then a capitalised name.</summary>
    private static bool IsInitialInvertedCue(Document doc, int i, int end)
        => doc.Lower(i) is "said" or "says" or "added" or "asked" or "wrote" && i + 1 < end && doc.IsCapitalized(i + 1)
           && (i == 0 || doc.IsTerminal(i - 1) || doc.Tokens[i].NewlinesBefore > 0);

    /// <summary>Words ending in -s or -ed that are no finite verb: never a cue found by its ending alone.</summary>
    private static readonly HashSet<string> NotVerbs = Lexicon.Words("not-verbs");

    /// <summary>A lower-case finite verb by its ending ("quipped", "argues"), for cues outside the lexicon.</summary>
    private static bool IsGenericVerb(Document doc, int i)
    {
        if (doc.Tokens[i].Kind != TokenKind.Word || !char.IsLower(doc.First(i)) || doc.Tokens[i].Length < 4)
        {
            return false;
        }

        var lower = doc.Lower(i);
        if (NotVerbs.Contains(lower) || lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("'s", StringComparison.Ordinal)
            || lower.EndsWith("’s", StringComparison.Ordinal) || lower.EndsWith("ous", StringComparison.Ordinal))
        {
            return false;
        }

        return lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith('s');
    }
}
