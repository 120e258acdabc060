namespace ClaimTracker.Matching;

/// <summary>
/// How <see cref="ClaimIndex"/> finds the nearest embeddings. Below <see cref="ApproximateFrom"/> stored phrasings every
/// search scans them all (exact); from there on it clusters them (k-means centroids trained on a sample with a fixed seed,
/// one list of phrasings per centroid) and scans only the lists of the <see cref="Probes"/> centroids nearest the probe.
/// The lexical (BM25) half of retrieval is exact either way. Recall against the exact scan: docs/history-and-search.md.
/// </summary>
public sealed record ClaimIndexOptions
{
    public static ClaimIndexOptions Default { get; } = new();

    /// <summary>Stored phrasings from which searches use the clustered lists instead of scanning everything.</summary>
    public long ApproximateFrom { get; init; } = 50_000;

    /// <summary>Phrasings per list when the centroids are trained (their number is phrasings / this, 16 to 1,024).</summary>
    public int PhrasingsPerList { get; init; } = 4_000;

    /// <summary>Lists scanned per search: those of the centroids nearest the probe.</summary>
    public int Probes { get; init; } = 8;

    /// <summary>Seed of the training sample and of the centroids' initialisation (the same phrasings give the same lists).</summary>
    public int Seed { get; init; } = 17;
}
