namespace ClaimTracker.Extraction;

/// <summary>A half-open range of UTF-16 offsets into <see cref="ArticleInput.Text"/>.</summary>
public readonly record struct TextSpan(int Begin, int End)
{
    public int Length => End - Begin;

    public bool IsEmpty => End <= Begin;

    public bool Overlaps(TextSpan other) => Begin < other.End && other.Begin < End;

    public bool Contains(TextSpan other) => Begin <= other.Begin && other.End <= End;
}

/// <summary>How firmly a statement is put.</summary>
public enum ExtractedModality
{
    Asserted,
    Hedged,
}

/// <summary>Why the statement is attributed the way it is.</summary>
public enum StatementKind
{
    /// <summary>An explicit attribution: a cue ("said", "according to") links the speaker to the content.</summary>
    Attributed,

    /// <summary>A quote that continues the previous speaker's quote without a cue of its own.</summary>
    QuoteContinuation,

    /// <summary>Unattributed text inside a passage another outlet is credited with ("…, AFP reports").</summary>
    CarriedReporting,

    /// <summary>The publishing outlet's own reporting: no attribution cue at all.</summary>
    OwnReporting,
}

/// <summary>One attributed utterance inside one article.</summary>
/// <param name="SpeakerKey">Key of the speaker, the origin of the chain.</param>
/// <param name="SpeakerText">The speaker as written at <paramref name="SourceSpan"/>.</param>
/// <param name="ViaKeys">Intermediaries between the report's own source and the speaker, nearest the source first.</param>
/// <param name="Cue">The attribution cue ("said", "according to", "told AFP").</param>
/// <param name="Content">The proposition in clean text, without surrounding quote marks.</param>
/// <param name="Quote">The verbatim quoted words when the statement is a direct quote.</param>
/// <param name="SourceSpan">Where the speaker is written (empty for the outlet's own reporting).</param>
/// <param name="CueSpan">Where the cue is written (empty for the outlet's own reporting).</param>
/// <param name="ContentSpan">Where the content is written.</param>
/// <param name="Modality">Asserted or hedged.</param>
/// <param name="IsDenial">The speaker denies or rejects something.</param>
/// <param name="Quantities">Quantities inside the content.</param>
/// <param name="Times">Times and dates inside the content.</param>
public sealed record ExtractedStatement(
    string SpeakerKey,
    string SpeakerText,
    IReadOnlyList<string> ViaKeys,
    string Cue,
    string Content,
    string? Quote,
    TextSpan SourceSpan,
    TextSpan CueSpan,
    TextSpan ContentSpan,
    ExtractedModality Modality,
    bool IsDenial,
    IReadOnlyList<QuantityMention> Quantities,
    IReadOnlyList<TimeMention> Times)
{
    /// <summary>Why the statement is attributed this way; <see cref="StatementKind.OwnReporting"/> is the outlet's own claim.</summary>
    public StatementKind Kind { get; init; } = StatementKind.Attributed;

    /// <summary>The statement asks whether its content is so (a question headline) rather than stating it.</summary>
    public bool IsQuestion { get; init; }

    /// <summary>
    /// The content as a person can read it out of context (see <see cref="Propositions.PropositionWriter"/>);
    /// the <see cref="Content"/> itself when nothing needed changing.
    /// </summary>
    public string Proposition
    {
        get => field ?? Content;
        init => field = value;
    }
}
