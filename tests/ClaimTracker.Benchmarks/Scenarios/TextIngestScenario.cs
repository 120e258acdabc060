using System.Diagnostics;
using ClaimTracker.Extraction;
using ClaimTracker.Matching;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>2. Text ingest: BBC articles as text reports (extraction + embedding + linking + storage), against the raw encoder on the same
/// sentences.</summary>
internal static class TextIngestScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        if (options.BbcPath is null || !File.Exists(options.BbcPath))
        {
            Console.WriteLine("== 2. text ingest: skipped (pass --bbc ../shared/data/bbc/bbc.txt)");
            return;
        }

        var articles = File.ReadLines(options.BbcPath).Where(l => l.Length > 0).Take(options.Articles).ToList();
        var threads = new EncoderQueueOptions().ThreadCount;
        var clients = 4 * threads;
        Console.WriteLine($"== 2. text ingest: {articles.Count} BBC articles as text reports, {clients} concurrent clients; " +
            $"the server's encoder queue runs {threads} inference threads");

        // Baseline: the encoder alone, on as many threads as the server's queue, on the statements extraction finds in the
        // same articles, in batches of 32.
        var extractor = new ArticleExtractor();
        var contents = articles.SelectMany(a => extractor.Extract(new ArticleInput(a, "BBC")).Statements.Select(s => s.Content)).ToList();
        var encoder = MiniLmEncoder.Shared;
        encoder.Encode(contents.Take(32).ToList());
        var chunks = contents.Chunk(32).ToArray();
        var encoded = new float[chunks.Length][][];
        var clock = Stopwatch.StartNew();
        Parallel.For(
            0,
            chunks.Length,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => encoded[i] = encoder.Encode(chunks[i]));
        var encoderSeconds = clock.Elapsed.TotalSeconds;
        var encoderRate = contents.Count / encoderSeconds;
        var vectors = encoded.SelectMany(chunk => chunk).ToList();
        Console.WriteLine($"baseline raw MiniLM encoder (batches of 32, {threads} threads): {Measure.Rate(encoderRate)} statements, " +
            $"{Measure.Rate(articles.Count / encoderSeconds)} articles");
        StanceCost(contents, vectors);

        await using var server = await BenchServer.StartAsync();
        var statements = 0;
        clock.Restart();
        await Parallel.ForEachAsync(articles.Select((text, i) => (text, i)), new ParallelOptions {
            MaxDegreeOfParallelism = clients }, async (article, ct) =>
        {
            var response = await server.Client.RegisterReportAsync(
                new V1.RegisterReportRequest { ReportId = $"bbc-{article.i}", Source = "BBC", Text = article.text },
                cancellationToken: ct);
            Interlocked.Add(ref statements, response.Outcomes.Count);
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"ClaimTracker text ingest: {Measure.Rate(articles.Count / elapsed)} articles, "
            + $"{Measure.Rate(statements / elapsed)} statements");
        Console.WriteLine($"ratio articles/s ÷ encoder-bound articles/s = {Measure.Ratio(encoderSeconds / elapsed)}, " +
            $"statements/s ÷ encoder statements/s = {Measure.Ratio(statements / elapsed / encoderRate)} (target ≥ 0.80)");
    }

    /// <summary>Per-statement cost of the stance decision, model and rules, each statement against the next one as its claim.</summary>
    private static void StanceCost(List<string> contents, List<float[]> vectors)
    {
        if (contents.Count < 2)
        {
            return;
        }

        var hints = Enumerable.Range(0, contents.Count - 1)
            .Select(i => StanceHints.FromEmbeddings(contents[i], contents[i + 1], vectors[i], vectors[i + 1]))
            .ToList();
        StanceClassifier.Classify(contents[0], contents[1], hints[0]);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < hints.Count; i++)
        {
            StanceClassifier.ClassifyByRules(contents[i], contents[i + 1], hints[i]);
        }

        var rules = clock.Elapsed.TotalMicroseconds / hints.Count;
        clock.Restart();
        for (var i = 0; i < hints.Count; i++)
        {
            StanceClassifier.Classify(contents[i], contents[i + 1], hints[i]);
        }

        var model = clock.Elapsed.TotalMicroseconds / hints.Count;
        Console.WriteLine($"stance per statement, 1 thread: model (features + rules + trees) {model:0} µs, rules alone {rules:0} µs " +
            $"(model shipped: {(StanceModel.Shared is null ? "no" : "yes")})");
    }
}
