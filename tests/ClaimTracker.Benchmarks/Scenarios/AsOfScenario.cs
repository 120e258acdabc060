using System.Diagnostics;
using ClaimTracker.Grains;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// GetClaim as_of over gRPC on claims with long journals: the claim replayed from its journal up to a random
/// time (uniform over the claim's life), and at its latest version (the whole journal replayed).
/// </summary>
internal static class AsOfScenario
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"== as_of: GetClaim as_of / version over gRPC, {options.Appends} calls each, on claims with "
            + $"{string.Join(", ", options.Sizes)} statements (embedded store)");
        await using var server = await BenchServer.StartAsync("--Matching:Mode=Exact");
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var random = new Random(7);
        foreach (var size in options.Sizes)
        {
            var claimId = $"c-as-of-{size}";
            var claim = grains.GetGrain<IClaimGrain>(claimId);
            var times = new DateTimeOffset[size];
            for (var i = 0; i < size; i++)
            {
                var statement = BenchStatements.Make(claimId, i, 7);
                times[i] = statement.RecordedAt;
                await claim.AddStatement(statement);
            }

            async Task<List<double>> TimeAsync(Func<V1.GetClaimRequest> request)
            {
                for (var i = 0; i < 20; i++)
                {
                    await server.Client.GetClaimAsync(request());
                }

                var timings = new List<double>(options.Appends);
                for (var i = 0; i < options.Appends; i++)
                {
                    var next = request();
                    var start = Stopwatch.GetTimestamp();
                    await server.Client.GetClaimAsync(next);
                    timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                timings.Sort();
                return timings;
            }

            var asOf = await TimeAsync(() => new V1.GetClaimRequest
            {
                ClaimId = claimId,
                StatementPageSize = 20,
                AsOf = Timestamp.FromDateTimeOffset(times[random.Next(size)]),
            });
            var latest = await TimeAsync(() => new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 20, Version = size });
            var now = await TimeAsync(() => new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 20 });
            Console.WriteLine($"{size,7} statements: as_of random p50 {P(asOf, 50)}, p99 {P(asOf, 99)}; version {size} (all) "
                + $"p50 {P(latest, 50)}, p99 {P(latest, 99)}; current (no as_of) p50 {P(now, 50)}, p99 {P(now, 99)}");
        }
    }

    private static string P(List<double> sorted, double p) => Measure.Ms(Measure.Percentile(sorted, p));
}
