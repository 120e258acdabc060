using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClaimTracker.Matching;

/// <summary>
/// One queue of sentences for a whole process, in front of an encoder: concurrent callers (the reports being
/// linked at the same time) add their sentences, and one inference thread per core takes them in batches of up to
/// <see cref="EncoderQueueOptions.MaxBatch"/>, from whichever callers they came, waiting at most
/// <see cref="EncoderQueueOptions.MaxWaitMilliseconds"/> for a batch to fill. Each caller gets its vectors, in order,
/// once all its sentences are encoded. The cores stay busy with inference however the reports arrive, and never
/// more threads infer than there are cores.
/// </summary>
public sealed class EncoderQueue : ISentenceEncoder, IDisposable
{
    private readonly ISentenceEncoder inner;
    private readonly int maxBatch;
    private readonly TimeSpan maxWait;
    private readonly BlockingCollection<Sentence> sentences = new();
    private readonly Thread[] threads;
    private long batches;
    private long encoded;
    private long busyTicks;

    public EncoderQueue(ISentenceEncoder inner, EncoderQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxWaitMilliseconds);
        this.inner = inner;
        maxBatch = options.MaxBatch;
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
        TimeSpan.FromTicks(Interlocked.Read(ref busyTicks)));

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
        var batch = new List<Sentence>(maxBatch);
        var texts = new List<string>(maxBatch);
        while (sentences.TryTake(out var first, Timeout.Infinite))
        {
            batch.Add(first);
            var waited = Stopwatch.StartNew();
            while (batch.Count < maxBatch)
            {
                var left = maxWait - waited.Elapsed;
                if (!sentences.TryTake(out var next, left > TimeSpan.Zero ? left : TimeSpan.Zero))
                {
                    break;
                }

                batch.Add(next);
            }

            Encode(batch, texts);
            batch.Clear();
            texts.Clear();
        }
    }

    private void Encode(List<Sentence> batch, List<string> texts)
    {
        foreach (var sentence in batch)
        {
            texts.Add(sentence.Text);
        }

        float[][] vectors;
        var started = Stopwatch.GetTimestamp();
        try
        {
            vectors = inner.Encode(texts);
        }
        catch (Exception failure)
        {
            foreach (var sentence in batch)
            {
                sentence.Request.Completion.TrySetException(failure);
            }

            return;
        }
        finally
        {
            Interlocked.Add(ref busyTicks, Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref encoded, batch.Count);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Request.Deliver(batch[i].Index, vectors[i]);
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

/// <summary>Batches and sentences an <see cref="EncoderQueue"/> encoded, and the time its threads spent in the encoder (wall
/// clock, summed over the threads).</summary>
public readonly record struct EncoderQueueStatistics(long Batches, long Sentences, TimeSpan Busy)
{
    public static EncoderQueueStatistics operator -(EncoderQueueStatistics after, EncoderQueueStatistics before) =>
        new(after.Batches - before.Batches, after.Sentences - before.Sentences, after.Busy - before.Busy);
}
