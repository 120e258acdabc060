using System.Diagnostics;
using ClaimTracker.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>2. Text ingest: BBC articles as text reports (extraction + embedding + linking + storage), against the raw encoder on the same
/// sentences.</summary>
internal static class TextIngestScenario
{
    /// <summary>Articles registered before the measured window (the ones after the measured ones in the file), to compile the server's
    /// code.</summary>
    private const int WarmUpArticles = 16;

    /// <summary>The encoder queue's threads, by name (<see cref="EncoderQueue"/>).</summary>
    private const string EncoderThreads = "encoder-";

    public static async Task RunAsync(BenchOptions options)
    {
        if (options.BbcPath is null || !File.Exists(options.BbcPath))
        {
            Console.WriteLine("== 2. text ingest: skipped (pass --bbc ../shared/data/bbc/bbc.txt)");
            return;
        }

        var lines = File.ReadLines(options.BbcPath).Where(l => l.Length > 0).Take(options.Articles + WarmUpArticles).ToList();
        var articles = lines.Take(options.Articles).ToList();
        var warmUp = lines.Count > articles.Count ? lines.Skip(articles.Count).ToList() : articles;
        var threads = new EncoderQueueOptions().ThreadCount;
        // By default as many reports in flight as a feeder's RegisterReports batch keeps (the CLI's directory ingest).
        var clients = options.TextClients > 0 ? options.TextClients : new Server.Hosting.IngestOptions().BatchConcurrency;
        Console.WriteLine($"== 2. text ingest: {articles.Count} BBC articles as text reports, {clients} concurrent clients; " +
            $"the server's encoder queue runs {threads} inference threads; linking by the {options.Scorer} scorer");

        // The statements as the server links them: the texts its encoder queue encodes.
        var stages = TextIngestStages.Extract(articles);
        var contents = stages.Requests.SelectMany(r => r.Select(s => s.Content)).ToList();

        // Baseline: the encoder alone, on as many threads as the server's queue, on the same texts, handed 32 at a time (the encoder
        // runs them in model batches of its word-piece budget, as it does for the server's queue): in article order, and cut from the
        // texts ordered by length (the encoder pads a batch to its longest text). The faster of the two is what the server is
        // measured against.
        MiniLmEncoder.Shared.Encode(contents.Take(32).ToList());
        var inOrder = RawEncoder.Run(contents, threads, byLength: false);
        var byLength = RawEncoder.Run(contents, threads, byLength: true);
        foreach (var (raw, how) in new[] { (inOrder, "in article order"), (byLength, "cut from the texts ordered by length") })
        {
            Console.WriteLine($"baseline raw MiniLM encoder (32 texts a call {how}, {threads} threads): "
                + $"{Measure.Rate(raw.Rate)} statements, {Measure.Rate(articles.Count / raw.Seconds)} articles, "
                + $"{raw.ThreadsCpuSeconds / contents.Count * 1e6:N0} µs CPU per sentence on its threads");
        }

        var best = byLength.Rate >= inOrder.Rate ? byLength : inOrder;
        var encoderRate = best.Rate;
        var encoderSeconds = best.Seconds;
        var encoderCpu = best.ProcessCpuSeconds;
        var rawThreadsCpu = best.ThreadsCpuSeconds;
        var vectors = inOrder.Vectors;
        var queueRate = await QueueAloneAsync(stages, clients);
        Console.WriteLine($"the same encoder behind an encoder queue as the server's (default options, each article's statements "
            + $"queued at once, {clients} articles in flight): {Measure.Rate(queueRate)} statements, ratio to the raw encoder "
            + $"{Measure.Ratio(queueRate / encoderRate)}");
        StanceCost(contents, vectors);
        var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < contents.Count; i++)
        {
            byText.TryAdd(contents[i], vectors[i]);
        }

        var linking = await stages.LinkAsync(byText, options.Scorer);

        // Its clients are one caller; the per-caller write limit would cap the warm-up and the copies (answered from the encoder's
        // cache), not the server.
        await using var server = await BenchServer.StartAsync($"--Matching:Scorer={options.Scorer}", "--Limits:WritesPerSecond=0");
        async Task RegisterAsync(IEnumerable<(string Text, string Id)> reports, Action<int> registered) =>
            await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (report, ct) =>
            {
                var response = await server.Client.RegisterReportAsync(
                    new V1.RegisterReportRequest { ReportId = report.Id, Source = "BBC", Text = report.Text },
                    cancellationToken: ct);
                registered(response.Outcomes.Count);
            });

        // Unmeasured: the articles after the measured ones in the file, each time under a new id, until the server's code is compiled.
        // Through the rounds' own client code, so that the rounds do not compile it either.
        var (warmed, jitRate) = await Measure.WarmUpAsync(
            clients,
            TimeSpan.FromSeconds(options.WarmupSeconds),
            TimeSpan.FromSeconds(options.WarmupMaxSeconds),
            options.JitSettledRate,
            async (_, n) => await RegisterAsync([(warmUp[(int)(n % warmUp.Count)], $"bbc-warm-{n}")], _ => { }));
        Console.WriteLine($"warm-up: {warmed.TotalSeconds:0} s on {warmUp.Count} other articles, until the JIT compiled " +
            $"{jitRate:0} methods/s (--warmup, --warmup-max, --jit-settled)");
        // Rounds: a slice of the articles through the raw encoder (the baseline's way, the faster of the two above), then the same
        // slice through the server, so that each pair of runs is made seconds apart on a machine whose speed drifts over
        // minutes. The articles are registered in file order across the rounds, as in a single run.
        var rounds = options.AllocationStacks > 0 ? 1 : Math.Clamp(options.TextRounds, 1, articles.Count);
        var statements = 0;
        var queue = server.Services.GetRequiredService<EncoderQueue>();
        var queueBefore = queue.Statistics;
        var inferenceCpu = 0.0;
        ProcessCost.Spent? spent = null;
        var ratios = new List<double>();
        var roundBaselineSeconds = 0.0;
        List<string> firstSlice = [];
        RawEncoder firstRaw = best;
        using var stacks = options.AllocationStacks > 0 ? AllocationStacks.Start() : null;
        using var jit = options.JitMethods > 0 ? new JitSampler() : null;
        jit?.Start();
        for (var round = 0; round < rounds; round++)
        {
            var first = round * articles.Count / rounds;
            var slice = Enumerable.Range(first, ((round + 1) * articles.Count / rounds) - first).ToList();
            var sliceContents = slice.SelectMany(i => stages.Requests[i].Select(s => s.Content)).ToList();
            var raw = rounds == 1 ? best : RawEncoder.Run(sliceContents, threads, byLength: best == byLength);
            if (round == 0)
            {
                (firstSlice, firstRaw) = (slice.Select(i => articles[i]).ToList(), raw);
            }

            roundBaselineSeconds += raw.Seconds;
            var registered = 0;
            var roundInference = ThreadCpu.Seconds(EncoderThreads);
            var cost = ProcessCost.Start();
            await RegisterAsync(slice.Select(i => (articles[i], $"bbc-{i}")), n => Interlocked.Add(ref registered, n));
            var roundSpent = cost.Stop();
            roundInference = ThreadCpu.Seconds(EncoderThreads) - roundInference;
            inferenceCpu += roundInference;
            statements += registered;
            spent = spent is null ? roundSpent : spent + roundSpent;
            var serverRate = registered / roundSpent.Seconds;
            ratios.Add(serverRate / raw.Rate);
            if (rounds > 1)
            {
                Console.WriteLine($"round {round + 1} of {rounds}, articles {first + 1}–{first + slice.Count}: raw encoder "
                    + $"{Measure.Rate(raw.Rate)} statements ({raw.ThreadsCpuSeconds / sliceContents.Count * 1e6:N0} µs CPU per "
                    + $"sentence), server {Measure.Rate(serverRate)} ({roundInference / Math.Max(1, registered) * 1e6:N0} µs on its "
                    + $"encoder threads per statement): ratio {Measure.Ratio(ratios[^1])}");
            }
        }

        if (stacks is not null)
        {
            await stacks.PrintAsync(options.AllocationStacks, statements, "statement");
        }

        jit?.Print(options.JitMethods);

        var batches = queue.Statistics - queueBefore;
        var elapsed = spent!.Seconds;
        Console.WriteLine(
            $"ClaimTracker text ingest: {Measure.Rate(articles.Count / elapsed)} articles, "
            + $"{Measure.Rate(statements / elapsed)} statements; {spent.PerUnit(statements, "statement")}");
        // Each slice's ratio also moves with its sentences (longer ones leave the encoder a larger share of the server's CPU), so
        // the rounds are pooled: the raw encoder's time over the server's, on the same sentences.
        Console.WriteLine(rounds == 1
            ? $"ratio articles/s ÷ encoder-bound articles/s = {Measure.Ratio(encoderSeconds / elapsed)}, " +
                $"statements/s ÷ encoder statements/s = {Measure.Ratio(statements / elapsed / encoderRate)} (target ≥ 0.80)"
            : $"ratio statements/s ÷ encoder statements/s, the {rounds} rounds together = "
                + $"{Measure.Ratio(roundBaselineSeconds / elapsed)} (target ≥ 0.80); rounds "
                + $"{string.Join(" / ", ratios.Select(Measure.Ratio))}; against the whole-set baseline measured before the server "
                + $"started {Measure.Ratio(statements / elapsed / encoderRate)}");
        var meanBatch = batches.Sentences / (double)Math.Max(1, batches.Batches);
        var busy = batches.Busy.TotalSeconds / (queue.Threads * elapsed);
        Console.WriteLine($"server's encoder queue in the window: {batches.Batches:N0} batches of {meanBatch:0.0} sentences on "
            + $"average; its {queue.Threads} threads inside the encoder {busy:P0} of the window, "
            + $"{inferenceCpu / Math.Max(1, batches.Sentences) * 1e6:N0} µs CPU per sentence (the baseline's encoder threads "
            + $"{rawThreadsCpu / contents.Count * 1e6:N0} µs; its process {encoderCpu / contents.Count * 1e6:N0} µs); "
            + $"{batches.CacheHits:N0} sentences answered from its cache");
        PrintStages(stages, linking, encoderCpu, spent, statements);
        await SyndicatedCopiesAsync(firstSlice, firstRaw, RegisterAsync, queue);
        await StoreFootprint.PrintAsync(server);
    }

    /// <summary>
    /// The first round's articles again, as copies under new report ids: what a wire story run by
    /// several outlets costs once its sentences are known, against the raw encoder's rate on those sentences in that round.
    /// </summary>
    private static async Task SyndicatedCopiesAsync(
        List<string> slice,
        RawEncoder raw,
        Func<IEnumerable<(string Text, string Id)>, Action<int>, Task> registerAsync,
        EncoderQueue queue)
    {
        var before = queue.Statistics;
        var registered = 0;
        var clock = Stopwatch.StartNew();
        await registerAsync(slice.Select((text, i) => (text, $"bbc-copy-{i}")), n => Interlocked.Add(ref registered, n));
        var rate = registered / clock.Elapsed.TotalSeconds;
        var done = queue.Statistics - before;
        Console.WriteLine($"syndicated copies (the first round's {slice.Count} articles again under new report ids): "
            + $"{Measure.Rate(rate)} statements, {Measure.Ratio(rate / raw.Rate)} × the raw encoder's rate on them; "
            + $"{done.CacheHits:N0} of {done.CacheHits + done.Sentences:N0} sentences from the encoder's cache");
    }

    /// <summary>
    /// The raw encoder behind an encoder queue of its own with the server's options, fed as the server feeds it (one request per
    /// article, <paramref name="clients"/> at once): the batching the server's encoding gets, without the rest of the server.
    /// </summary>
    /// <returns>Statements per second.</returns>
    private static async Task<double> QueueAloneAsync(TextIngestStages stages, int clients)
    {
        using var queue = new EncoderQueue(MiniLmEncoder.Shared, new EncoderQueueOptions());
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            stages.Requests,
            new ParallelOptions { MaxDegreeOfParallelism = clients },
            async (report, ct) => await queue.EncodeAsync(report.Select(s => s.Content).ToList(), ct));
        return stages.Statements / clock.Elapsed.TotalSeconds;
    }

    /// <summary>CPU per statement by stage: the one-thread replay's figures against the server run's process CPU.</summary>
    private static void PrintStages(
        TextIngestStages stages, TextIngestStages.LinkingCost linking, double encoderCpuSeconds, ProcessCost.Spent server, int served)
    {
        var n = (double)stages.Statements;
        double Us(double seconds) => seconds / n * 1e6;
        var extraction = Us(stages.ExtractionSeconds);
        var filter = Us(stages.ExtractionSeconds - stages.RulesOnlyExtractionSeconds);
        var encoding = Us(encoderCpuSeconds);
        var stance = Us(linking.StanceSeconds);
        var link = Us(linking.Seconds) - stance;
        var total = server.CpuSeconds / served * 1e6;
        var perJoin = linking.Joined == 0 ? 0 : linking.StanceSeconds / linking.Joined * 1e6;
        var rulesPerJoin = linking.Joined == 0 ? 0 : linking.StanceRulesSeconds / linking.Joined * 1e6;
        Console.WriteLine($"CPU per statement by stage ({stages.Statements} statements; one-thread replay outside the server, " +
            "encoder from the baseline):");
        Console.WriteLine($"  extraction {extraction:N0} µs (of which the attribution filter model {filter:N0} µs)");
        Console.WriteLine($"  encoding {encoding:N0} µs (the baseline's CPU time ÷ statements)");
        Console.WriteLine($"  linking: retrieval, decision, index upkeep {link:N0} µs (the least of 3 replays; on the replay's thread "
            + $"alone, without the GC's, {Us(linking.ThreadSeconds) - stance:N0} µs)");
        Console.WriteLine($"  stance {stance:N0} µs ({linking.Joined} statements joined a claim: model {perJoin:N0} µs each, " +
            $"rules alone {rulesPerJoin:N0} µs); decisions of the replay: digest {linking.Digest}");
        var rest = total - extraction - encoding - link - stance;
        Console.WriteLine($"  server run, process CPU {total:N0} µs per statement; the rest (grains, storage, gRPC both ends, queue, "
            + $"GC) {rest:N0} µs");
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
        for (var i = 0; i < Math.Min(50, hints.Count); i++)
        {
            StanceClassifier.Classify(contents[i], contents[i + 1], hints[i]);
            StanceClassifier.ClassifyByRules(contents[i], contents[i + 1], hints[i]);
        }

        var start = TextIngestStages.CpuSeconds();
        for (var i = 0; i < hints.Count; i++)
        {
            StanceClassifier.ClassifyByRules(contents[i], contents[i + 1], hints[i]);
        }

        var rules = (TextIngestStages.CpuSeconds() - start) * 1e6 / hints.Count;
        start = TextIngestStages.CpuSeconds();
        for (var i = 0; i < hints.Count; i++)
        {
            StanceClassifier.Classify(contents[i], contents[i + 1], hints[i]);
        }

        var model = (TextIngestStages.CpuSeconds() - start) * 1e6 / hints.Count;
        Console.WriteLine($"stance per statement, 1 thread, CPU: model (features + rules + trees) {model:0} µs, rules alone {rules:0} µs "
            +
            $"(model shipped: {(StanceModel.Shared is null ? "no" : "yes")})");
    }
}

/// <summary>The encoder alone on the benchmark's threads, each taking the next 32 texts until none is left.</summary>
internal sealed record RawEncoder(double Rate, double Seconds, double ThreadsCpuSeconds, double ProcessCpuSeconds, List<float[]> Vectors)
{
    public static RawEncoder Run(List<string> texts, int threads, bool byLength)
    {
        var order = Enumerable.Range(0, texts.Count).ToArray();
        if (byLength)
        {
            order = [.. order.OrderBy(i => texts[i].Length)];
        }

        var chunks = order.Chunk(32).ToArray();
        var encoded = new float[texts.Count][];
        var processCpu = TextIngestStages.CpuSeconds();
        var clock = Stopwatch.StartNew();
        // Threads of their own, as the queue's, so that their CPU is the encoder's alone (the process's also holds the GC's).
        var next = -1;
        var threadsCpu = 0.0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < chunks.Length; i = Interlocked.Increment(ref next))
            {
                var vectors = MiniLmEncoder.Shared.Encode(chunks[i].Select(index => texts[index]).ToList());
                for (var j = 0; j < chunks[i].Length; j++)
                {
                    encoded[chunks[i][j]] = vectors[j];
                }
            }

            var cpu = ThreadCpu.CurrentThreadSeconds();
            lock (encoded)
            {
                threadsCpu += cpu;
            }
        }) { Name = $"raw-encoder-{t}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        return new RawEncoder(texts.Count / seconds, seconds, threadsCpu, TextIngestStages.CpuSeconds() - processCpu, [.. encoded]);
    }
}
