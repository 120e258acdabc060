using System.Diagnostics;
using ClaimTracker.Grains;
using ClaimTracker.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>5. Memory: resident and managed heap per active claim with 3 statements, plus its index entry (embedding).</summary>
internal static class MemoryScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        var claims = options.Claims;
        Console.WriteLine($"== 5. memory: {claims:N0} active claims with 3 statements each");
        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IClaimGrain>("c-warm").AddStatement(BenchStatements.Make("c-warm", 0, 3));
        var (heapBefore, rssBefore) = Snapshot();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, claims), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) =>
        {
            var claimId = $"c-memory-{c}";
            var grain = grains.GetGrain<IClaimGrain>(claimId);
            for (var s = 0; s < 3; s++)
            {
                await grain.AddStatement(BenchStatements.Make(claimId, s, 3));
            }
        });
        var (heapAfter, rssAfter) = Snapshot();
        Console.WriteLine($"activated in {clock.Elapsed.TotalSeconds:0.0} s ({Measure.Rate(claims * 3 / clock.Elapsed.TotalSeconds)} durable appends)");
        var grainHeap = (heapAfter - heapBefore) / (double)claims;
        var grainRss = (rssAfter - rssBefore) / (double)claims;

        // The matching index replica holds each claim's text, embedding and postings; measured on its own.
        var (indexHeapBefore, _) = Snapshot();
        using var index = new ClaimIndex();
        var random = new Random(1);
        for (var c = 0; c < claims; c++)
        {
            var embedding = new float[384];
            for (var d = 0; d < embedding.Length; d++)
            {
                embedding[d] = (float)(random.NextDouble() - 0.5);
            }

            index.Add(new ClaimEntry($"c-memory-{c}", $"Claim number {c} about the harbour is true", VectorMath.Normalized(embedding), [], []));
        }

        var (indexHeapAfter, _) = Snapshot();
        var indexHeap = (indexHeapAfter - indexHeapBefore) / (double)claims;
        Console.WriteLine($"per claim: grain managed heap {grainHeap:N0} B, resident {grainRss:N0} B; index entry (384-d embedding + postings) {indexHeap:N0} B");
        Console.WriteLine($"total managed per claim {grainHeap + indexHeap:N0} B (target ≤ 4,096 B); ratio {Measure.Ratio((grainHeap + indexHeap) / 4096)}");
        GC.KeepAlive(index);
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
