namespace ClaimTracker.Extraction.Attribution;

/// <summary>A token range [<see cref="First"/>, <see cref="End"/>); empty when End &lt;= First.</summary>
internal readonly record struct TokenRange(int First, int End)
{
    public static TokenRange None { get; } = new(-1, -1);

    public bool IsEmpty => End <= First;

    public int Last => End - 1;
}

/// <summary>How the speaker of a raw attribution is to be found.</summary>
internal enum SpeakerHint
{
    /// <summary>The source range names the speaker (possibly a pronoun).</summary>
    Source,

    /// <summary>No source of its own: the speaker of the previous attribution in the sentence or the sentence's subject.</summary>
    SameAsPrevious,
}

/// <summary>The rule family that found an attribution (a feature of the learned filter).</summary>
internal enum AttributionPattern
{
    Unknown,
    SpeakerColon,
    NameColonQuote,
    InitialInvertedCue,
    QuoteThenCue,
    CueThenQuote,
    TrailingCue,
    AccordingTo,
    ReportedSpeech,
    NominalCue,
    PassiveBy,
    InPoll,
    ReportedThroughOuter,
    LooseClause,
}

/// <summary>One attribution found in one sentence, before actors are resolved.</summary>
internal sealed class RawAttribution
{
    public TokenRange Source { get; set; } = TokenRange.None;

    public TokenRange Cue { get; set; } = TokenRange.None;

    public TokenRange Content { get; set; } = TokenRange.None;

    /// <summary>The quote region when the content is a direct quote.</summary>
    public Text.QuoteRegion? Quote { get; set; }

    /// <summary>"told AFP": the addressee, an intermediary when it is an outlet.</summary>
    public TokenRange Addressee { get; set; } = TokenRange.None;

    /// <summary>An explicit carrier: "Russian state media quoted him", "in an interview with Russian state television".</summary>
    public TokenRange Via { get; set; } = TokenRange.None;

    public SpeakerHint Speaker { get; set; }

    public CueFlags Flags { get; set; }

    public AttributionPattern Pattern { get; set; }

    /// <summary>Found only when every verb counts as a cue: a candidate the learned filter must confirm.</summary>
    public bool Loose { get; set; }

    public StatementKind Kind { get; set; } = StatementKind.Attributed;

    /// <summary>The cue text when it is not the cue range's text ("quoted him as saying" keeps its own words).</summary>
    public string? CueText { get; set; }

    /// <summary>Position used to order statements in the text.</summary>
    public int Anchor => Math.Min(Source.IsEmpty ? int.MaxValue : Source.First, Math.Min(Cue.IsEmpty ? int.MaxValue
        : Cue.First, Content.IsEmpty ? int.MaxValue : Content.First));
}
