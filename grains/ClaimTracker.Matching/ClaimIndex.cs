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
/// From <see cref="ClaimIndexOptions.ApproximateFrom"/> phrasings the embedding half is approximate: an inverted file
/// of k-means centroids (trained at the first search past that size and again each time the index has doubled), of
/// which a search scans the lists of the few nearest the probe (<see cref="ClaimIndexOptions"/>).
/// The index can be written to a stream and read back (<see cref="Save"/>, <see cref="Restore"/>): a sequential
/// read of the codes, postings and lists, with nothing re-read from the texts.
/// </summary>
public sealed class ClaimIndex : IDisposable
{
    // From this many stored phrasings an exact search scans its shards on all cores (below, a scan takes a few milliseconds).
    private const long ParallelFrom = 50_000;

    private const int SnapshotFormat = 1;
    // Sampled phrasings per centroid when training.
    private const int SamplePerList = 32;

    private readonly ClaimShard[] shards;
    private readonly Bm25Parameters bm25;
    private readonly ClaimIndexOptions approximate;
    private readonly Lock trainGate = new();
    private volatile CoarseQuantizer? centroids;
    private Task training = Task.CompletedTask;
    private bool disposed;
    private int count;

    /// <summary>
    /// The shards a replica is cut into. Each search pays for every shard (its lock, its two rankings, the float cosine of
    /// each of its best phrasings), so fewer shards search faster (docs/BENCHMARKS.md, `retrieval`). Adds from concurrent
    /// reports still contend only per shard, and past <see cref="ParallelFrom"/> phrasings an exact scan still runs on two
    /// cores (beyond <see cref="ClaimIndexOptions.ApproximateFrom"/> the clustered lists are searched instead). A fixed
    /// number rather than one per core, so that the same claims give the same candidates on every machine.
    /// </summary>
    public const int DefaultShards = 2;

    public ClaimIndex(int shardCount = DefaultShards)
        : this(shardCount, dimensions: 384, Bm25Parameters.Default)
    {
    }

    public ClaimIndex(int shardCount, int dimensions, Bm25Parameters bm25, ClaimIndexOptions? approximate = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        this.bm25 = bm25;
        this.approximate = approximate ?? ClaimIndexOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.approximate.Probes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.approximate.PhrasingsPerList, 1);
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
        return Counted(shard.Add(claim, TextAnalysis.Terms(claim.Text)));
    }

    /// <summary>
    /// As <see cref="Add(ClaimEntry)"/> for a phrasing whose entities and quantities are those read from its text
    /// (<see cref="NamedEntities.Read"/>, <see cref="QuantityReader.Read"/>): they are read when a search first hands it back.
    /// </summary>
    public bool Add(string claimId, string text, float[] embedding)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(embedding);
        if (embedding.Length != Dimensions)
        {
            throw new ArgumentException($"Embedding has {embedding.Length} dimensions, the index {Dimensions}.", nameof(embedding));
        }

        // A replica's refresh reads back the phrasings its own silo indexed: those are found known before their words are read.
        var shard = shards[ShardOf(claimId)];
        return !shard.Contains(claimId, text) && Counted(shard.AddText(claimId, text, embedding, TextAnalysis.Terms(text)));
    }

    /// <summary>Phrasings stored (each claim has one or more). Thread-safe.</summary>
    public long Phrasings => shards.Sum(shard => (long)shard.Documents);

    /// <summary>Whether searches scan only the nearest lists (the index is past <see cref="ClaimIndexOptions.ApproximateFrom"/>
    /// and its centroids are trained).</summary>
    public bool IsApproximate => centroids is not null;

    private bool Counted((bool Stored, bool NewClaim) added)
    {
        if (added.NewClaim)
        {
            Interlocked.Increment(ref count);
        }

        return added.Stored;
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
        var byCosine = new TopK<ShardHit>(k);
        var byLexical = new TopK<ShardHit>(k);
        var found = new List<ShardHit>[shards.Length];
        var trained = documents >= approximate.ApproximateFrom ? Centroids(documents) : null;
        var probed = trained?.NearestLists(probe.Embedding, approximate.Probes);
        var quantized = new QuantizedProbe(probe.Embedding);
        void SearchShard(int i) =>
            found[i] = shards[i].Search(probe.Embedding, quantized, terms, idf, idfSum, averageLength, bm25, k, trained, probed);
        if (documents >= ParallelFrom && trained is null)
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

        foreach (var shardHits in found)
        {
            foreach (var hit in shardHits)
            {
                byCosine.Offer(hit, hit.Cosine);
                if (hit.Lexical > 0)
                {
                    byLexical.Offer(hit, hit.Lexical);
                }
            }
        }

        // One candidate per claim: its best cosine and best lexical score over the phrasings retrieved. Only these few
        // (of up to 2k per shard) become candidates.
        return BestPerClaim([.. byCosine.Drain(), .. byLexical.Drain()]);
    }

    /// <summary>One candidate per claim, in order of first appearance: its first hit of the best cosine, with the best lexical
    /// score of its hits; then ordered by the sum of the two, equal sums kept in that order.</summary>
    private static List<ClaimCandidate> BestPerClaim(List<(ShardHit Item, double Score)> hits)
    {
        var best = new List<ShardHit>(hits.Count);
        var slotOf = new Dictionary<string, int>(hits.Count, StringComparer.Ordinal);
        foreach (var (hit, _) in hits)
        {
            if (!slotOf.TryGetValue(hit.ClaimId, out var slot))
            {
                slotOf[hit.ClaimId] = best.Count;
                best.Add(hit);
                continue;
            }

            var kept = best[slot];
            best[slot] = (hit.Cosine > kept.Cosine ? hit : kept) with { Lexical = Math.Max(kept.Lexical, hit.Lexical) };
        }

        var candidates = new List<(ClaimCandidate Candidate, int Order)>(best.Count);
        for (var i = 0; i < best.Count; i++)
        {
            candidates.Add((best[i].Shard.Candidate(best[i]), i));
        }

        candidates.Sort(static (a, b) =>
        {
            var bySum = (b.Candidate.Cosine + b.Candidate.Lexical).CompareTo(a.Candidate.Cosine + a.Candidate.Lexical);
            return bySum != 0 ? bySum : a.Order.CompareTo(b.Order);
        });
        return candidates.ConvertAll(c => c.Candidate);
    }

    /// <summary>
    /// The centroids to search with. When there are none yet or the index has doubled since they were trained, new ones are
    /// trained in the background; until they are in place, searches go on with the old ones (or, the first time, with an
    /// exact scan), so no search waits for a training of many seconds.
    /// </summary>
    private CoarseQuantizer? Centroids(long documents)
    {
        var current = centroids;
        if (current is not null && documents < 2 * current.TrainedOn)
        {
            return current;
        }

        lock (trainGate)
        {
            current = centroids;
            if (!disposed && training.IsCompleted && (current is null || documents >= 2 * current.TrainedOn))
            {
                training = Task.Run(() => Train(documents));
            }
        }

        return current;
    }

    private void Train(long documents)
    {
        var lists = (int)Math.Clamp(documents / approximate.PhrasingsPerList, 16, 1024);
        var random = new Random(approximate.Seed);
        var fraction = Math.Min(1.0, (double)lists * SamplePerList / documents);
        var sample = shards.SelectMany(shard => shard.Sample(fraction, random)).ToList();
        var trained = CoarseQuantizer.Train(sample, lists, approximate.Seed, documents);
        Parallel.ForEach(shards, shard => shard.Assign(trained));
        centroids = trained;
    }

    /// <summary>Waits until a training of centroids that a search started, if any, has put them in place.</summary>
    public void WaitForCentroids()
    {
        Task running;
        lock (trainGate)
        {
            running = training;
        }

        running.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes the whole index (phrasings as int8 codes, postings, centroids and lists) to <paramref name="stream"/>. Adds may
    /// go on meanwhile: each shard is written as it stands when its turn comes. Thread-safe.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(SnapshotFormat);
        writer.Write(Dimensions);
        writer.Write(shards.Length);
        var trained = centroids;
        writer.Write(trained?.Lists ?? 0);
        if (trained is not null)
        {
            writer.Write(trained.TrainedOn);
            foreach (var centroid in trained.Centroids)
            {
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(centroid.AsSpan()));
            }
        }

        foreach (var shard in shards)
        {
            shard.WriteTo(writer, trained);
        }
    }

    /// <summary>
    /// Reads what <see cref="Save"/> wrote into this index, which must be empty and have the same shards and dimensions.
    /// Entities and quantities are read from a phrasing's text when a search first hands it back.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a snapshot of an index shaped like this one.</exception>
    public void Restore(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var format = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var shardCount = reader.ReadInt32();
        if (format != SnapshotFormat || dimensions != Dimensions || shardCount != shards.Length)
        {
            throw new InvalidDataException($"The snapshot (format {format}, {dimensions} dimensions, {shardCount} shards) does not fit "
                + $"this index (format {SnapshotFormat}, {Dimensions} dimensions, {shards.Length} shards).");
        }

        var lists = reader.ReadInt32();
        CoarseQuantizer? trained = null;
        if (lists > 0)
        {
            var trainedOn = reader.ReadInt64();
            var vectors = new float[lists][];
            for (var l = 0; l < lists; l++)
            {
                vectors[l] = new float[Dimensions];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[l].AsSpan()));
            }

            trained = new CoarseQuantizer(vectors, trainedOn);
        }

        var claims = 0;
        foreach (var shard in shards)
        {
            claims += shard.ReadFrom(reader, trained);
        }

        if (trained is not null)
        {
            // A shard saved while its lists were being rebuilt comes back without them.
            Parallel.ForEach(shards.Where(shard => !shard.IsAssignedTo(trained)), shard => shard.Assign(trained));
        }

        centroids = trained;
        Interlocked.Add(ref count, claims);
    }

    /// <summary>The claim as first stored under <paramref name="claimId"/> (its embedding decoded from int8 when read), or null.
    /// Thread-safe.</summary>
    public ClaimEntry? Find(string claimId) => shards[ShardOf(claimId)].Find(claimId);

    /// <summary>How many phrasings of <paramref name="claimId"/> are stored (0 if none). Thread-safe.</summary>
    public int PhrasingCount(string claimId) => shards[ShardOf(claimId)].PhrasingCount(claimId);

    public void Dispose()
    {
        Task running;
        lock (trainGate)
        {
            disposed = true;
            running = training;
        }

        // A training in the background still reads the shards; its failure, if any, is of no use to anyone now.
        Task.WhenAny(running).GetAwaiter().GetResult();
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
