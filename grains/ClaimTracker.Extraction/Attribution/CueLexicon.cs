namespace ClaimTracker.Extraction.Attribution;

[Flags]
internal enum CueFlags
{
    None = 0,

    /// <summary>"told AFP": the verb takes the addressee as object.</summary>
    TakesAddressee = 1,

    /// <summary>An -ing form that hangs off a clause ("…, adding that …").</summary>
    Participle = 2,

    /// <summary>Ambiguous with a noun or another sense: only a cue before "that", a colon or a quote.</summary>
    NeedsThatOrQuote = 4,

    /// <summary>The speaker denies or rejects.</summary>
    Denial = 8,

    /// <summary>The cue itself is tentative ("suggested", "believes").</summary>
    Hedge = 16,

    /// <summary>A reporting verb of media ("reports", "reported").</summary>
    Reporting = 32,

    /// <summary>The content may be an infinitive ("wants to …", "vowed to …").</summary>
    TakesInfinitive = 64,

    /// <summary>
    /// A verb of stance, support or reaction rather than of speech ("denounced", "backed", "voted for"):
    /// a cue only with its subject right before it, never on its own after a quote.
    /// </summary>
    Stance = 128,
}

/// <summary>Attribution verbs by word form.</summary>
internal static class CueLexicon
{
    private static readonly Dictionary<string, CueFlags> Forms = Build();

    /// <summary>Auxiliaries and adverbs that belong to the cue when right before it ("has also said").</summary>
    private static readonly HashSet<string> CuePrefixes = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "also", "later", "previously", "repeatedly", "recently", "publicly", "often", "again",
        "once", "further", "then", "privately", "reportedly", "already", "told", "would", "will", "did", "does", "do",
        "not", "never", "long", "earlier", "separately", "flatly", "firmly", "strongly", "explicitly",
        "could", "can", "may", "might", "should", "must", "now", "still", "just", "even", "only", "first", "quickly",
        "openly", "directly", "especially", "consistently", "frequently", "routinely", "initially", "increasingly",
        "immediately", "finally", "loudly", "sharply", "harshly", "vigorously", "aggressively", "enthusiastically",
        "forcefully", "angrily", "specifically", "frankly", "bluntly", "simply", "ultimately", "effectively", "both",
        "all", "n't", "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t", "won't", "won’t", "can't", "can’t",
        "wouldn't", "wouldn’t", "hasn't", "hasn’t", "haven't", "haven’t",
    };

    /// <summary>Phrasal cues: the particle belongs to the cue ("called for", "talked about", "went after").</summary>
    private static readonly Dictionary<string, string[]> Particles = BuildParticles();

    public static bool TryGet(string lowerWord, out CueFlags flags) => Forms.TryGetValue(lowerWord, out flags);

    /// <summary>True when <paramref name="lowerNext"/> is a particle of the cue <paramref name="lowerCue"/> ("called" + "for").</summary>
    public static bool IsParticle(string lowerCue, string lowerNext)
        => Particles.TryGetValue(lowerCue, out var particles) && Array.IndexOf(particles, lowerNext) >= 0;

    private static Dictionary<string, string[]> BuildParticles()
    {
        var d = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string[] particles, params string[] verbs)
        {
            foreach (var v in verbs)
            {
                d[v] = d.TryGetValue(v, out var known) ? [.. known, .. particles] : particles;
            }
        }

        Add(["for", "on", "out"], "call", "calls", "called", "calling");
        Add(["for", "about"], "ask", "asks", "asked", "asking");
        Add(["about", "of", "out", "against"], "talk", "talks", "talked", "talking", "spoke", "speak", "speaks", "speaking");
        Add(["to", "out"], "point", "points", "pointed", "pointing");
        Add(["to"], "refer", "refers", "referred", "referring", "responded", "respond", "responds", "responding", "objected");
        Add(["on"], "focus", "focuses", "focused", "focusing", "commented", "weighed");
        Add(["against"], "rail", "rails", "railed", "railing", "warned", "warns", "argued", "argues", "voted", "vote", "votes", "campaigned");
        Add(["for"], "pushed", "pushing", "pushes", "argued", "argues", "arguing", "voted", "vote", "votes", "voting", "pressed", "advocated");
        Add(["after"], "went", "goes", "go", "going");
        Add(["down"], "doubled");
        Add(["out"], "lashed", "reached");
        Add(["of"], "said", "says", "wrote", "writes", "spoke", "thought", "approved", "disapproved");
        Add(["about"], "complained", "complains", "joked", "worried", "worries", "learned", "knew", "know", "knows", "wrote", "writes", "cares", "care", "cared");
        Add(["at"], "hinted", "scoffed", "jabbed", "lashed");
        Add(["it"], "put", "puts");
        Add(["back"], "shot", "fired", "hit");
        return d;
    }

    /// <summary>An auxiliary or adverb of the cue: the listed words and adverbs in -ly ("falsely suggesting").</summary>
    public static bool IsCuePrefix(string lowerWord)
        => CuePrefixes.Contains(lowerWord)
           || (lowerWord.Length >= 6 && lowerWord.EndsWith("ly", StringComparison.Ordinal) && !NotAdverbs.Contains(lowerWord));

    private static readonly HashSet<string> NotAdverbs = new(StringComparer.Ordinal)
    {
        "family", "assembly", "supply", "reply", "apply", "rally", "belly", "bully", "monopoly", "anomaly", "jelly", "italy",
        "holly", "folly", "lily", "rely", "ugly", "friendly", "lonely", "costly", "lovely", "likely", "unlikely", "elderly",
        "weekly", "monthly", "yearly", "daily", "quarterly", "deadly", "orderly", "scholarly", "homily", "early", "silly",
        "hilly", "sully", "tally", "rally", "sally", "dolly", "golly",
    };

    private static Dictionary<string, CueFlags> Build()
    {
        var d = new Dictionary<string, CueFlags>(StringComparer.Ordinal);
        void Add(CueFlags flags, params string[] words)
        {
            foreach (var w in words)
            {
                d[w] = flags;
            }
        }

        Add(CueFlags.None, "said", "says", "say", "added", "adds", "announced", "announces", "stated", "declared", "declares",
            "explained", "explains", "insisted", "insists", "noted", "wrote", "writes", "tweeted", "argued", "argues",
            "warned", "warns", "acknowledged", "acknowledges", "admitted", "admits", "confirmed", "confirms", "concluded",
            "concludes", "asserted", "asserts", "contended", "contends", "stressed", "stresses", "emphasized", "emphasised",
            "recalled", "recalls", "replied", "responded", "asked", "asks", "complained", "complains", "conceded",
            "testified", "promised", "promises", "vowed", "vows", "pledged", "urged", "urges", "observed", "remarked",
            "quipped", "joked", "boasted", "countered", "retorted", "revealed", "disclosed", "indicated", "maintained",
            "maintains", "reiterated", "cautioned", "charged", "predicted", "predicts", "agreed", "argue", "posted",
            "continued", "answered", "lamented", "explain", "insist", "warn", "told", "tells", "tell", "quoted", "quotes",
            "cited", "cites");
        Add(CueFlags.Hedge, "suggested", "suggests", "believes", "believed", "believe", "estimated", "speculated",
            "alleged", "alleges", "claimed", "contend", "predict", "suspects", "suspected", "hoped", "hopes",
            "feared", "fears", "expects", "think", "thinks", "guessed", "wondered");
        Add(CueFlags.Denial, "denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted",
            "disputed", "disputes", "contradicted");
        Add(CueFlags.Reporting, "reported", "reports");
        Add(CueFlags.NeedsThatOrQuote, "claims", "notes", "states", "estimates", "tweets", "thought", "knows", "knew",
            "found", "finds", "show", "shows", "showed", "shown", "learned", "learnt", "wants", "wanted", "felt", "feels",
            "realized", "acknowledge", "admit", "claim", "note", "report", "know");
        Add(CueFlags.TakesAddressee, "told", "tells", "tell", "informed", "assured", "reminded", "briefed");
        Add(CueFlags.None, "criticized", "criticised", "criticizes", "praised", "praises", "attacked", "attacks", "accused", "accuses",
            "blasted", "slammed", "mocked", "lauded", "touted", "touts", "endorsed", "endorses", "defended", "defends",
            "questioned", "questions", "demanded", "demands", "highlighted", "acknowledged", "signaled", "signalled",
            "hinted", "described", "describes", "referred", "called", "calls", "pointed", "proclaimed", "conceded",
            "wrote", "remarked", "reasoned", "recounted", "shouted", "yelled", "wondered", "mused", "scoffed",
            "complained", "joked", "thanked", "blamed", "blames", "welcomed", "applauded", "condemned", "condemns",
            "decried", "insisted", "cheered", "responded", "says", "explains", "noted", "observes", "writes", "argues");
        Add(CueFlags.TakesInfinitive, "wants", "want", "wanted", "vowed", "vows", "pledged", "pledges", "promised", "promises",
            "plans", "planned", "refused", "declined", "hopes", "hoped", "hope", "urged", "urges", "intends", "intended",
            "threatened", "threatens", "sought", "seeks", "offered", "agreed", "appealed", "asked", "asks", "encouraged");
        foreach (var w in new[] { "hopes", "hoped", "hope", "wants", "want", "wanted", "plans", "planned", "intends", "intended", "sought", "seeks" })
        {
            d[w] |= CueFlags.Hedge;
        }

        foreach (var w in new[] { "refused", "declined", "rejected", "dismissed" })
        {
            d[w] |= CueFlags.TakesInfinitive;
        }

        d["rejected"] |= CueFlags.Denial;
        d["dismissed"] |= CueFlags.Denial;
        Add(CueFlags.Participle, "saying", "adding", "noting", "arguing", "explaining", "insisting", "warning",
            "claiming", "stressing", "writing", "suggesting", "acknowledging", "declaring", "asserting", "telling",
            "predicting", "calling", "urging", "tweeting", "contending", "emphasizing", "emphasising", "observing",
            "denying", "conceding", "admitting", "reporting");
        Add(CueFlags.Participle, "citing", "referring", "describing", "accusing", "criticizing", "questioning", "blaming",
            "praising", "denouncing", "recalling", "pointing", "asking", "announcing", "promising", "vowing", "thanking",
            "defending", "attacking", "dismissing", "rejecting", "talking", "discussing", "complaining", "expressing",
            "touting", "mocking", "slamming", "blasting", "lamenting", "conceding", "threatening", "demanding", "hinting",
            "joking", "pledging", "boasting", "decrying", "condemning", "accepting", "proclaiming", "recounting");

        // Verbs of speech and stance outside the common list, found as cues in PolNeAR's train split
        // (forms already listed keep their flags).
        foreach (var w in new[]
        {
            "expressed", "expresses", "voiced", "voices", "mentioned", "mentions", "echoed", "echoes", "repeated",
            "repeats", "commented", "comments", "interjected", "emailed", "retweeted", "pleaded", "spoke", "speaks", "talked",
            "discussed", "discusses", "addressed", "recounted", "recounts", "chanted", "shouted", "announces", "reiterates",
            "testifies", "clarified", "elaborated", "summed", "bragged", "boasts", "hinted", "hints", "vented", "railed",
            "rails", "bemoaned", "bemoans", "lamented", "laments", "decried", "decries", "denounced", "denounces", "slams",
            "blasts", "knocked", "knocks", "ridiculed", "derided", "chided", "scolded", "rebuked", "assailed", "lambasted",
            "savaged", "trashed", "dubbed", "labeled", "labelled", "branded", "likened", "compared", "portrayed", "portrays",
            "characterized", "framed", "invoked", "invokes", "referenced", "refers", "cautions", "predicts", "forecast",
            "projected", "acknowledges", "concedes", "notes", "recommended", "recommends", "proposed", "proposes", "propose",
            "advocated", "advocates", "implored", "begged", "appealed", "demand", "thanked", "apologized", "congratulated",
            "applauds", "welcomes", "hailed", "hails", "celebrated", "championed", "embraced", "embraces", "rejects",
            "disavowed", "repudiated", "renounced", "refuses", "declines", "vetoed", "objected", "protested", "questions",
            "challenged", "challenges", "doubted", "doubts", "conceded", "confided", "divulged", "implied", "implies",
            "indicates", "indicate", "signaled", "signals", "accuse", "criticize", "praise", "endorse", "support", "oppose",
            "supported", "supports", "opposed", "opposes", "backs", "favors", "favored", "favor", "prefer", "prefers",
            "preferred", "pushed", "pressed", "urge", "sued", "requested", "ordered", "directed", "instructed", "threatened",
            "warned", "deemed", "considers", "considered", "regards", "regarded", "views", "viewed", "sees", "worried",
            "worries", "fretted", "feared", "anticipated", "envisioned", "imagined", "recognized", "recognizes", "understood",
            "understands", "remembered", "remembers", "forgot", "doubled", "reversed", "retracted", "defended", "distanced",
            "weighed", "responds", "replies", "focused", "released", "issued", "published", "unveiled", "outlined",
            "identified", "named", "listed", "lists", "rated", "ranked", "voted", "went", "lashed", "scoffed", "backed",
            "talks", "talk", "speak",
        })
        {
            d.TryAdd(w, CueFlags.None);
        }

        foreach (var w in new[]
        {
            "spoke", "speaks", "talked", "discussed", "discusses", "addressed", "focused", "released", "issued", "published",
            "unveiled", "outlined", "identified", "named", "listed", "lists", "rated", "ranked", "voted", "went", "compared",
            "considered", "considers", "regards", "regarded", "views", "viewed", "sees", "remembered", "remembers", "forgot",
            "pushed", "pressed", "directed", "doubled", "reversed", "weighed", "lashed", "supported", "supports", "opposed",
            "opposes", "backs", "favors", "favored", "favor", "prefer", "prefers", "preferred", "support", "oppose", "endorse",
            "praise", "criticize", "accuse", "urge", "demand", "propose", "indicate", "thanked", "apologized", "congratulated",
            "celebrated", "embraced", "embraces", "championed", "sued", "ordered", "requested", "vetoed", "threatened", "backed",
            "repeated", "repeats", "released", "recognized", "understood", "imagined", "envisioned", "anticipated",
        })
        {
            d[w] |= CueFlags.Stance;
        }

        foreach (var w in new[] { "worried", "worries", "fretted", "feared", "anticipated", "envisioned", "imagined", "doubted", "doubts", "implied", "implies", "indicates", "indicate", "signaled", "signals", "hinted", "hints", "forecast", "projected", "predicts" })
        {
            d[w] |= CueFlags.Hedge;
        }

        foreach (var w in new[] { "supporting", "backing", "opposing", "endorsing" })
        {
            d[w] = CueFlags.Participle | CueFlags.Stance;
        }

        // Beliefs, expectations, intentions and perceptions, found as cues in PolNeAR's train split: only with
        // their subject right before them (stance), and hedged, since a belief is not an assertion.
        foreach (var w in new[] { "expect", "fear", "see", "view", "doubt", "worry", "feel", "intend", "suspect", "assume", "figures" })
        {
            d[w] = CueFlags.Stance | CueFlags.Hedge | (w is "expect" or "intend" ? CueFlags.TakesInfinitive : CueFlags.None);
        }

        foreach (var w in new[] { "hoping", "seeking", "planning" })
        {
            d[w] = CueFlags.Participle | CueFlags.Hedge | CueFlags.TakesInfinitive;
        }

        foreach (var w in new[] { "blame", "agree", "agrees", "discuss", "decided", "vow", "promise", "acknowledge", "recognize" })
        {
            d[w] = (d.TryGetValue(w, out var known) ? known : CueFlags.None) | CueFlags.Stance | (w is "decided" or "vow" or "promise" or "agree" or "agrees" ? CueFlags.TakesInfinitive : CueFlags.None);
        }

        // A question or a request asserts nothing: "asked whether the plan would pass" is not a claim that it will.
        foreach (var w in new[] { "asks", "asked", "asking", "wondered" })
        {
            d[w] |= CueFlags.Hedge;
        }

        d["telling"] |= CueFlags.TakesAddressee;
        d["suggesting"] |= CueFlags.Hedge;
        d["claiming"] |= CueFlags.Hedge;
        d["denying"] |= CueFlags.Denial;
        d["calling"] |= CueFlags.NeedsThatOrQuote;
        d["reporting"] |= CueFlags.Reporting;
        return d;
    }
}
