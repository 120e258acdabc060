using System.Diagnostics;
using System.Globalization;
using ClaimTracker.Extraction;

namespace ClaimTracker.Evaluation;

/// <summary>Runs every BBC article (one per line) through the extractor: throughput and counts, no exception allowed.</summary>
internal static class BbcCommand
{
    public static int Run(string path, int repeat, TextWriter output)
    {
        var articles = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var extractor = new ArticleExtractor();

        // Warm up the JIT on a few articles so the timing measures the steady state.
        foreach (var article in articles.Take(20))
        {
            extractor.Extract(new ArticleInput(article, "BBC"));
        }

        long statements = 0, attributed = 0, own = 0, quotes = 0, quantities = 0, actors = 0, failures = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < Math.Max(1, repeat); r++)
        {
            foreach (var article in articles)
            {
                try
                {
                    var result = extractor.Extract(new ArticleInput(article, "BBC"));
                    if (r > 0)
                    {
                        continue;
                    }

                    actors += result.Actors.Count;
                    foreach (var s in result.Statements)
                    {
                        statements++;
                        attributed += s.Kind == StatementKind.Attributed ? 1 : 0;
                        own += s.Kind == StatementKind.OwnReporting ? 1 : 0;
                        quotes += s.Quote is null ? 0 : 1;
                        quantities += s.Quantities.Count;
                    }
                }
                catch (Exception e)
                {
                    failures++;
                    output.WriteLine($"exception: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var total = articles.Length * (long)Math.Max(1, repeat);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"articles: {articles.Length} (x{Math.Max(1, repeat)})");
        output.WriteLine(string.Format(inv, "elapsed: {0:F2} s wall, {1:F2} s CPU", clock.Elapsed.TotalSeconds, cpuUsed.TotalSeconds));
        output.WriteLine(string.Format(
            inv,
            "throughput: {0:F0} articles/s (wall, one thread), {1:F0} articles/s per CPU-second",
            total / clock.Elapsed.TotalSeconds,
            total / cpuUsed.TotalSeconds));
        output.WriteLine($"statements: {statements} (attributed {attributed}, own reporting {own}, direct quotes {quotes})");
        output.WriteLine(string.Format(
            inv,
            "per article: {0:F2} attributed statements, {1:F2} actors, {2:F2} quantities",
            attributed / (double)articles.Length,
            actors / (double)articles.Length,
            quantities / (double)articles.Length));
        output.WriteLine($"exceptions: {failures}");
        return failures == 0 ? 0 : 1;
    }
}
