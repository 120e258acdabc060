using ClaimTracker.Analysis;

namespace ClaimTracker.Matching;

/// <summary>A stance and the plain-words reason shown to users (stored as <c>stance_reason</c>).</summary>
public sealed record StanceDecision(Stance Stance, string Reason);

/// <summary>
/// What extraction already knows about the statement and the claim. <see cref="Similarity"/> is the
/// statement⇄claim embedding cosine when the caller has it: the negation, antonym and date rules
/// only fire above <see cref="StanceClassifier.SimilarityGate"/> (otherwise a lexical overlap stands in).
/// </summary>
public sealed record StanceHints(
    Modality Modality,
    bool IsDenial,
    IReadOnlyList<QuantityFeature> StatementQuantities,
    IReadOnlyList<QuantityFeature> ClaimQuantities)
{
    public static StanceHints None { get; } = new(Modality.Unspecified, false, [], []);

    public double? Similarity { get; init; }

    /// <summary>Hints from text alone: quantities read by <see cref="QuantityReader"/>, nothing else.</summary>
    public static StanceHints FromText(string statementText, string claimText, double? similarity = null) =>
        new(Modality.Unspecified, false, QuantityReader.Read(statementText), QuantityReader.Read(claimText)) { Similarity = similarity };
}
