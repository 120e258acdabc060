namespace ClaimTracker.Matching;

/// <summary>A stored claim as the index sees it. <see cref="Embedding"/> is L2-normalised.</summary>
public sealed record ClaimEntry(
    string ClaimId,
    string Text,
    float[] Embedding,
    IReadOnlyList<string> Entities,
    IReadOnlyList<QuantityFeature> Quantities);

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
