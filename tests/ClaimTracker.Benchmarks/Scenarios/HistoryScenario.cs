using System.Diagnostics;
using ClaimTracker.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>3. History independence: the cost of one more statement on claims with 10, 1,000 and 10,000 before it.</summary>
internal static class HistoryScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        var sizes = string.Join(", ", options.Sizes);
        Console.WriteLine(
            $"== 3. history independence: {options.Appends} appends to claims with {sizes} prior statements "
            + "(grain call + durable journal append)");
        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var means = new List<double>();
        foreach (var size in options.Sizes)
        {
            var claimId = $"c-history-{size}";
            var claim = grains.GetGrain<IClaimGrain>(claimId);
            for (var i = 0; i < size; i++)
            {
                await claim.AddStatement(BenchStatements.Make(claimId, i, 7));
            }

            var timings = new List<double>(options.Appends);
            for (var i = 0; i < options.Appends; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await claim.AddStatement(BenchStatements.Make(claimId, size + i, 7));
                timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            timings.Sort();
            var mean = timings.Average();
            means.Add(mean);
            Console.WriteLine($"{size,7} prior: mean {Measure.Ms(mean)}, p50 {Measure.Ms(Measure.Percentile(timings, 50))}, p99 " +
                $"{Measure.Ms(Measure.Percentile(timings, 99))}");
        }

        Console.WriteLine(
            $"ratio mean({options.Sizes[^1]}) ÷ mean({options.Sizes[0]}) = {Measure.Ratio(means[^1] / means[0])} (target ≤ 1.2)");
    }
}
