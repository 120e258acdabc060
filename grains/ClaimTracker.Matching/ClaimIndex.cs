namespace ClaimTracker.Matching;

/// <summary>
/// Candidate retrieval for claim matching. Claims are spread over shards by a hash of their id;
/// each shard has its own lock, so adds from many threads contend only per shard and searches run
/// concurrently with adds. A search returns the union of the best <c>k</c> claims by embedding
/// cosine and the best <c>k</c> by BM25 (global IDF over all shards), each scored on both signals,
/// because paraphrases missed by one signal are often found by the other.
/// Embeddings are stored as int8 codes with a scale per vector (<see cref="QuantizedBlock"/>), so a
/// claim costs 384 bytes of embedding instead of 1,536, and cosines move by about 10⁻³.
/// Cost: one pass of integer dot products (int16 probe × int8 codes) over the stored embeddings, its shards on all
/// cores past ParallelFrom phrasings, plus the posting lists
/// of the probe's terms. The service may hold one replica per silo or one shard per grain.
/// A claim may be stored under several phrasings (the same <see cref="ClaimEntry.ClaimId"/> with other
/// texts, e.g. statements that joined it); a search scores each claim by its best phrasing.
/// </summary>
public sealed class ClaimIndex : IDisposable
{
    // From this many stored phrasings a search scans its shards on all cores (below, a scan takes a few milliseconds).
    private const long ParallelFrom = 50_000;

    private readonly ClaimShard[] shards;
    private readonly Bm25Parameters bm25;
    private int count;

    public ClaimIndex(int shardCount = 8)
        : this(shardCount, dimensions: 384, Bm25Parameters.Default)
    {
    }

    public ClaimIndex(int shardCount, int dimensions, Bm25Parameters bm25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        this.bm25 = bm25;
        shards = new ClaimShard[shardCount];
        for (var i = 0; i < shardCount; i++)
        {
            shards[i] = new ClaimShard(dimensions);
        }
    }

    public int Dimensions { get; }

    /// <summary>Distinct claims stored.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>
    /// Stores a claim, or one more phrasing of it when the id is already present with another text;
    /// adding the same id and text again does nothing. Thread-safe.
    /// </summary>
    /// <returns>Whether a new claim or phrasing was stored.</returns>
    public bool Add(ClaimEntry claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Embedding.Length != Dimensions)
        {
            throw new ArgumentException($"Embedding has {claim.Embedding.Length} dimensions, the index {Dimensions}.", nameof(claim));
        }

        var shard = shards[ShardOf(claim.ClaimId)];
        var (stored, newClaim) = shard.Add(claim, TextAnalysis.Terms(claim.Text));
        if (newClaim)
        {
            Interlocked.Increment(ref count);
        }

        return stored;
    }

    /// <summary>The union of the top <paramref name="k"/> claims by cosine and by lexical score, best first by their sum.
    /// Thread-safe.</summary>
    public IReadOnlyList<ClaimCandidate> Search(StatementProbe probe, int k)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Embedding.Length != Dimensions)
        {
            throw new ArgumentException($"Embedding has {probe.Embedding.Length} dimensions, the index {Dimensions}.", nameof(probe));
        }

        var terms = TextAnalysis.Terms(probe.Text).Distinct(StringComparer.Ordinal).ToList();
        var frequencies = new long[terms.Count];
        long documents = 0;
        long length = 0;
        foreach (var shard in shards)
        {
            shard.AccumulateStatistics(terms, frequencies, ref documents, ref length);
        }

        var idf = new double[terms.Count];
        var idfSum = 0.0;
        for (var i = 0; i < terms.Count; i++)
        {
            idf[i] = Bm25Parameters.Idf(documents, frequencies[i]);
            idfSum += idf[i];
        }

        var averageLength = documents == 0 ? 0 : (double)length / documents;
        var byCosine = new TopK<ClaimCandidate>(k);
        var byLexical = new TopK<ClaimCandidate>(k);
        var found = new List<ClaimCandidate>[shards.Length];
        void SearchShard(int i) => found[i] = shards[i].Search(probe.Embedding, terms, idf, idfSum, averageLength, bm25, k);
        if (documents >= ParallelFrom)
        {
            Parallel.For(0, shards.Length, SearchShard);
        }
        else
        {
            for (var i = 0; i < shards.Length; i++)
            {
                SearchShard(i);
            }
        }

        foreach (var shardCandidates in found)
        {
            foreach (var candidate in shardCandidates)
            {
                byCosine.Offer(candidate, candidate.Cosine);
                if (candidate.Lexical > 0)
                {
                    byLexical.Offer(candidate, candidate.Lexical);
                }
            }
        }

        // One candidate per claim: its best cosine and best lexical score over the phrasings retrieved.
        return byCosine.Drain().Concat(byLexical.Drain())
            .Select(x => x.Item)
            .GroupBy(c => c.Claim.ClaimId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.Cosine)! with { Lexical = g.Max(c => c.Lexical) })
            .OrderByDescending(c => c.Cosine + c.Lexical)
            .ToList();
    }

    /// <summary>The claim as first stored under <paramref name="claimId"/> (its embedding decoded from int8), or null.
    /// Thread-safe.</summary>
    public ClaimEntry? Find(string claimId) => shards[ShardOf(claimId)].Find(claimId);

    /// <summary>How many phrasings of <paramref name="claimId"/> are stored (0 if none). Thread-safe.</summary>
    public int PhrasingCount(string claimId) => shards[ShardOf(claimId)].PhrasingCount(claimId);

    public void Dispose()
    {
        foreach (var shard in shards)
        {
            shard.Dispose();
        }
    }

    private int ShardOf(string claimId)
    {
        // Stable across processes (string.GetHashCode is randomised per process): FNV-1a.
        var hash = 2166136261u;
        foreach (var c in claimId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards.Length);
    }
}
