namespace ClaimTracker.Extraction;

/// <summary>Everything found in one article: the actors and the statements attributed to them.</summary>
public sealed record ExtractionResult(IReadOnlyList<ExtractedActor> Actors, IReadOnlyList<ExtractedStatement> Statements)
{
    /// <summary>The empty result (nothing to read).</summary>
    public static ExtractionResult Empty { get; } = new([], []);
}
