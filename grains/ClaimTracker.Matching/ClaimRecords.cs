namespace ClaimTracker.Matching;

/// <summary>A stored claim as the index sees it. <see cref="Embedding"/> is L2-normalised.</summary>
public sealed record ClaimEntry(
    string ClaimId,
    string Text,
    float[] Embedding,
    IReadOnlyList<string> Entities,
    IReadOnlyList<QuantityFeature> Quantities)
{
    // A candidate's embedding is decoded from the index's int8 codes only when asked for: linking reads its cosine, which the
    // search already computed, and never the vector.
    private Func<float[]>? decode;
    private float[]? embedding = Embedding;

    public float[] Embedding
    {
        get => embedding ??= decode!();
        init => embedding = value;
    }

    /// <summary>An entry whose embedding <paramref name="decode"/> gives the first time it is read.</summary>
    internal static ClaimEntry Decoded(
        string claimId,
        string text,
        Func<float[]> decode,
        IReadOnlyList<string> entities,
        IReadOnlyList<QuantityFeature> quantities) =>
        new(claimId, text, null!, entities, quantities) { decode = decode };
}

/// <summary>A statement looking for its claim. <see cref="Embedding"/> is L2-normalised.</summary>
public sealed record StatementProbe(
    string Text,
    float[] Embedding,
    IReadOnlyList<string> Entities,
    IReadOnlyList<QuantityFeature> Quantities);

/// <summary>
/// A claim retrieved for a probe. <see cref="Cosine"/> is the embedding dot product (−1…1);
/// <see cref="Lexical"/> is BM25 divided by the sum of the query terms' IDFs, about 0…1 (1 ≈ every
/// query term present once in a document of average length).
/// </summary>
public sealed record ClaimCandidate(ClaimEntry Claim, double Cosine, double Lexical);
