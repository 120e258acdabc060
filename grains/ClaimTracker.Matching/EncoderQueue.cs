using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClaimTracker.Matching;

/// <summary>
/// One queue of sentences for a whole process, in front of an encoder: concurrent callers (the reports being
/// linked at the same time) add their sentences, and one inference thread per core takes them in batches of up to
/// <see cref="EncoderQueueOptions.MaxBatch"/>, from whichever callers they came, waiting at most
/// <see cref="EncoderQueueOptions.MaxWaitMilliseconds"/> for a batch to fill. Each caller gets its vectors, in order,
/// once all its sentences are encoded. The cores stay busy with inference however the reports arrive, and never
/// more threads infer than there are cores. When many sentences wait, a thread takes up to
/// <see cref="EncoderQueueOptions.LengthWindow"/> batches' worth and encodes them shortest first, so that a batch's
/// padding (to its longest sentence) stays small. A sentence encoded recently is answered from a cache of
/// <see cref="EncoderQueueOptions.CachedSentences"/> sentences without being queued.
/// </summary>
public sealed class EncoderQueue : ISentenceEncoder, IDisposable
{
    private readonly ISentenceEncoder inner;
    private readonly int maxBatch;
    private readonly int maxTake;
    private readonly TimeSpan maxWait;
    private readonly BlockingCollection<Sentence> sentences = new();
    private readonly Thread[] threads;
    private readonly SentenceVectorCache? cache;
    private long batches;
    private long encoded;
    private long busyTicks;

    public EncoderQueue(ISentenceEncoder inner, EncoderQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxWaitMilliseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LengthWindow, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CachedSentences);
        this.inner = inner;
        cache = options.CachedSentences >= 2 ? new SentenceVectorCache(options.CachedSentences) : null;
        maxBatch = options.MaxBatch;
        maxTake = options.MaxBatch * options.LengthWindow;
        maxWait = TimeSpan.FromMilliseconds(options.MaxWaitMilliseconds);
        threads = new Thread[options.ThreadCount];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Run) { IsBackground = true, Name = $"encoder-{i}" };
            threads[i].Start();
        }
    }

    public int Dimensions => inner.Dimensions;

    /// <summary>Inference threads.</summary>
    public int Threads => threads.Length;

    /// <summary>What the inference threads have done since the queue started (to check that batches fill and threads stay
    /// busy).</summary>
    public EncoderQueueStatistics Statistics => new(
        Interlocked.Read(ref batches),
        Interlocked.Read(ref encoded),
        TimeSpan.FromTicks(Interlocked.Read(ref busyTicks)),
        cache?.Hits ?? 0);

    public float[][] Encode(IReadOnlyList<string> texts) => EncodeAsync(texts).GetAwaiter().GetResult();

    public Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return Task.FromResult(Array.Empty<float[]>());
        }

        var request = new Request(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (cache is not null && cache.TryGet(texts[i], out var known))
            {
                request.Deliver(i, known);
                continue;
            }

            sentences.Add(new Sentence(texts[i], request, i), CancellationToken.None);
        }

        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        sentences.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        sentences.Dispose();
    }

    private void Run()
    {
        var taken = new List<Sentence>(maxTake);
        var texts = new List<string>(maxBatch);
        while (sentences.TryTake(out var first, Timeout.Infinite))
        {
            taken.Add(first);
            var waited = Stopwatch.StartNew();
            while (taken.Count < maxBatch)
            {
                var left = maxWait - waited.Elapsed;
                if (!sentences.TryTake(out var next, left > TimeSpan.Zero ? left : TimeSpan.Zero))
                {
                    break;
                }

                taken.Add(next);
            }

            // More only from what already waits, and no more than the other threads' share of it.
            while (taken.Count < maxTake && sentences.Count > taken.Count * (threads.Length - 1)
                && sentences.TryTake(out var waiting))
            {
                taken.Add(waiting);
            }

            if (taken.Count > maxBatch)
            {
                taken.Sort(static (a, b) => a.Text.Length.CompareTo(b.Text.Length));
            }

            for (var start = 0; start < taken.Count; start += maxBatch)
            {
                Encode(taken, start, Math.Min(maxBatch, taken.Count - start), texts);
                texts.Clear();
            }

            taken.Clear();
        }
    }

    private void Encode(List<Sentence> taken, int start, int count, List<string> texts)
    {
        for (var i = start; i < start + count; i++)
        {
            texts.Add(taken[i].Text);
        }

        float[][] vectors;
        var started = Stopwatch.GetTimestamp();
        try
        {
            vectors = inner.Encode(texts);
        }
        catch (Exception failure)
        {
            for (var i = start; i < start + count; i++)
            {
                taken[i].Request.Completion.TrySetException(failure);
            }

            return;
        }
        finally
        {
            Interlocked.Add(ref busyTicks, Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref encoded, count);
        }

        for (var i = 0; i < count; i++)
        {
            cache?.Add(taken[start + i].Text, vectors[i]);
            taken[start + i].Request.Deliver(taken[start + i].Index, vectors[i]);
        }
    }

    private readonly record struct Sentence(string Text, Request Request, int Index);

    /// <summary>One caller's sentences: their vectors as they come, and the caller's task, completed with the last.</summary>
    private sealed class Request(int count)
    {
        private readonly float[][] vectors = new float[count][];
        private int missing = count;

        public TaskCompletionSource<float[][]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Deliver(int index, float[] vector)
        {
            vectors[index] = vector;
            if (Interlocked.Decrement(ref missing) == 0)
            {
                Completion.TrySetResult(vectors);
            }
        }
    }
}

/// <summary>Batches and sentences an <see cref="EncoderQueue"/> encoded, the time its threads spent in the encoder (wall
/// clock, summed over the threads), and the sentences its cache answered without encoding them.</summary>
public readonly record struct EncoderQueueStatistics(long Batches, long Sentences, TimeSpan Busy, long CacheHits = 0)
{
    public static EncoderQueueStatistics operator -(EncoderQueueStatistics after, EncoderQueueStatistics before) =>
        new(after.Batches - before.Batches, after.Sentences - before.Sentences, after.Busy - before.Busy,
            after.CacheHits - before.CacheHits);
}
