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
    };

    public static bool TryGet(string lowerWord, out CueFlags flags) => Forms.TryGetValue(lowerWord, out flags);

    public static bool IsCuePrefix(string lowerWord) => CuePrefixes.Contains(lowerWord);

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
            "realized", "acknowledge", "admit", "claim", "note", "report");
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
        d["telling"] |= CueFlags.TakesAddressee;
        d["suggesting"] |= CueFlags.Hedge;
        d["claiming"] |= CueFlags.Hedge;
        d["denying"] |= CueFlags.Denial;
        d["calling"] |= CueFlags.NeedsThatOrQuote;
        d["reporting"] |= CueFlags.Reporting;
        return d;
    }
}
