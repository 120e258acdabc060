using System.Buffers;

namespace ClaimTracker.Matching;

/// <summary>
/// One partition of a <see cref="ClaimIndex"/>: claims, their embeddings packed as int8 codes in
/// contiguous blocks (a linear scan is a stream of dot products over cache-friendly memory, a quarter
/// of float32's bytes) and an inverted index of terms. The embeddings are not kept as floats: a
/// claim handed back is rebuilt with its decoded embedding. A reader-writer lock lets many searches run while adds wait only for their own
/// shard.
/// </summary>
internal sealed class ClaimShard : IDisposable
{
    private const int BlockClaims = 1024;
    private const int PhrasingOverFetch = 4;

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly List<StoredClaim> claims = [];
    private readonly List<QuantizedBlock> blocks = [];
    private readonly List<int> lengths = [];
    private readonly Dictionary<string, List<Posting>> postings = new(StringComparer.Ordinal);
    private readonly HashSet<(string ClaimId, string Text)> phrasings = [];
    // Each claim id with its first phrasing's document number and how many phrasings it has.
    private readonly Dictionary<string, (int First, int Count)> phrasingsByClaim = new(StringComparer.Ordinal);
    private readonly int dimensions;
    private long totalLength;

    public ClaimShard(int dimensions) => this.dimensions = dimensions;

    /// <summary>Distinct claims (a claim may have several phrasings).</summary>
    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return phrasingsByClaim.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// Adds a phrasing of a claim unless that (id, text) is already present (adds are idempotent).
    /// </summary>
    /// <returns>Whether the phrasing was stored, and whether it is the claim's first.</returns>
    public (bool Stored, bool NewClaim) Add(ClaimEntry claim, IReadOnlyList<string> terms)
    {
        gate.EnterWriteLock();
        try
        {
            if (!phrasings.Add((claim.ClaimId, claim.Text)))
            {
                return (false, false);
            }

            var doc = claims.Count;
            var isNewClaim = !phrasingsByClaim.TryGetValue(claim.ClaimId, out var known);
            phrasingsByClaim[claim.ClaimId] = isNewClaim ? (doc, 1) : (known.First, known.Count + 1);
            claims.Add(new StoredClaim(claim.ClaimId, claim.Text, claim.Entities, claim.Quantities));
            if (doc % BlockClaims == 0)
            {
                blocks.Add(new QuantizedBlock(BlockClaims, dimensions));
            }

            blocks[doc / BlockClaims].Store(doc % BlockClaims, claim.Embedding);
            lengths.Add(terms.Count);
            totalLength += terms.Count;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list))
                {
                    list = [];
                    postings[group.Key] = list;
                }

                list.Add(new Posting(doc, group.Count()));
            }

            return (true, isNewClaim);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Adds this shard's document count, total length and the document frequency of each term.</summary>
    public void AccumulateStatistics(IReadOnlyList<string> terms, long[] documentFrequencies, ref long documents, ref long length)
    {
        gate.EnterReadLock();
        try
        {
            documents += claims.Count;
            length += totalLength;
            for (var i = 0; i < terms.Count; i++)
            {
                if (postings.TryGetValue(terms[i], out var list))
                {
                    documentFrequencies[i] += list.Count;
                }
            }
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>This shard's best <paramref name="k"/> claims by cosine and by BM25, each scored on both.</summary>
    public List<ClaimCandidate> Search(
        float[] embedding,
        IReadOnlyList<string> terms,
        double[] idf,
        double idfSum,
        double averageLength,
        Bm25Parameters bm25,
        int k)
    {
        gate.EnterReadLock();
        try
        {
            var count = claims.Count;
            if (count == 0 || k <= 0)
            {
                return [];
            }

            var lexical = ArrayPool<float>.Shared.Rent(count);
            var touched = new List<int>();
            try
            {
                Array.Clear(lexical, 0, count);
                ScoreLexical(terms, idf, averageLength, bm25, lexical, touched);
                // Over-fetch phrasings so that k distinct claims survive when one claim has many phrasings.
                var fetch = k * PhrasingOverFetch;
                var byLexical = new TopK<int>(fetch);
                foreach (var doc in touched)
                {
                    byLexical.Offer(doc, lexical[doc]);
                }

                var byCosine = ScanCosine(embedding, count, fetch);

                var chosen = new HashSet<int>();
                var result = new List<ClaimCandidate>(2 * k);
                foreach (var (doc, _) in BestPerClaim(byCosine.Drain(), k).Concat(BestPerClaim(byLexical.Drain(), k)))
                {
                    if (chosen.Add(doc))
                    {
                        var normalised = idfSum > 0 ? lexical[doc] / idfSum : 0;
                        result.Add(new ClaimCandidate(Entry(doc), Cosine(doc, embedding), normalised));
                    }
                }

                return result;
            }
            finally
            {
                ArrayPool<float>.Shared.Return(lexical);
            }
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private void ScoreLexical(
        IReadOnlyList<string> terms,
        double[] idf,
        double averageLength,
        Bm25Parameters bm25,
        float[] scores,
        List<int> touched)
    {
        var k1 = bm25.K1;
        var b = bm25.B;
        var avg = averageLength > 0 ? averageLength : 1;
        for (var i = 0; i < terms.Count; i++)
        {
            if (!postings.TryGetValue(terms[i], out var list))
            {
                continue;
            }

            foreach (var posting in list)
            {
                var tf = posting.TermFrequency;
                var norm = k1 * (1 - b + (b * lengths[posting.Document] / avg));
                var add = (float)(idf[i] * tf * (k1 + 1) / (tf + norm));
                if (scores[posting.Document] == 0f)
                {
                    touched.Add(posting.Document);
                }

                scores[posting.Document] += add;
            }
        }
    }

    /// <summary>The claim as first stored under <paramref name="claimId"/>, or null.</summary>
    public ClaimEntry? Find(string claimId)
    {
        gate.EnterReadLock();
        try
        {
            return phrasingsByClaim.TryGetValue(claimId, out var known) ? Entry(known.First) : null;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>How many phrasings of <paramref name="claimId"/> are stored here.</summary>
    public int PhrasingCount(string claimId)
    {
        gate.EnterReadLock();
        try
        {
            return phrasingsByClaim.TryGetValue(claimId, out var known) ? known.Count : 0;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public void Dispose() => gate.Dispose();

    private IEnumerable<(int Doc, double Score)> BestPerClaim(List<(int Doc, double Score)> ranked, int k) =>
        ranked.DistinctBy(x => claims[x.Doc].ClaimId, StringComparer.Ordinal).Take(k);

    /// <summary>The hot loop: one dot product per stored phrasing, block by block; the heap is touched only above its floor.</summary>
    private TopK<int> ScanCosine(float[] embedding, int count, int fetch)
    {
        var probe = new QuantizedProbe(embedding);
        var top = new TopK<int>(fetch);
        var floor = double.NegativeInfinity;
        for (var block = 0; block * BlockClaims < count; block++)
        {
            var data = blocks[block];
            var inBlock = Math.Min(BlockClaims, count - (block * BlockClaims));
            for (var j = 0; j < inBlock; j++)
            {
                var score = data.Dot(j, probe);
                if (score > floor)
                {
                    top.Offer((block * BlockClaims) + j, score);
                    floor = top.Floor;
                }
            }
        }

        return top;
    }

    private float Cosine(int doc, float[] embedding) => blocks[doc / BlockClaims].Dot(doc % BlockClaims, embedding);

    private ClaimEntry Entry(int doc)
    {
        var claim = claims[doc];
        return new ClaimEntry(
            claim.ClaimId,
            claim.Text,
            blocks[doc / BlockClaims].Restore(doc % BlockClaims),
            claim.Entities,
            claim.Quantities);
    }

    private readonly record struct Posting(int Document, int TermFrequency);

    /// <summary>A stored phrasing without its embedding, which lives in the blocks.</summary>
    private readonly record struct StoredClaim(
        string ClaimId,
        string Text,
        IReadOnlyList<string> Entities,
        IReadOnlyList<QuantityFeature> Quantities);
}
