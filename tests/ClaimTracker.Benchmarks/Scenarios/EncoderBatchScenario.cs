using System.Diagnostics;
using ClaimTracker.Matching;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 2b. The encoder's batches: the statements <c>text</c> extracts from the BBC articles, ordered by length and handed to the
/// encoder 32 at a time on one thread per core, as batches of 32 (the baseline) and under each word-piece budget of
/// <see cref="MiniLmEncoder"/>; the rounds alternate, so that each budget is measured beside the baseline.
/// </summary>
internal static class EncoderBatchScenario
{
    private static readonly int[] Budgets = [96, 128, MiniLmEncoder.DefaultBatchWordPieces, 256, 384];

    public static Task RunAsync(BenchOptions options)
    {
        if (options.BbcPath is null || !File.Exists(options.BbcPath))
        {
            Console.WriteLine("== 2b. encoder batches: skipped (pass --bbc ../shared/data/bbc/bbc.txt)");
            return Task.CompletedTask;
        }

        var articles = File.ReadLines(options.BbcPath).Where(l => l.Length > 0).Take(options.Articles).ToList();
        var texts = TextIngestStages.Extract(articles).Requests.SelectMany(r => r.Select(s => s.Content)).OrderBy(t => t.Length).ToList();
        var threads = Environment.ProcessorCount;
        Console.WriteLine($"== 2b. encoder batches: {texts.Count:N0} statements of {articles.Count} BBC articles, ordered by length, "
            + $"32 per call on {threads} threads, {options.Repeats} rounds");
        using var whole = new MiniLmEncoder(maxBatch: 32, batchWordPieces: int.MaxValue);
        var budgeted = Budgets.Select(b => (Budget: b, Encoder: new MiniLmEncoder(maxBatch: 32, batchWordPieces: b))).ToList();
        try
        {
            foreach (var encoder in budgeted.Select(b => b.Encoder).Prepend(whole))
            {
                encoder.Encode(texts.Take(64).ToList());
            }

            for (var round = 1; round <= options.Repeats; round++)
            {
                var baseline = Run(whole, texts, threads);
                Console.WriteLine($"round {round}: batches of 32 (baseline): {baseline.CpuPerText:N0} µs CPU per statement, "
                    + $"{Measure.Rate(baseline.Rate)} statements");
                foreach (var (budget, encoder) in budgeted)
                {
                    var run = Run(encoder, texts, threads);
                    Console.WriteLine($"  at most {budget} word pieces per batch: {run.CpuPerText:N0} µs, {Measure.Rate(run.Rate)} "
                        + $"statements; ratio to the baseline {Measure.Ratio(run.Rate / baseline.Rate)}");
                }
            }
        }
        finally
        {
            budgeted.ForEach(b => b.Encoder.Dispose());
        }

        return Task.CompletedTask;
    }

    private static (double CpuPerText, double Rate) Run(MiniLmEncoder encoder, List<string> texts, int threads)
    {
        var chunks = texts.Chunk(32).ToArray();
        var next = -1;
        var cpu = TextIngestStages.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < chunks.Length; i = Interlocked.Increment(ref next))
            {
                encoder.Encode(chunks[i]);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return ((TextIngestStages.CpuSeconds() - cpu) / texts.Count * 1e6, texts.Count / clock.Elapsed.TotalSeconds);
    }
}
