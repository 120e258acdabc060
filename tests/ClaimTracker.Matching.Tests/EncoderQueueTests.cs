using System.Collections.Concurrent;
using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

/// <summary>The process-wide encoder queue in front of the real MiniLM encoder.</summary>
[Collection(EncoderCollection.Name)]
public sealed class EncoderQueueTests(EncoderFixture fixture)
{
    [Fact]
    public async Task Concurrent_callers_get_their_own_vectors_in_order_from_batches_that_mix_their_sentences()
    {
        var recording = new BatchRecordingEncoder(fixture.Encoder);
        using var queue = new EncoderQueue(recording, new EncoderQueueOptions { Threads = 2, MaxBatch = 16, MaxWaitMilliseconds = 50 });
        var callers = Enumerable.Range(0, 6)
            .Select(c => Enumerable.Range(0, 4).Select(s => $"Outlet {c} reports that the bridge {s} reopened in {2000 + c + s}").ToList())
            .ToList();

        var vectors = await Task.WhenAll(callers.Select(texts => queue.EncodeAsync(texts)));

        for (var c = 0; c < callers.Count; c++)
        {
            var direct = fixture.Encoder.Encode(callers[c]);
            Assert.Equal(callers[c].Count, vectors[c].Length);
            for (var s = 0; s < direct.Length; s++)
            {
                Assert.True(VectorMath.Dot(direct[s], vectors[c][s]) > 0.9999, $"caller {c}, sentence {s}");
            }
        }

        Assert.Equal(24, recording.Batches.Sum());
        Assert.True(recording.Batches.Max() > 4, $"batches of {string.Join(", ", recording.Batches)}: no batch mixed callers");
        Assert.All(recording.Batches, size => Assert.InRange(size, 1, 16));
        Assert.Empty(await queue.EncodeAsync([]));
        Assert.Equal(2, queue.Threads);
    }

    [Fact]
    public async Task A_failing_encoder_fails_the_callers_of_that_batch_and_the_queue_keeps_serving()
    {
        using var queue = new EncoderQueue(new FailingOnceEncoder(fixture.Encoder), new EncoderQueueOptions { Threads = 1 });

        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.EncodeAsync(["first"]));
        Assert.Single(await queue.EncodeAsync(["second"]));
    }

    [Fact]
    public async Task Statistics_count_every_sentence_once_and_the_batches_they_went_in()
    {
        using var queue = new EncoderQueue(fixture.Encoder, new EncoderQueueOptions { Threads = 2, MaxBatch = 4 });
        var callers = Enumerable.Range(0, 5).Select(c => Enumerable.Range(0, 3).Select(s => $"Caller {c} says {s}").ToList());

        await Task.WhenAll(callers.Select(texts => queue.EncodeAsync(texts)));

        var statistics = queue.Statistics;
        Assert.Equal(15, statistics.Sentences);
        Assert.InRange(statistics.Batches, 4, 15);
        Assert.True(statistics.Busy > TimeSpan.Zero);
        Assert.Equal(default, queue.Statistics - statistics);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public async Task Sentences_that_wait_are_encoded_shortest_first_within_the_length_window(int window)
    {
        var gated = new GatedEncoder(fixture.Encoder);
        using var queue = new EncoderQueue(
            gated, new EncoderQueueOptions { Threads = 1, MaxBatch = 4, MaxWaitMilliseconds = 0, LengthWindow = window });
        var first = queue.EncodeAsync(["The first report holds the only thread."]);
        await gated.Entered.Task;
        // Twelve sentences arrive while the thread is busy, longest first.
        var waiting = Enumerable.Range(0, 12)
            .Select(i => "The minister said " + string.Concat(Enumerable.Repeat("again and ", 12 - i)) + "end.")
            .ToList();
        // EncodeAsync queues every sentence before it returns.
        var second = queue.EncodeAsync(waiting);
        gated.Release.SetResult();
        await first;
        var vectors = await second;

        var batches = gated.Batches.Skip(1).ToList();
        Assert.Equal(3, batches.Count);
        var ordered = batches.Zip(batches.Skip(1)).All(pair => pair.First.Max() <= pair.Second.Min());
        Assert.Equal(window > 1, ordered);
        var direct = fixture.Encoder.Encode(waiting);
        for (var i = 0; i < waiting.Count; i++)
        {
            Assert.True(VectorMath.Dot(direct[i], vectors[i]) > 0.9999, $"sentence {i}");
        }
    }

    [Fact]
    public async Task A_sentence_seen_again_is_answered_from_the_cache_without_the_encoder()
    {
        var recording = new BatchRecordingEncoder(fixture.Encoder);
        using var queue = new EncoderQueue(recording, new EncoderQueueOptions { Threads = 1 });
        string[] first = ["Moscow denied the report on Monday.", "The bridge reopened after three days."];
        string[] second = ["The bridge reopened after three days.", "Kyiv said 40 drones were shot down.", first[0]];

        await queue.EncodeAsync(first);
        var again = await queue.EncodeAsync(second);

        Assert.Equal(3, recording.Batches.Sum());
        Assert.Equal(2, queue.Statistics.CacheHits);
        Assert.Equal(3, queue.Statistics.Sentences);
        var direct = fixture.Encoder.Encode(second);
        for (var i = 0; i < second.Length; i++)
        {
            Assert.True(VectorMath.Dot(direct[i], again[i]) > 0.9999, second[i]);
        }
    }

    [Fact]
    public async Task Each_caller_gets_its_own_copy_of_a_cached_vector()
    {
        using var queue = new EncoderQueue(fixture.Encoder, new EncoderQueueOptions { Threads = 1 });
        var original = (await queue.EncodeAsync(["The minister resigned."]))[0];
        var expected = (float[])original.Clone();

        original[0] = 42f;
        var cached = (await queue.EncodeAsync(["The minister resigned."]))[0];
        cached[1] = 42f;

        Assert.Equal(expected, (await queue.EncodeAsync(["The minister resigned."]))[0]);
    }

    [Fact]
    public async Task With_the_cache_off_every_sentence_is_encoded()
    {
        var recording = new BatchRecordingEncoder(fixture.Encoder);
        using var queue = new EncoderQueue(recording, new EncoderQueueOptions { Threads = 1, CachedSentences = 0 });

        await queue.EncodeAsync(["The minister resigned."]);
        await queue.EncodeAsync(["The minister resigned."]);

        Assert.Equal(2, recording.Batches.Sum());
        Assert.Equal(0, queue.Statistics.CacheHits);
    }

    [Fact]
    public void The_cache_drops_the_sentences_used_least_recently()
    {
        var cache = new SentenceVectorCache(capacity: 4);
        cache.Add("a", [1f]);
        cache.Add("b", [2f]);
        Assert.True(cache.TryGet("a", out _)); // "a" is used again, so it outlives "b"
        cache.Add("c", [3f]);
        cache.Add("d", [4f]);

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal([1f], a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("d", out _));
    }

    [Fact]
    public void The_cache_keeps_no_text_longer_than_a_sentence_read_whole()
    {
        var cache = new SentenceVectorCache(capacity: 4);
        var longest = new string('a', SentenceVectorCache.LongestText);
        cache.Add(longest, [1f]);
        cache.Add(longest + "a", [2f]);

        Assert.True(cache.TryGet(longest, out _));
        Assert.False(cache.TryGet(longest + "a", out _));
    }

    private sealed class BatchRecordingEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        public ConcurrentQueue<int> Batches { get; } = new();

        public int Dimensions => inner.Dimensions;

        public float[][] Encode(IReadOnlyList<string> texts)
        {
            Batches.Enqueue(texts.Count);
            return inner.Encode(texts);
        }
    }

    /// <summary>Holds its first call until released, and records the text lengths of every batch.</summary>
    private sealed class GatedEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        private int calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<int[]> Batches { get; } = new();

        public int Dimensions => inner.Dimensions;

        public float[][] Encode(IReadOnlyList<string> texts)
        {
            Batches.Enqueue([.. texts.Select(t => t.Length)]);
            if (Interlocked.Increment(ref calls) == 1)
            {
                Entered.SetResult();
                Release.Task.Wait();
            }

            return inner.Encode(texts);
        }
    }

    private sealed class FailingOnceEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        private int calls;

        public int Dimensions => inner.Dimensions;

        public float[][] Encode(IReadOnlyList<string> texts) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("the model failed") : inner.Encode(texts);
    }
}
