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

/// <summary>Attribution verbs by word form, from the lexicons <c>cue-verbs</c>, <c>cue-particles</c>, <c>cue-prefixes</c>.</summary>
internal static class CueLexicon
{
    private static readonly Dictionary<string, CueFlags> Forms = Build();

    /// <summary>Auxiliaries and adverbs that belong to the cue when right before it ("has also said").</summary>
    private static readonly HashSet<string> CuePrefixes = Lexicon.Words("cue-prefixes");

    /// <summary>Phrasal cues: the particle belongs to the cue ("called for", "talked about", "went after").</summary>
    private static readonly Dictionary<string, string[]> Particles = BuildParticles();

    public static bool TryGet(string lowerWord, out CueFlags flags) => Forms.TryGetValue(lowerWord, out flags);

    /// <summary>True when <paramref name="lowerNext"/> is a particle of the cue <paramref name="lowerCue"/> ("called" + "for").</summary>
    public static bool IsParticle(string lowerCue, string lowerNext)
        => Particles.TryGetValue(lowerCue, out var particles) && Array.IndexOf(particles, lowerNext) >= 0;

    private static Dictionary<string, string[]> BuildParticles()
    {
        var particles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entry in Lexicon.Entries("cue-particles"))
        {
            particles.Add(entry[0], entry[1..]);
        }

        return particles;
    }

    /// <summary>An auxiliary or adverb of the cue: the listed words and adverbs in -ly ("falsely suggesting").</summary>
    public static bool IsCuePrefix(string lowerWord)
        => CuePrefixes.Contains(lowerWord)
           || (lowerWord.Length >= 6 && lowerWord.EndsWith("ly", StringComparison.Ordinal) && !NotAdverbs.Contains(lowerWord));

    /// <summary>Words in -ly that are no adverb: never absorbed into a cue as its adverb.</summary>
    private static readonly HashSet<string> NotAdverbs = Lexicon.Words("not-adverbs");

    private static Dictionary<string, CueFlags> Build()
    {
        var forms = new Dictionary<string, CueFlags>(StringComparer.Ordinal);
        foreach (var entry in Lexicon.Entries("cue-verbs"))
        {
            var flags = CueFlags.None;
            foreach (var name in entry.AsSpan(1))
            {
                flags |= Enum.TryParse<CueFlags>(name, ignoreCase: false, out var flag) && Enum.IsDefined(flag)
                    ? flag
                    : throw new InvalidDataException($"lexicon 'cue-verbs': unknown class '{name}' of '{entry[0]}'");
            }

            forms.Add(entry[0], flags);
        }

        return forms;
    }
}
