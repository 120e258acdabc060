using System.Diagnostics;
using ClaimTracker.Grains;
using ClaimTracker.Grains.Claims;
using ClaimTracker.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 5. Memory: managed heap per active claim with 3 statements, plus its index entry (embedding), with a
/// breakdown measured by variants: bare activations (no statements), the claim state alone (outside
/// Orleans), and the index with 1-dimensional embeddings (everything but the embedding).
/// </summary>
internal static class MemoryScenario
{
    private const int Statements = 3;

    public static async Task RunAsync(BenchOptions options)
    {
        var claims = options.Claims;
        Console.WriteLine($"== 5. memory: {claims:N0} active claims with {Statements} statements each");
        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IClaimGrain>("c-warm").AddStatement(BenchStatements.Make("c-warm", 0, Statements));
        await grains.GetGrain<IClaimGrain>("c-warm-bare").Exists();

        // Claims that do not exist, activated by one call: Orleans' activation and an empty state.
        var (bare, _) = await PerClaimAsync(claims, c => grains.GetGrain<IClaimGrain>($"c-bare-{c}").Exists());

        var clock = Stopwatch.StartNew();
        var (grain, resident) = await PerClaimAsync(claims, async c =>
        {
            var claimId = $"c-memory-{c}";
            var claim = grains.GetGrain<IClaimGrain>(claimId);
            for (var s = 0; s < Statements; s++)
            {
                await claim.AddStatement(BenchStatements.Make(claimId, s, Statements));
            }
        });
        Console.WriteLine($"activated in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"({Measure.Rate(claims * Statements / clock.Elapsed.TotalSeconds)} durable appends)");

        // The same claims' state alone, built outside Orleans from the same statements.
        var states = new ClaimState[claims];
        var state = PerClaim(claims, () =>
        {
            for (var c = 0; c < claims; c++)
            {
                states[c] = new ClaimState();
                for (var s = 0; s < Statements; s++)
                {
                    states[c].Apply(new StatementRecorded(BenchStatements.Make($"c-state-{c}", s, Statements)));
                }
            }
        });
        GC.KeepAlive(states);

        // The matching index replica holds each claim's text, embedding and postings; measured on its own.
        var index = IndexPerClaim(claims, dimensions: 384);
        var indexWithoutEmbedding = IndexPerClaim(claims, dimensions: 1);

        // A statement worded differently from its claim's earlier phrasings is indexed too (up to
        // Matching:PhrasingsPerClaim): the worst case for 3 statements is 3 phrasings.
        var indexAllPhrasings = IndexPerClaim(claims, dimensions: 384, phrasings: Statements);

        Console.WriteLine("per claim (managed heap):");
        Console.WriteLine($"  grain activation of an empty claim (Orleans)                    {bare,7:N0} B");
        Console.WriteLine($"  its state with 3 statements (grain minus bare activation)       {grain - bare,7:N0} B");
        Console.WriteLine($"    cross-check: the state built alone, outside Orleans           {state,7:N0} B");
        Console.WriteLine($"  index: embedding (384 int8 codes + scale)                       {index - indexWithoutEmbedding,7:N0} B");
        Console.WriteLine($"  index: id, text, postings                                       {indexWithoutEmbedding,7:N0} B");
        Console.WriteLine($"per claim: grain managed heap {grain:N0} B, resident {resident:N0} B; index entry {index:N0} B");
        Console.WriteLine(
            $"total managed per claim {grain + index:N0} B (target ≤ 4,096 B); ratio {Measure.Ratio((grain + index) / 4096)}");
        Console.WriteLine($"if each of the {Statements} statements is worded differently (each one a phrasing in the index): index " +
            $"{indexAllPhrasings:N0} B, total {grain + indexAllPhrasings:N0} B; ratio {Measure.Ratio((grain + indexAllPhrasings) / 4096)}");
    }

    /// <summary>Heap and resident growth per claim while <paramref name="activate"/> runs for every claim.</summary>
    private static async Task<(double Heap, double Resident)> PerClaimAsync(int claims, Func<int, Task> activate)
    {
        var (heapBefore, rssBefore) = Snapshot();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, claims),
            new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (c, _) => await activate(c));
        var (heapAfter, rssAfter) = Snapshot();
        return ((heapAfter - heapBefore) / (double)claims, (rssAfter - rssBefore) / (double)claims);
    }

    private static double PerClaim(int claims, Action build)
    {
        var (before, _) = Snapshot();
        build();
        var (after, _) = Snapshot();
        return (after - before) / (double)claims;
    }

    private static double IndexPerClaim(int claims, int dimensions, int phrasings = 1)
    {
        var index = new ClaimIndex(ClaimIndex.DefaultShards, dimensions, Bm25Parameters.Default);
        var random = new Random(1);
        var perClaim = PerClaim(claims, () =>
        {
            for (var c = 0; c < claims; c++)
            {
                for (var p = 0; p < phrasings; p++)
                {
                    var embedding = new float[dimensions];
                    for (var d = 0; d < embedding.Length; d++)
                    {
                        embedding[d] = (float)(random.NextDouble() - 0.5);
                    }

                    var text = p == 0
                        ? $"Claim number {c} about the harbour is true"
                        : $"Phrasing {p} of claim number {c} about the harbour";
                    index.Add(new ClaimEntry($"c-memory-{c}", text, VectorMath.Normalized(embedding), [], []));
                }
            }
        });
        index.Dispose();
        return perClaim;
    }

    private static (long Heap, long Resident) Snapshot()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
