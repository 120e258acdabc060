namespace ClaimTracker.Extraction.Propositions;

/// <summary>An actor a pronoun may stand for: its name, kind, how often the text named it before, and where first.</summary>
public sealed record ContextActor(string Name, ActorKindHint Kind, int Mentions = 1, int FirstMention = 0);

/// <summary>What a content span leans on to be read: who says it, and who was mentioned before it.</summary>
/// <param name="Speaker">The speaker of the statement (the outlet for its own reporting).</param>
/// <param name="IsReportedSpeech">Indirect speech ("Kim told Putin that he …"): a third-person subject is most often the speaker.</param>
/// <param name="IsQuote">The speaker's own words in quotation marks: "he" there is someone else.</param>
/// <param name="IsDenial">The cue denies the content ("denied that any …"): negative-polarity words lean on it.</param>
/// <param name="Preceding">Actors mentioned before the content, nearest first, each once, the speaker included.</param>
/// <param name="InParagraph">How many of <paramref name="Preceding"/> (from the first) are in the content's own paragraph.</param>
public sealed record PropositionContext(
    ContextActor Speaker,
    bool IsReportedSpeech,
    bool IsQuote,
    bool IsDenial,
    IReadOnlyList<ContextActor> Preceding,
    int InParagraph)
{
    /// <summary>
    /// What a relative pronoun before the source stands for ("the deal" in "the deal, which officials said was worth …"):
    /// the subject of a content that has none.
    /// </summary>
    public string? RelativeSubject { get; init; }

    /// <summary>No context: only connectives and negative-polarity words can be dealt with.</summary>
    public static PropositionContext None { get; } = new(new ContextActor(string.Empty, ActorKindHint.Unknown), false, false, false, [], 0);
}
