using System.Diagnostics;
using ClaimTracker.Matching;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>
/// <c>bench-match</c>: CPU milliseconds per statement matched against N stored claims, including the
/// statement's embedding. Stored claims are synthetic (Zipf-distributed words, random unit vectors:
/// encoding 100k real claims would measure the encoder, not matching); probes are real sentences
/// encoded by the real MiniLM encoder, one at a time, on one thread.
/// </summary>
internal static class BenchMatch
{
    public static int Run(Arguments args)
    {
        var claims = args.Int("claims", 100_000);
        var probes = args.Int("probes", 200);
        var shards = args.Int("shards", ClaimIndex.DefaultShards);
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        var realWords = ("russia ukraine shells day forces army kremlin putin military cooperation production million denied minister "
            + "report war strike city attack").Split(' ');

        using var index = new ClaimIndex(shards);
        var sw = Stopwatch.StartNew();
        Parallel.For(0, claims, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var r = new Random(i);
            var words = Enumerable.Range(0, 12)
                .Select(_ => r.NextDouble() < 0.2 ? realWords[r.Next(realWords.Length)] : vocabulary[Zipf(r, vocabulary.Length)]);
            var vector = new float[384];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)((r.NextDouble() * 2) - 1);
            }

            index.Add(new ClaimEntry("claim-" + i, string.Join(' ', words), VectorMath.Normalized(vector), [], []));
        });
        Console.WriteLine($"stored {index.Count} synthetic claims in {index.Count / 1000.0:0}k / {shards} shards in " +
            $"{sw.Elapsed.TotalSeconds:0.0} s (2 threads)");

        var encoder = MiniLmEncoder.Shared;
        var matcher = new ClaimMatcher(args.Flag("rules") ? MatcherOptions.Default : MatcherOptions.Learned);
        string[] sentences =
        [
            "Ukraine's general staff now estimates about 20,000 shells per day are fired by Russian forces",
            "The Kremlin denied that military cooperation was discussed during the visit",
            "Russia will produce 2.5 million artillery shells this year, an independent report says",
            "Moscow forces are firing up to 60,000 shots per day, according to Ukrainian data",
        ];
        // Warm-up: the first ONNX run allocates and the JIT tiers up the scan loop.
        for (var i = 0; i < 20; i++)
        {
            var warm = new StatementProbe(sentences[i % sentences.Length], encoder.Encode([sentences[i % sentences.Length]])[0], [], []);
            matcher.Decide(warm, index.Search(warm, 10));
        }

        var process = Process.GetCurrentProcess();
        TimeSpan encodeCpu = TimeSpan.Zero, searchCpu = TimeSpan.Zero, decideCpu = TimeSpan.Zero;
        for (var i = 0; i < probes; i++)
        {
            var text = sentences[i % sentences.Length] + " " + (i / sentences.Length);
            process.Refresh();
            var t0 = process.TotalProcessorTime;
            var vector = encoder.Encode([text])[0];
            process.Refresh();
            var t1 = process.TotalProcessorTime;
            var probe = new StatementProbe(text, vector, [], QuantityReader.Read(text));
            var candidates = index.Search(probe, 10);
            process.Refresh();
            var t2 = process.TotalProcessorTime;
            var decision = matcher.Decide(probe, candidates);
            process.Refresh();
            var t3 = process.TotalProcessorTime;
            encodeCpu += t1 - t0;
            searchCpu += t2 - t1;
            decideCpu += t3 - t2;
            GC.KeepAlive(decision);
        }

        var encodeMs = encodeCpu.TotalMilliseconds / probes;
        var searchMs = searchCpu.TotalMilliseconds / probes;
        var decideMs = decideCpu.TotalMilliseconds / probes;
        var scorer = matcher.Options.Scorer is null ? "rule score" : "learned same-claim scorer";
        Console.WriteLine($"per statement, {probes} probes, one thread: embedding {encodeMs:0.00} ms CPU "
            + $"+ retrieval {searchMs:0.00} ms CPU + decision ({scorer}) "
            + $"{decideMs:0.00} ms CPU = {encodeMs + searchMs + decideMs:0.00} ms CPU at {index.Count} claims");
        return 0;
    }

    private static int Zipf(Random random, int n)
    {
        // Inverse-CDF sample of a Zipf(s≈1) rank: exp(U · ln n) - 1.
        var rank = (int)Math.Exp(random.NextDouble() * Math.Log(n)) - 1;
        return Math.Clamp(rank, 0, n - 1);
    }
}
