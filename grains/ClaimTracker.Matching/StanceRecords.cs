using ClaimTracker.Analysis;

namespace ClaimTracker.Matching;

/// <summary>A stance and the plain-words reason shown to users (stored as <c>stance_reason</c>).</summary>
/// <remarks>
/// <see cref="Confidence"/> is the stance model's probability of <see cref="Stance"/> (0–1), stored as
/// <c>stance_confidence</c>; 0 when no model judged it (rules alone, or a stance fixed by extraction).
/// </remarks>
public sealed record StanceDecision(Stance Stance, string Reason)
{
    public float Confidence { get; init; }
}

/// <summary>
/// What extraction already knows about the statement and the claim. <see cref="Similarity"/> is the
/// statement⇄claim embedding cosine when the caller has it: the negation, antonym and date rules
/// only fire above <see cref="StanceClassifier.SimilarityGate"/> (otherwise a lexical overlap stands in).
/// With both embeddings, <see cref="StanceClassifier.Classify"/> asks the stance model.
/// </summary>
public sealed record StanceHints(
    Modality Modality,
    bool IsDenial,
    IReadOnlyList<QuantityFeature> StatementQuantities,
    IReadOnlyList<QuantityFeature> ClaimQuantities)
{
    public static StanceHints None { get; } = new(Modality.Unspecified, false, [], []);

    public double? Similarity { get; init; }

    /// <summary>The statement's L2-normalised embedding; with <see cref="ClaimEmbedding"/> it lets the stance model judge.</summary>
    public float[]? StatementEmbedding { get; init; }

    /// <summary>The claim's L2-normalised embedding.</summary>
    public float[]? ClaimEmbedding { get; init; }

    /// <summary>
    /// The statement was read from an article's running text, not from a headline: the body stance model
    /// (<see cref="StanceModel.Body"/>) judges it instead of the headline model.
    /// </summary>
    public bool FromBody { get; init; }

    /// <summary>Hints from text alone: quantities read by <see cref="QuantityReader"/>, nothing else.</summary>
    public static StanceHints FromText(string statementText, string claimText, double? similarity = null) =>
        new(Modality.Unspecified, false, QuantityReader.Read(statementText), QuantityReader.Read(claimText)) { Similarity = similarity };

    /// <summary>Hints from text and both embeddings: what the stance model needs.</summary>
    public static StanceHints FromEmbeddings(string statementText, string claimText, float[] statementEmbedding, float[] claimEmbedding) =>
        FromText(statementText, claimText, VectorMath.Dot(statementEmbedding, claimEmbedding)) with
        {
            StatementEmbedding = statementEmbedding,
            ClaimEmbedding = claimEmbedding,
        };
}
