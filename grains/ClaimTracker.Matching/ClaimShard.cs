using System.Buffers;

namespace ClaimTracker.Matching;

/// <summary>
/// One partition of a <see cref="ClaimIndex"/>: claims, their embeddings packed as int8 codes in
/// contiguous blocks (a linear scan is a stream of dot products over cache-friendly memory, a quarter
/// of float32's bytes) and an inverted index of terms. The embeddings are not kept as floats: a
/// claim handed back decodes its embedding from the codes when it is read. A reader-writer lock lets many searches run while adds
/// wait only for their own shard.
/// </summary>
internal sealed partial class ClaimShard : IDisposable
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
    // The inverted file once the index has trained centroids: each list's documents, ascending.
    private CoarseQuantizer? quantizer;
    private List<int>[] lists = [];

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
    public (bool Stored, bool NewClaim) Add(ClaimEntry claim, IReadOnlyList<string> terms) =>
        Add(new StoredClaim(claim.ClaimId, claim.Text, claim.Entities, claim.Quantities), claim.Embedding, terms);

    /// <summary>As <see cref="Add(ClaimEntry, IReadOnlyList{string})"/>; the entities and quantities are read from the text
    /// when a search first hands the phrasing back.</summary>
    public (bool Stored, bool NewClaim) AddText(string claimId, string text, float[] embedding, IReadOnlyList<string> terms) =>
        Add(new StoredClaim(claimId, text, null, null), embedding, terms);

    private (bool Stored, bool NewClaim) Add(StoredClaim claim, float[] embedding, IReadOnlyList<string> terms)
    {
        gate.EnterWriteLock();
        try
        {
            if (!phrasings.Add((claim.ClaimId, claim.Text)))
            {
                return (false, false);
            }

            var doc = claims.Count;
            var isNewClaim = Store(claim, terms);
            blocks[doc / BlockClaims].Store(doc % BlockClaims, embedding);
            AssignToList(doc);
            return (true, isNewClaim);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Stores the document's claim, length and postings, and makes room for its embedding; the caller holds the write
    /// lock.</summary>
    /// <returns>Whether it is the claim's first phrasing.</returns>
    private bool Store(StoredClaim claim, IReadOnlyList<string> terms)
    {
        var doc = claims.Count;
        var isNewClaim = !phrasingsByClaim.TryGetValue(claim.ClaimId, out var known);
        phrasingsByClaim[claim.ClaimId] = isNewClaim ? (doc, 1) : (known.First, known.Count + 1);
        claim.FirstPhrasing = isNewClaim ? doc : known.First;
        claims.Add(claim);
        if (doc % BlockClaims == 0)
        {
            blocks.Add(new QuantizedBlock(BlockClaims, dimensions));
        }

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

        return isNewClaim;
    }

    private void AssignToList(int doc)
    {
        if (quantizer is not null)
        {
            lists[quantizer.Nearest(blocks[doc / BlockClaims].CodesOf(doc % BlockClaims))].Add(doc);
        }
    }

    /// <summary>Whether this text of the claim is stored.</summary>
    public bool Contains(string claimId, string text)
    {
        gate.EnterReadLock();
        try
        {
            return phrasings.Contains((claimId, text));
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Phrasings stored here (each phrasing is a document).</summary>
    public int Documents
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return claims.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>Each stored embedding, decoded, with probability <paramref name="fraction"/> (for training centroids).</summary>
    public List<float[]> Sample(double fraction, Random random)
    {
        gate.EnterReadLock();
        try
        {
            var sample = new List<float[]>();
            for (var doc = 0; doc < claims.Count; doc++)
            {
                if (random.NextDouble() < fraction)
                {
                    sample.Add(blocks[doc / BlockClaims].Restore(doc % BlockClaims));
                }
            }

            return sample;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// Puts every phrasing in the list of its nearest centroid. The bulk of the work runs under the read lock (searches go on,
    /// scanning everything); adds wait only while the phrasings stored meanwhile are assigned and the lists swapped in.
    /// </summary>
    public void Assign(CoarseQuantizer centroids)
    {
        int[] assigned;
        gate.EnterReadLock();
        try
        {
            assigned = new int[claims.Count];
            for (var doc = 0; doc < assigned.Length; doc++)
            {
                assigned[doc] = centroids.Nearest(blocks[doc / BlockClaims].CodesOf(doc % BlockClaims));
            }
        }
        finally
        {
            gate.ExitReadLock();
        }

        gate.EnterWriteLock();
        try
        {
            UseLists(centroids, assigned);
            for (var doc = assigned.Length; doc < claims.Count; doc++)
            {
                AssignToList(doc);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Installs lists from each document's list number; the caller holds the write lock.</summary>
    private void UseLists(CoarseQuantizer centroids, IReadOnlyList<int> assigned)
    {
        var built = new List<int>[centroids.Lists];
        for (var l = 0; l < built.Length; l++)
        {
            built[l] = [];
        }

        for (var doc = 0; doc < assigned.Count; doc++)
        {
            built[assigned[doc]].Add(doc);
        }

        lists = built;
        quantizer = centroids;
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

    /// <summary>
    /// This shard's best <paramref name="k"/> claims by cosine and by BM25, each scored on both. The hits carry no embedding: the
    /// index keeps a few of all its shards' hits and makes candidates of only those (<see cref="Candidate"/>).
    /// </summary>
    public List<ShardHit> Search(
        float[] embedding,
        QuantizedProbe quantized,
        IReadOnlyList<string> terms,
        double[] idf,
        double idfSum,
        double averageLength,
        Bm25Parameters bm25,
        int k,
        CoarseQuantizer? centroids = null,
        int[]? probed = null)
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
            var scratch = Scratch.ForThisThread();
            var touched = scratch.Touched;
            try
            {
                Array.Clear(lexical, 0, count);
                ScoreLexical(terms, idf, averageLength, bm25, lexical, touched);
                // Over-fetch phrasings so that k distinct claims survive when one claim has many phrasings.
                var fetch = k * PhrasingOverFetch;
                var (byCosine, byLexical) = scratch.Rankings(fetch);
                foreach (var doc in touched)
                {
                    byLexical.Offer(doc, lexical[doc]);
                }

                if (centroids is not null && probed is not null && ReferenceEquals(centroids, quantizer))
                {
                    ScanLists(quantized, probed, byCosine);
                }
                else
                {
                    ScanCosine(quantized, count, byCosine);
                }

                var chosen = scratch.Chosen;
                var result = new List<ShardHit>(2 * k);
                var claimsSeen = scratch.ClaimsSeen;
                foreach (var ranked in (ReadOnlySpan<TopDocuments>)[byCosine, byLexical])
                {
                    ranked.DrainInto(scratch.Ranked);
                    foreach (var doc in BestPerClaim(scratch.Ranked, k, claimsSeen, scratch.Best))
                    {
                        if (chosen.Add(doc))
                        {
                            var normalised = idfSum > 0 ? lexical[doc] / idfSum : 0;
                            result.Add(new ShardHit(this, doc, claims[doc].ClaimId, Cosine(doc, embedding), normalised));
                        }
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

    /// <summary>The candidate of one of this shard's hits, its embedding decoded from int8 when read.</summary>
    public ClaimCandidate Candidate(ShardHit hit)
    {
        gate.EnterReadLock();
        try
        {
            return new ClaimCandidate(Entry(hit.Document), hit.Cosine, hit.Lexical);
        }
        finally
        {
            gate.ExitReadLock();
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

    /// <summary>Whether the phrasings are in lists of <paramref name="centroids"/>.</summary>
    public bool IsAssignedTo(CoarseQuantizer centroids)
    {
        gate.EnterReadLock();
        try
        {
            return ReferenceEquals(quantizer, centroids);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The first <paramref name="k"/> documents of <paramref name="ranked"/> whose claims come first there: each claim's
    /// best phrasing. <paramref name="seen"/> is a scratch set, cleared here.</summary>
    private List<int> BestPerClaim(List<(int Doc, double Score)> ranked, int k, HashSet<int> seen, List<int> best)
    {
        seen.Clear();
        best.Clear();
        foreach (var (doc, _) in ranked)
        {
            if (best.Count == k)
            {
                break;
            }

            if (seen.Add(claims[doc].FirstPhrasing))
            {
                best.Add(doc);
            }
        }

        return best;
    }

    /// <summary>The hot loop: one dot product per stored phrasing, block by block; the heap is touched only above its floor.</summary>
    private void ScanCosine(QuantizedProbe probe, int count, TopDocuments top)
    {
        var floor = float.NegativeInfinity;
        var scores = ArrayPool<float>.Shared.Rent(BlockClaims);
        try
        {
            for (var block = 0; block * BlockClaims < count; block++)
            {
                var inBlock = Math.Min(BlockClaims, count - (block * BlockClaims));
                blocks[block].DotAll(probe, inBlock, scores);
                for (var j = 0; j < inBlock; j++)
                {
                    if (scores[j] > floor)
                    {
                        top.Offer((block * BlockClaims) + j, scores[j]);
                        floor = top.Floor;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>The approximate scan: only the documents in the probed lists.</summary>
    private void ScanLists(QuantizedProbe probe, int[] probed, TopDocuments top)
    {
        var floor = float.NegativeInfinity;
        foreach (var l in probed)
        {
            foreach (var doc in lists[l])
            {
                var score = blocks[doc / BlockClaims].Dot(doc % BlockClaims, probe);
                if (score > floor)
                {
                    top.Offer(doc, score);
                    floor = top.Floor;
                }
            }
        }
    }

    private float Cosine(int doc, float[] embedding) => blocks[doc / BlockClaims].Dot(doc % BlockClaims, embedding);

    private ClaimEntry Entry(int doc)
    {
        var claim = claims[doc];
        // A block's codes never change once stored, so the decoding may run later, outside the lock.
        var block = blocks[doc / BlockClaims];
        var slot = doc % BlockClaims;
        return ClaimEntry.Decoded(claim.ClaimId, claim.Text, () => block.Restore(slot), claim.Entities, claim.Quantities);
    }

    private readonly record struct Posting(int Document, int TermFrequency);

    /// <summary>The working sets of one search, kept per thread and cleared for the next (the claims seen and the lists, by the
    /// steps that fill them): a search never awaits, so a thread runs one at a time.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? PerThread;

        public List<int> Touched { get; } = [];

        public HashSet<int> Chosen { get; } = [];

        public HashSet<int> ClaimsSeen { get; } = [];

        public List<(int Doc, double Score)> Ranked { get; } = [];

        public List<int> Best { get; } = [];

        private TopDocuments? byCosine;
        private TopDocuments? byLexical;

        public static Scratch ForThisThread()
        {
            var scratch = PerThread ??= new Scratch();
            scratch.Touched.Clear();
            scratch.Chosen.Clear();
            return scratch;
        }

        /// <summary>Two empty rankings that keep <paramref name="fetch"/> documents each.</summary>
        public (TopDocuments ByCosine, TopDocuments ByLexical) Rankings(int fetch)
        {
            if (byCosine is null || byLexical is null || byCosine.Capacity != fetch)
            {
                (byCosine, byLexical) = (new TopDocuments(fetch), new TopDocuments(fetch));
            }

            byCosine.Clear();
            byLexical.Clear();
            return (byCosine, byLexical);
        }
    }

    /// <summary>
    /// A stored phrasing without its embedding, which lives in the blocks. Its entities and quantities are given or, for a
    /// phrasing loaded from the index log or a snapshot, read from the text the first time a search hands it back (a
    /// replica of a million phrasings then loads without reading a million texts).
    /// </summary>
    private sealed class StoredClaim(
        string claimId,
        string text,
        IReadOnlyList<string>? entities,
        IReadOnlyList<QuantityFeature>? quantities)
    {
        private IReadOnlyList<string>? entities = entities;
        private IReadOnlyList<QuantityFeature>? quantities = quantities;

        public string ClaimId { get; } = claimId;

        public string Text { get; } = text;

        /// <summary>The shard's document number of the claim's first phrasing: the claim, as a number.</summary>
        public int FirstPhrasing { get; set; }

        // Two searches may read the same text at once; both get equal lists and either may be kept.
        public IReadOnlyList<string> Entities => entities ??= NamedEntities.Read(Text);

        public IReadOnlyList<QuantityFeature> Quantities => quantities ??= QuantityReader.Read(Text);
    }
}

/// <summary>A phrasing a shard retrieved: its document number in that shard, its claim and its two scores.</summary>
internal readonly record struct ShardHit(ClaimShard Shard, int Document, string ClaimId, double Cosine, double Lexical);
