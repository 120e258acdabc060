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
internal static class AttributionFinder
{
    private const int MaxGapAfterQuote = 25;
    private const int MaxGapBeforeColon = 10;
    private const int MaxAdverbialTokens = 16;

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "these", "those", "his", "her", "their", "its", "our", "news", "media", "such", "some",
        "many", "recent", "earlier", "previous", "latest", "press", "initial", "new", "unconfirmed", "several", "your",
    };

    private static readonly HashSet<string> EvidenceNouns = new(StringComparer.Ordinal)
    {
        "poll", "polls", "survey", "surveys", "study", "studies", "data", "records", "figures", "numbers", "report",
        "analysis", "research", "results", "documents", "emails", "polling", "review", "estimates", "statistics",
    };

    /// <summary>Words that open a paragraph before a colon without naming a speaker ("UPDATE:", "Q:", "The Latest:").</summary>
    private static readonly HashSet<string> NotSpeakers = new(StringComparer.Ordinal)
    {
        "the", "q", "a", "contributing", "twitter", "breaking", "byline", "editor", "editor's", "editor’s", "update",
        "updated", "correction", "exclusive", "watch", "related", "source", "sources", "photo", "video", "read", "note",
        "wow", "revealed", "look", "story", "confirmed", "shocking", "amazing", "boom", "busted", "so", "name", "paid", "email", "just", "bombshell", "abstract",
        "full", "text", "here", "warning", "listen", "see", "click", "update:", "tags", "posted", "sponsored", "why",
        "what", "how", "when", "where", "who", "this", "that", "these", "those", "and", "but", "or", "if", "then",
        "now", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "live", "latest", "big", "fact", "pledged", "delegate", "delegates", "superdelegates", "stat", "fix", "credit",
    };

    private static readonly HashSet<string> PollNouns = new(StringComparer.Ordinal)
    {
        "poll", "polls", "survey", "surveys", "polling",
    };

    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "we", "i", "who",
    };

    /// <summary>Words that start a prepositional phrase: content never starts with them unless they are the cue's particle.</summary>
    private static readonly HashSet<string> ContentBlockers = new(StringComparer.Ordinal)
    {
        "for", "of", "on", "in", "at", "by", "with", "from", "into", "against", "after", "over", "under", "among", "between",
        "through", "during", "without", "within", "toward", "towards", "up", "down", "off", "out", "around", "across",
    };

    private static readonly HashSet<string> PassiveMarkers = new(StringComparer.Ordinal)
    {
        "was", "were", "been", "being", "is", "are", "be", "get", "got",
    };

    /// <summary>Cue words that are mostly nouns in news text (train split: most of their hits were no cue).</summary>
    private static readonly HashSet<string> NounLikeCues = new(StringComparer.Ordinal)
    {
        "attacks", "comments", "questions", "challenges", "advocates", "figures", "talk", "note", "states", "demands", "praises",
        "doubts", "remarks", "talks", "views", "attack", "demand", "plans", "promises",
    };

    /// <summary>Verbs of saying that may come before their speaker ("…, said Yohann Michel").</summary>
    private static readonly HashSet<string> InvertibleCues = new(StringComparer.Ordinal)
    {
        "said", "says", "added", "adds", "wrote", "writes", "noted", "notes", "explained", "explains", "argued", "argues", "recalled",
        "recalls", "continued", "asked", "asks", "insisted", "insists", "warned", "warns", "observed", "conceded", "acknowledged",
        "stated", "replied", "quipped", "joked", "remarked", "countered", "suggested", "cautioned", "reported", "reports",
        "tweeted", "concluded", "predicted", "admitted", "declared", "told", "tells", "says", "answered", "responded", "offered",
        "agreed", "complained", "contended", "maintained", "emphasized", "stressed", "added", "posted", "boasted", "lamented",
    };

    /// <summary>Verbs of publishing or ranking: "published by", "named by" give no speaker.</summary>
    private static readonly HashSet<string> NotPassiveCues = new(StringComparer.Ordinal)
    {
        "released", "issued", "published", "listed", "named", "ranked", "rated", "directed", "unveiled", "identified", "outlined",
        "addressed", "focused", "pushed", "pressed", "doubled", "reversed", "weighed", "lashed", "went", "posted", "filed",
    };

    private static readonly HashSet<string> FiniteAuxiliaries = new(StringComparer.Ordinal)
    {
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
    };

    private static readonly HashSet<string> ParticipleBlockers = new(StringComparer.Ordinal)
    {
        "to", "for", "of", "up", "on", "in", "with", "off", "out", "into", "at", "by",
    };

    public static List<RawAttribution> Find(Document doc, Sentence sentence)
    {
        var first = sentence.First;
        var end = sentence.End;
        var result = new List<RawAttribution>();
        var quotes = QuoteScanner.Scan(doc, first, end);
        var covered = new bool[end - first];
        var inQuote = new bool[end - first];
        foreach (var q in quotes)
        {
            for (var k = Math.Max(q.Open, first); k < q.OuterEnd && k < end; k++)
            {
                inQuote[k - first] = true;
            }
        }

        var cues = new List<int>();
        var titleCase = IsTitleCase(doc, first, end);
        for (var i = first; i < end; i++)
        {
            if (!inQuote[i - first] && (IsCue(doc, i, end) || (titleCase && IsTitleCaseCue(doc, i, first, end))))
            {
                cues.Add(i);
            }
        }

        var context = new Context(doc, first, end, quotes, covered, inQuote, cues, result);
        if (first == sentence.Paragraph.First)
        {
            context.SpeakerColon();
        }

        context.NameColonQuote();

        if (cues.Count > 0)
        {
            context.InitialInvertedCue();
            context.QuoteThenCue();
            context.CueThenQuote();
            context.TrailingCue();
            context.AccordingTo();
            context.ReportedSpeech();
        }

        context.NominalCues();
        context.PassiveBy();
        context.InPoll();
        context.ReportedThroughOuter();
        result.Sort((a, b) => a.Anchor.CompareTo(b.Anchor));
        return result;
    }

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
        if ((lower is "shot" or "fired" or "hit" && doc.Is(i + 1, "back")) || (lower == "points" && (doc.Is(i + 1, "out") || doc.Is(i + 1, "to"))))
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
        if (lower is "put" or "puts" && doc.Is(i + 1, "it") && i + 2 < end && (doc.Is(i + 2, ',') || doc.IsTerminal(i + 2) || doc.Is(i + 2, ':')) && AsBefore(doc, i))
        {
            return true;
        }

        if (!CueLexicon.TryGet(lower, out var flags))
        {
            // Any finite verb before "that" or before a colon and a quote reports someone's words or thoughts.
            // A plural noun looks like a verb in -s ("lights that formed"): then only after a name or a pronoun.
            return IsGenericVerb(doc, i) && (lower.EndsWith("ed", StringComparison.Ordinal) || doc.IsCapitalized(i - 1) || SubjectPronouns.Contains(doc.Lower(i - 1)))
                && (doc.Is(i + 1, "that")
                || (doc.Is(i + 1, ':') && i + 2 < end && doc.Tokens[i + 2].Kind == TokenKind.OpenQuote));
        }

        var prev = doc.Lower(i - 1);
        var next = i + 1 < end ? doc.Lower(i + 1) : string.Empty;

        // "mail, phone calls and digital ads": a word in -s before "and" after a lowercase word is a noun of a list.
        if (lower.EndsWith('s') && next is "and" or "or" && doc.IsLowerWord(i - 1) && !SubjectPronouns.Contains(prev) && !CueLexicon.IsCuePrefix(prev))
        {
            return false;
        }
        var nextOpensQuote = i + 1 < end && (doc.Is(i + 1, ':') || doc.Tokens[i + 1].Kind == TokenKind.OpenQuote);
        // "capitalists are saying", "they are hoping": a progressive form is active.
        if (lower.EndsWith("ing", StringComparison.Ordinal) && IsProgressiveAuxiliary(prev) && (flags & CueFlags.Participle) != 0
            && (!ParticipleBlockers.Contains(next) || CueLexicon.IsParticle(lower, next) || (next == "to" && (flags & CueFlags.TakesInfinitive) != 0)))
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
        if (lower is "show" or "shows" or "showed" or "shown" or "found" or "finds" or "suggest" or "suggests" or "indicate" or "indicates" or "reveal" or "reveals"
            && !NounDeterminers.Contains(prev) && !prev.EndsWith("'s", StringComparison.Ordinal) && !prev.EndsWith("’s", StringComparison.Ordinal)
            && !ParticipleBlockers.Contains(next) && next is not ("that" or "up" or "off" or "out" or "himself" or "herself" or "themselves" or "itself")
            && (doc.IsCapitalized(i - 1) || SubjectPronouns.Contains(prev) || EvidenceNounBefore(doc, i)))
        {
            return true;
        }

        if ((flags & CueFlags.Participle) != 0)
        {
            // "…, calling him a “train wreck”", "…, calling for a ban": after a comma the -ing form hangs off the clause.
            if (doc.Is(i - 1, ',') && (!ParticipleBlockers.Contains(next) || CueLexicon.IsParticle(lower, next) || (next == "to" && (flags & CueFlags.TakesInfinitive) != 0)))
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

        // "a firm called Cambridge Analytica": a participle after a common noun names it.
        if (lower is "called" or "named" or "dubbed" or "titled" or "labeled"
            && doc.IsLowerWord(i - 1) && !SubjectPronouns.Contains(prev) && prev is not ("which" or "that" or "also" or "who") && !CueLexicon.IsCuePrefix(prev)
            && !(lower == "called" && next is "for" or "on"))
        {
            return false;
        }

        // "went underground", "went there": "go" is a cue only as "went after".
        if (lower is "went" or "go" or "goes" or "going" && next != "after")
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

            if (!(doc.IsCapitalized(subjectEnd) || SubjectPronouns.Contains(doc.Lower(subjectEnd)) || doc.Lower(subjectEnd) is "which" or "that"))
            {
                return false;
            }
        }

        // "raised questions", "making claims", "received support": after a verb the word is its object.
        if (doc.IsLowerWord(i - 1) && prev.Length > 4 && !CueLexicon.IsCuePrefix(prev)
            && ((prev.EndsWith("ed", StringComparison.Ordinal) && prev is not ("need" or "speed" or "united") && (lower.EndsWith('s') || (flags & CueFlags.Stance) != 0)
                 && prev is not ("surveyed" or "polled" or "interviewed" or "questioned" or "asked" or "contacted" or "sampled"))
                || (lower.EndsWith('s') && prev.EndsWith("ing", StringComparison.Ordinal) && !EvidenceNouns.Contains(prev))))
        {
            return false;
        }

        // "36 percent support", "10 points support": a number's noun is no subject of a stance verb.
        if ((flags & CueFlags.Stance) != 0 && (prev is "percent" or "%" || doc.Tokens[Math.Max(i - 1, 0)].Kind == TokenKind.Number) && !doc.IsCapitalized(i - 1))
        {
            return false;
        }

        if (((flags & CueFlags.Stance) != 0 || lower.EndsWith('s')) && (NounDeterminers.Contains(prev) || prev.EndsWith("'s", StringComparison.Ordinal) || prev.EndsWith("’s", StringComparison.Ordinal)))
        {
            return false;
        }

        // "Trump claims he's worth …", "Trump knows we must …": after a name and before a subject pronoun the word is a verb.
        if ((flags & CueFlags.NeedsThatOrQuote) != 0 && doc.IsCapitalized(i - 1) && i + 1 < end && doc.IsLowerWord(i + 1) && StartsWithSubjectPronoun(next))
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
            if (NounDeterminers.Contains(prev) || doc.Text[doc.Tokens[Math.Max(i - 1, 0)].End - 1] is '\'' or '’' or 's' && prev.EndsWith("'s", StringComparison.Ordinal))
            {
                return false;
            }

            return next == "that" || nextOpensQuote || (doc.Is(i + 1, ',') && doc.Tokens.Length > i + 2 && doc.Tokens[i + 2].Kind == TokenKind.OpenQuote)
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

    private static bool IsProgressiveAuxiliary(string lower) => lower is "is" or "are" or "was" or "were" or "been" or "’s" or "'s" or "'re" or "’re";

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
            if (EvidenceNouns.Contains(doc.Lower(k)) || doc.Is(k, "findings") || doc.Is(k, "footage") || doc.Is(k, "video") || doc.Is(k, "email")
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

    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "was", "has", "is", "does", "says", "this", "thus", "its", "his", "hers", "ours", "theirs", "yours", "less",
        "unless", "across", "always", "sometimes", "perhaps", "news", "series", "process", "class", "bus", "plus",
        "indeed", "needed", "speed", "seed", "bleed", "breed", "feed", "proceed", "exceed", "succeed", "hundred",
        "kindred", "shed", "bed", "red", "wed", "fed", "led", "united", "limited", "related", "based", "used",
        "supposed", "tired", "scared", "concerned", "interested", "worried", "pleased", "surprised", "convinced",
        "aware", "means", "ones", "times", "years", "days", "weeks", "months", "thanks", "besides", "towards",
    };

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

    /// <summary>Shared state of one sentence's search.</summary>
    private sealed class Context(Document doc, int first, int end, List<QuoteRegion> quotes, bool[] covered, bool[] inQuote, List<int> cues, List<RawAttribution> result)
    {
        private readonly bool[] _quoteMask = inQuote;
        private readonly HashSet<int> _usedQuotes = [];
        private readonly Dictionary<int, QuoteRegion> _byOpen = IndexByOpen(quotes);

        private static Dictionary<int, QuoteRegion> IndexByOpen(List<QuoteRegion> regions)
        {
            var index = new Dictionary<int, QuoteRegion>(regions.Count);
            foreach (var region in regions)
            {
                index.TryAdd(region.Open, region);
            }

            return index;
        }

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
                    if (doc.Tokens[k].Kind is TokenKind.OpenQuote || (doc.IsTerminal(k) && !IsInnerDot(k)) || doc.Is(k, ';') || doc.Is(k, ':'))
                    {
                        break;
                    }

                    if (IsCueToken(k) || (k > j && IsGenericVerb(doc, k) && IsShortTail(k + 1) && doc.IsWord(k - 1)
                        && (doc.Lower(k).EndsWith("ed", StringComparison.Ordinal) || doc.IsCapitalized(k - 1) || SubjectPronouns.Contains(doc.Lower(k - 1)))))
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
                    || doc.Is(lastInner, '—') || doc.Is(lastInner, '–') || doc.Is(lastInner, '…') || doc.Is(lastInner, '.') || doc.Is(lastInner, '-');
                // "“The caucus is a battle of niches” Grubbs said.": no comma, but a bare name and the sentence's end.
                attributive = attributive || (cue - j is >= 1 and <= 4 && IsShortTail(cue + 1) && (doc.IsCapitalized(j) || PhraseFinder.IsPronoun(doc.Lower(j))));
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

                _usedQuotes.Add(q.Open);
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

                if (!_byOpen.TryGetValue(quoteIndex, out var q) || _usedQuotes.Contains(q.Open))
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
                _usedQuotes.Add(q.Open);
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
            if (_byOpen.TryGetValue(start, out var q) && q.OuterEnd >= stop - 1)
            {
                attribution.Quote = q;
                _usedQuotes.Add(q.Open);
            }

            Commit(attribution, cue, stop);
        }

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

        /// <summary>"Putin said …", "A witness interviewed by staff told investigators …": a verb of saying after the content's subject.</summary>
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
            if (!doc.Is(cueFirst - 1, ',') || !InvertibleCues.Contains(doc.Lower(cue)) || tail >= end || !(doc.IsCapitalized(tail) || doc.IsLowerWord(tail)))
            {
                return;
            }

            // "Mike Morrell, a veteran of the CIA, said the approach …": the subject opens the sentence.
            var before = PhraseFinder.SubjectBefore(doc, cueFirst, first);
            if (!before.IsEmpty && PhraseFinder.SentenceSubject(doc, first, cueFirst) is { IsEmpty: false } opening && opening.First == before.First)
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
                while (doc.Is(relative, ',') || (relative < end && relative - after.End <= 12 && !doc.Is(relative, "who") && !doc.Is(relative, "which") && !doc.Is(relative, "whose") && !doc.IsTerminal(relative) && !IsCueToken(relative) && doc.Tokens[relative].Kind is not (TokenKind.OpenQuote or TokenKind.CloseQuote)))
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
                    : cue - 2 >= first && doc.Tokens[cue - 1].Kind is TokenKind.CloseQuote or TokenKind.CloseSingleQuote && doc.Is(cue - 2, ',') ? cue : -1;
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

                if ((doc.Is(start, "to") && (attribution.Flags & CueFlags.TakesInfinitive) == 0) || (ContentBlockers.Contains(doc.Lower(start)) && doc.IsLowerWord(start)))
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
                    for (var k = start + 1; k < stop; k++)
                    {
                        if (doc.Is(k, ',') && !InQuoteAt(k))
                        {
                            stop = k;
                            break;
                        }
                    }
                }

                // "what Russia claimed was a days-long operation was now in its 19th month": in a free relative the content
                // is the complement up to the main clause's verb; with no second verb ("what he said was false") it is not given.
                if (!attribution.Source.IsEmpty && doc.Is(attribution.Source.First - 1, "what") && doc.IsLowerWord(start) && FiniteAuxiliaries.Contains(doc.Lower(start)))
                {
                    var mainVerb = NextFiniteAuxiliary(start + 1, stop);
                    if (mainVerb < 0)
                    {
                        continue;
                    }

                    stop = mainVerb;
                }

                if (stop - start < 2)
                {
                    continue;
                }

                attribution.Content = new TokenRange(start, stop);
                if (_byOpen.TryGetValue(start, out var q) && !_usedQuotes.Contains(q.Open) && q.OuterEnd >= stop - 1)
                {
                    attribution.Quote = q;
                }

                Commit(attribution, attribution.Source.IsEmpty ? cueFirst : attribution.Source.First, stop);
            }
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

                if (k > start + 1 && doc.IsLowerWord(k) && doc.Lower(k) is "he" or "she" or "they" or "we" && doc.IsWord(k - 1) && !ContentBlockers.Contains(doc.Lower(k - 1)))
                {
                    return k;
                }

                if (doc.IsTerminal(k) || doc.Is(k, ';') || doc.Is(k, ':') || doc.Tokens[k].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote
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
                if (doc.Is(j, ';') || doc.Is(j, ':') || (IsSubordinator(j) && !doc.Is(j, "that")) || doc.Tokens[j].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote)
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
                if (doc.IsWord(k) && (headWords++ > 8 || w is "that" or "which" or "what" or "because" or "when" or "while" or "if" or "even" or "but"))
                {
                    return false;
                }
            }

            return true;
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
            if (_byOpen.TryGetValue(colon + 1, out var q) && q.OuterEnd >= stop - 1)
            {
                attribution.Quote = q;
                _usedQuotes.Add(q.Open);
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
                if (agent.IsEmpty || PhraseFinder.IsObjectPronoun(doc.Lower(agent.First)) && agent.End - agent.First == 1 && doc.Is(agent.First, "it"))
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
                    while (k < end && k - agent.End <= 3 && (doc.Is(k, "on") || doc.Is(k, "in") || doc.IsCapitalized(k) || doc.Is(k, "last") || doc.Is(k, "this")) && !doc.Is(k, ","))
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
                else if (doc.IsLowerWord(cue - 1) && !PassiveMarkers.Contains(opener) && !CueLexicon.IsCuePrefix(opener) && !SubjectPronouns.Contains(opener)
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
        /// "Pollsters agree - Carl Bialik: “One of the biggest lessons …”", "… to defeat ISIS." Bush: "The mission is …"":
        /// a name of one to three capitalised words, a colon and a quote, after a dash, a quote or the sentence's start.
        /// </summary>
        public void NameColonQuote()
        {
            for (var colon = first + 1; colon + 1 < end; colon++)
            {
                if (!doc.Is(colon, ':') || doc.Tokens[colon + 1].Kind != TokenKind.OpenQuote || Covered(colon) || InQuoteAt(colon)
                    || !_byOpen.TryGetValue(colon + 1, out var q) || _usedQuotes.Contains(q.Open))
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
                if (name == colon || !opens || (name == first && first == doc.Tokens.Length) || NotSpeakers.Contains(doc.Lower(name)) || Covered(name))
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
                _usedQuotes.Add(q.Open);
                Commit(attribution, name, q.OuterEnd);
                colon = q.OuterEnd;
            }
        }

        /// <summary>
        /// "Some 55 percent of voters said …, according to a Quinnipiac poll", "Putin said …, Russian state media
        /// reported": the outer source carries the statements inside its content.
        /// </summary>
        public void ReportedThroughOuter()
        {
            foreach (var outer in result)
            {
                var trailing = outer.Quote is null && !outer.Source.IsEmpty && outer.Content.End <= outer.Cue.First && outer.Content.End <= outer.Source.First;
                if (outer.Cue.IsEmpty || outer.Content.IsEmpty || !(doc.Is(outer.Cue.First, "according") || trailing))
                {
                    continue;
                }

                foreach (var inner in result)
                {
                    if (!ReferenceEquals(inner, outer) && inner.Via.IsEmpty && inner.Cue.First >= outer.Content.First && inner.Cue.End <= outer.Content.End)
                    {
                        inner.Via = outer.Source;
                    }
                }
            }
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

                if (head < 0)
                {
                    continue;
                }

                var sourceEnd = head + 1;
                if (doc.Lower(sourceEnd) is "released" or "conducted" or "taken" or "published")
                {
                    while (sourceEnd < end && sourceEnd - head <= 5 && doc.IsWord(sourceEnd) && !Covered(sourceEnd) && !doc.Is(sourceEnd, "that"))
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

        private bool InQuoteAt(int k) => _quoteMask[k - first];

        /// <summary>"… voters say A, compared with 64 percent who say B": A ends where the next speaker begins.</summary>
        private int BeforeNextAttribution(int cue, int start, int stop)
        {
            var index = cues.BinarySearch(cue);
            for (var c = index + 1; c < cues.Count && cues[c] < stop; c++)
            {
                var next = cues[c];
                if (Covered(next) || doc.Lower(next) == "according")
                {
                    continue;
                }

                // "… said the plan was bad, adding that …": a participle after a comma is a statement of its own.
                if (doc.Is(next - 1, ',') && next - 1 > start + 1 && (NewAttribution(next, next).Flags & CueFlags.Participle) != 0 && !InQuoteAt(next))
                {
                    return next - 1;
                }

                // "A White House official, who requested anonymity …, said": the current cue sits in the next speaker's appositive.
                // "Hawkins and others who want to ban abortion said": so does a restrictive relative clause.
                var nextFirst = AbsorbPrefixes(next, start);
                if (nextFirst - 1 > start + 1)
                {
                    var outer = PhraseFinder.SubjectBefore(doc, nextFirst, first);
                    if (!outer.IsEmpty && outer.First < start && (doc.Is(nextFirst - 1, ',') || doc.Is(outer.End, "who")))
                    {
                        return doc.Is(nextFirst - 1, ',') ? nextFirst - 1 : nextFirst;
                    }
                }

                var subject = PhraseFinder.SubjectBefore(doc, nextFirst, start);
                if (subject.IsEmpty)
                {
                    continue;
                }

                // "…, compared with 23 percent who said …": a relative clause ends the content at its antecedent.
                if ((doc.Is(subject.First, "who") || doc.Is(subject.First, "which")) && subject.End - subject.First == 1 && !doc.Is(subject.First - 1, ','))
                {
                    var antecedent = PhraseFinder.SubjectBefore(doc, subject.First, start);
                    if (!antecedent.IsEmpty)
                    {
                        subject = antecedent;
                    }
                }

                // "that he understands …, Emanuel said …": a cue right at the start belongs to the content; look further,
                // as past a relative clause ("…, the groups who wrote to her say …").
                if (subject.First <= start + 2 || doc.Is(subject.First, "who") || doc.Is(subject.First, "which"))
                {
                    continue;
                }

                var boundary = subject.First;
                while (boundary > start && doc.Tokens[boundary - 1].Kind == TokenKind.Number)
                {
                    boundary--;
                }

                while (boundary > start && (doc.Is(boundary - 1, ',') || doc.Is(boundary - 1, "and") || doc.Is(boundary - 1, "while")
                       || doc.Is(boundary - 1, "but") || doc.Is(boundary - 1, "whereas") || doc.Is(boundary - 1, "with")
                       || doc.Is(boundary - 1, "compared") || doc.Is(boundary - 1, ';') || doc.Is(boundary - 1, '—') || doc.Is(boundary - 1, '–') || doc.Is(boundary - 1, '-')
                       || (boundary == subject.First && (IsSubordinator(boundary - 1) || IsEmbeddedRelative(boundary - 1, next)))))
                {
                    boundary--;
                }

                // "…, even as what Russia claimed …": the subordinator before a relative, and its "even", open the later clause too.
                if (boundary < subject.First && IsSubordinator(boundary - 1) && !IsSubordinator(boundary))
                {
                    boundary--;
                }

                if (boundary < subject.First && doc.Is(boundary - 1, "even") && IsSubordinator(boundary))
                {
                    boundary--;
                }

                while (boundary > start && doc.Is(boundary - 1, ','))
                {
                    boundary--;
                }

                var separated = boundary < subject.First;
                if (separated && boundary - start >= 2)
                {
                    return boundary;
                }
            }

            return stop;
        }

        /// <summary>
        /// "…, which I said was not a prison sentence", "a finish that he said defied expectations": a relative pronoun
        /// before the later speaker, whose cue is followed by the relative clause's verb, opens a clause of its own.
        /// </summary>
        private int NextFiniteAuxiliary(int from, int stop)
        {
            for (var k = from; k < stop; k++)
            {
                if (doc.IsLowerWord(k) && FiniteAuxiliaries.Contains(doc.Lower(k)) && !InQuoteAt(k))
                {
                    return k;
                }
            }

            return -1;
        }

        private bool IsEmbeddedRelative(int k, int cue)
        {
            if (!doc.IsLowerWord(k) || doc.Lower(k) is not ("which" or "who" or "whom" or "that" or "what"))
            {
                return false;
            }

            var verb = doc.Lower(cue + 1);
            return doc.IsLowerWord(cue + 1) && (FiniteAuxiliaries.Contains(verb) || verb.EndsWith("ed", StringComparison.Ordinal));
        }

        /// <summary>"…, cracking a smile as he noted …", "… when he claimed …": a clause opener before a later speaker.</summary>
        private bool IsSubordinator(int k)
            => doc.IsLowerWord(k) && doc.Lower(k) is "when" or "as" or "because" or "after" or "before" or "since" or "although" or "though"
                or "until" or "where" or "whenever" or "once" or "if" || (doc.Is(k, "which") && doc.Is(k - 1, "in")) || (doc.Is(k, "that") && doc.Is(k - 1, "so"));

        private bool SetSpeakerBefore(RawAttribution attribution, int cueFirst)
        {
            // "Sanders was in San Diego on Tuesday, emphasizing …": a participle after a comma belongs to the clause's subject.
            if ((attribution.Flags & CueFlags.Participle) != 0 && doc.Is(cueFirst - 1, ','))
            {
                attribution.Speaker = SpeakerHint.SameAsPrevious;
                return true;
            }

            var subject = PhraseFinder.SubjectBefore(doc, cueFirst, first);
            if (!subject.IsEmpty && !Covered(subject.First) && LooksLikeSpeaker(subject))
            {
                attribution.Source = subject;
                return true;
            }

            if ((attribution.Flags & CueFlags.Participle) != 0)
            {
                attribution.Speaker = SpeakerHint.SameAsPrevious;
                return true;
            }

            return false;
        }

        private bool SetContentBefore(RawAttribution attribution, int comma)
        {
            var start = first;
            for (var k = comma - 1; k >= first; k--)
            {
                if (Covered(k) || doc.Is(k, ';'))
                {
                    start = k + 1;
                    break;
                }
            }

            while (start < comma && (doc.Is(start, "but") || doc.Is(start, "and") || doc.Is(start, "yet") || doc.Is(start, "so") || doc.Is(start, ',')))
            {
                start++;
            }

            if (comma - start < 3)
            {
                return false;
            }

            var content = new TokenRange(start, comma);
            if (_byOpen.TryGetValue(start, out var q) && q.OuterEnd >= comma - 1 && !_usedQuotes.Contains(q.Open))
            {
                attribution.Quote = q;
                _usedQuotes.Add(q.Open);
            }

            attribution.Content = content;
            return true;
        }

        private TokenRange AccordingSource(int start)
        {
            var i = start;
            while (i < end && i - start < 15)
            {
                if (doc.Is(i, ',') || doc.IsTerminal(i) || doc.Is(i, ';') || doc.Tokens[i].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote)
                {
                    break;
                }

                if (i > start && (doc.Is(i, "that") || (IsCueToken(i) && doc.Lower(i) != "reports")))
                {
                    break;
                }

                i++;
            }

            return i > start ? new TokenRange(start, i) : TokenRange.None;
        }

        private int TakeAddressee(RawAttribution attribution, int start)
        {
            var addressee = PhraseFinder.ObjectAfter(doc, start, end);
            if (addressee.IsEmpty)
            {
                return start;
            }

            attribution.Addressee = addressee;
            attribution.Cue = new TokenRange(attribution.Cue.First, addressee.End);

            // "told The Star-Ledger of Newark last week that …": the content starts at "that".
            for (var k = addressee.End; k < end && k - addressee.End <= 8; k++)
            {
                if (doc.Is(k, "that"))
                {
                    return k;
                }

                if (doc.IsTerminal(k) || doc.Tokens[k].Kind == TokenKind.OpenQuote || doc.Is(k, ':') || IsCueToken(k))
                {
                    break;
                }
            }

            return addressee.End;
        }

        /// <summary>A dot inside a speaker phrase: "Rep.", "(D-Ore.)".</summary>
        private bool IsInnerDot(int k) => doc.Is(k, '.') && (doc.Is(k + 1, ')') || Abbreviations.Suppresses(doc, k - 1, k + 1));

        private bool TryQuotedAs(RawAttribution attribution, int cue)
        {
            // "quoted him as saying": the object is the speaker, the subject the carrier.
            for (var k = cue + 1; k < end && k - cue <= 8; k++)
            {
                if (doc.Is(k, "as") && (doc.Is(k + 1, "saying") || doc.Is(k + 1, "telling") || doc.Is(k + 1, "stating")))
                {
                    if (k == cue + 1)
                    {
                        return false;
                    }

                    attribution.Source = new TokenRange(cue + 1, k);
                    attribution.Cue = new TokenRange(attribution.Cue.First, k + 2);
                    attribution.CueText = doc.Slice(attribution.Cue.First, k + 1);
                    return true;
                }
            }

            return false;
        }

        private RawAttribution NewAttribution(int cue, int cueFirst)
        {
            CueLexicon.TryGet(doc.Lower(cue), out var flags);
            var attribution = new RawAttribution { Cue = new TokenRange(cueFirst, cue + 1), Flags = flags };

            // "said in a statement", "wrote on Twitter" belong to the cue.
            var next = cue + 1;
            if ((doc.Is(next, "in") && (doc.Is(next + 1, "a") || doc.Is(next + 1, "an")) && (doc.Is(next + 2, "statement") || doc.Is(next + 2, "interview") || doc.Is(next + 2, "tweet")))
                || (doc.Is(next, "on") && (doc.Is(next + 1, "twitter") || doc.Is(next + 1, "facebook"))))
            {
                var stop = doc.Is(next, "in") ? next + 3 : next + 2;
                if (stop <= end)
                {
                    attribution.Cue = new TokenRange(cueFirst, stop);
                }
            }

            return attribution;
        }

        private int AbsorbPrefixes(int cue, int limit)
        {
            var k = cue;
            var progressive = doc.Lower(cue).EndsWith("ing", StringComparison.Ordinal);
            while (k - 1 >= limit && k - 1 >= first && cue - k < 3 && (CueLexicon.IsCuePrefix(doc.Lower(k - 1)) || (progressive && IsProgressiveAuxiliary(doc.Lower(k - 1))))
                   && doc.IsLowerWord(k - 1) && !Covered(k - 1))
            {
                if (doc.Is(k - 1, "told"))
                {
                    break;
                }

                // "Pyongyang may want oil": a modal before a verb of wanting or believing is the writer's conjecture.
                if (doc.Lower(k - 1) is "may" or "might" or "could" or "can" or "should" or "must"
                    && CueLexicon.TryGet(doc.Lower(cue), out var cueFlags) && (cueFlags & (CueFlags.Hedge | CueFlags.TakesInfinitive)) != 0)
                {
                    break;
                }

                k--;
            }

            return k;
        }

        /// <summary>A noun phrase up to the sentence's end: no finite verb, clause word or cue ("Facebook's global outreach director.").</summary>
        private bool IsNounTail(int start)
        {
            for (var k = start; k < end && k - start <= 20; k++)
            {
                if (doc.IsTerminal(k))
                {
                    return k > start && (k + 1 >= end || doc.Tokens[k + 1].Kind is TokenKind.CloseQuote || doc.IsTerminal(k + 1) || k + 1 == end);
                }

                if (doc.Tokens[k].Kind is TokenKind.OpenQuote or TokenKind.CloseQuote || doc.Is(k, ';') || doc.Is(k, ':') || IsCueToken(k)
                    || doc.Lower(k) is "is" or "was" or "are" or "were" or "has" or "have" or "had" or "will" or "would" or "can" or "could" or "should"
                        or "may" or "might" or "must" or "that" or "which" or "who" or "whose" or "does" or "did" or "do")
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>"…, a spokeswoman said on Saturday, and it has …": the cue's clause ends at a comma and a conjunction.</summary>
        private bool EndsClauseSoon(int start)
        {
            for (var k = start; k < end && k - start <= 5; k++)
            {
                if (doc.Is(k, ';') || (doc.Is(k, ',') && (doc.Is(k + 1, "and") || doc.Is(k + 1, "but") || doc.Is(k + 1, "while") || doc.Is(k + 1, "though") || doc.Is(k + 1, "although"))))
                {
                    return true;
                }

                if (!doc.IsWord(k) || doc.Is(k, "that") || IsCueToken(k))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>"…, she said in a video message to the convention.": a prepositional phrase runs to the sentence's end.</summary>
        private bool IsAdverbialTail(int start)
        {
            if (!doc.IsLowerWord(start) || doc.Lower(start) is not ("in" or "on" or "at" or "during" or "after" or "before" or "to" or "from" or "with" or "while" or "when" or "outside" or "inside" or "via" or "through" or "last" or "earlier" or "later"))
            {
                return false;
            }

            for (var k = start + 1; k < end && k - start <= 16; k++)
            {
                if (doc.IsTerminal(k))
                {
                    return IsShortTail(k);
                }

                if (doc.Is(k, "that") || doc.Is(k, "is") || doc.Is(k, "was") || doc.Is(k, "are") || doc.Is(k, "were") || IsCueToken(k)
                    || doc.Tokens[k].Kind is TokenKind.OpenQuote || doc.Is(k, ':') || doc.Is(k, ';'))
                {
                    return false;
                }
            }

            return false;
        }

        private bool IsShortTail(int start)
        {
            var words = 0;
            for (var k = start; k < end; k++)
            {
                if (doc.IsWord(k))
                {
                    words++;
                    if (words > 5 || doc.Is(k, "that") || IsCueToken(k) || doc.Lower(k) is "is" or "was" or "are" or "were" or "has" or "have" or "will" or "would")
                    {
                        return false;
                    }
                }
                else if (!doc.IsTerminal(k) && !doc.Is(k, ',') && doc.Tokens[k].Kind is not (TokenKind.CloseQuote or TokenKind.CloseSingleQuote) && !doc.Is(k, ')'))
                {
                    return false;
                }
            }

            return true;
        }

        private int ContentStop(int start)
        {
            var stop = start;
            while (stop < end && !Covered(stop))
            {
                stop++;
            }

            // Leave out the closing punctuation of the sentence.
            while (stop > start && (doc.IsTerminal(stop - 1) || doc.Is(stop - 1, ',')) && !(stop - 1 > start && doc.Tokens[stop - 1].Kind == TokenKind.CloseQuote))
            {
                stop--;
            }

            return stop;
        }

        private bool LooksLikeSpeaker(TokenRange range)
        {
            if (range.IsEmpty || range.End - range.First > 40)
            {
                return false;
            }

            for (var k = range.First; k < range.End; k++)
            {
                if (doc.IsWord(k) && doc.Tokens[k].Kind == TokenKind.Word)
                {
                    return true;
                }
            }

            return false;
        }

        private TokenRange Trim(TokenRange range)
        {
            var a = range.First;
            var b = range.End;
            while (a < b && (doc.Is(a, ',') || doc.Is(a, '—') || doc.Is(a, '–')))
            {
                a++;
            }

            while (b > a && (doc.Is(b - 1, ',') || doc.Is(b - 1, '—') || doc.Is(b - 1, '–')))
            {
                b--;
            }

            return new TokenRange(a, b);
        }

        private void Commit(RawAttribution attribution, int coverFirst, int coverEnd)
        {
            Cover(coverFirst, coverEnd);
            if (!attribution.Source.IsEmpty)
            {
                Cover(attribution.Source.First, attribution.Source.End);
            }

            result.Add(attribution);
        }

        private bool IsCueToken(int k) => k >= first && k < end && cues.BinarySearch(k) >= 0;

        private bool Covered(int k) => k >= first && k < end && covered[k - first];

        private void Cover(int from, int to)
        {
            for (var k = Math.Max(from, first); k < Math.Min(to, end); k++)
            {
                covered[k - first] = true;
            }
        }
    }
}
