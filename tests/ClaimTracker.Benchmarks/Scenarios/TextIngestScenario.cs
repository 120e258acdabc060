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
        Console.WriteLine($"== 2. text ingest: {articles.Count} BBC articles as text reports, 4 concurrent clients");

        // Baseline: the encoder alone on the statements extraction finds in the same articles.
        var extractor = new ArticleExtractor();
        var contents = articles.SelectMany(a => extractor.Extract(new ArticleInput(a, "BBC")).Statements.Select(s => s.Content)).ToList();
        var encoder = MiniLmEncoder.Shared;
        encoder.Encode(contents.Take(32).ToList());
        var clock = Stopwatch.StartNew();
        foreach (var chunk in contents.Chunk(32))
        {
            encoder.Encode(chunk);
        }

        var encoderRate = contents.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"baseline raw MiniLM encoder (batches of 32, 1 thread): {Measure.Rate(encoderRate)} statements");

        await using var server = await BenchServer.StartAsync();
        var statements = 0;
        clock.Restart();
        await Parallel.ForEachAsync(articles.Select((text, i) => (text, i)), new ParallelOptions {
            MaxDegreeOfParallelism = 4 }, async (article, ct) =>
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
        Console.WriteLine(
            $"ratio statements/s ÷ encoder-bound statements/s = {Measure.Ratio(statements / elapsed / encoderRate)} (target ≥ 0.80)");
    }
}
