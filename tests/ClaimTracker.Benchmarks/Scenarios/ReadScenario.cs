using System.Diagnostics;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 10. Reads at scale: an embedded store filled directly (claims, one statement each, index entries with synthetic
/// embeddings), then p50/p99 through gRPC of ListClaims with a word query, SearchClaims, and ListStatements for an
/// outlet that carried a tenth of the statements.
/// </summary>
internal static class ReadScenario
{
    private const int Calls = 300;
    private static readonly string[] Sentences =
    [
        "Russian forces fire up to 60,000 artillery shells per day",
        "The port was closed to grain ships after the drone strike",
        "The minister denied that the ceasefire had collapsed",
        "Floods displaced 12,000 people in the province",
        "The central bank raised interest rates to curb inflation",
    ];

    public static async Task RunAsync(BenchOptions options)
    {
        var claims = options.Claims;
        Console.WriteLine($"== 10. reads at {claims:N0} claims (embedded store, filled directly; p50/p99 of {Calls} calls each over gRPC)");
        var dataDirectory = options.DataDirectory is { } kept
            ? Path.GetFullPath(kept)
            : Directory.CreateTempSubdirectory("claimtracker-bench-").FullName;
        await using (var server = await BenchServer.StartInAsync(dataDirectory, keepData: true))
        {
            await MeasureAsync(server, claims);
        }

        // The replica saved its snapshot after the load (the server waited for it to be written before it stopped): a
        // restarted server reads the snapshot and only the log entries after it.
        await using var restarted = await BenchServer.StartInAsync(dataDirectory, keepData: options.DataDirectory is not null);
        var snapshot = new FileInfo(Path.Combine(dataDirectory, "claim-index.snapshot"));
        var load = Stopwatch.StartNew();
        var loadCpu = ProcessCpu();
        await restarted.Client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = Sentences[0] });
        Console.WriteLine($"SearchClaims after a restart: index replica loaded in {load.Elapsed.TotalSeconds:0.0} s, "
            + $"{(ProcessCpu() - loadCpu).TotalSeconds:0.0} s of CPU (first call; "
            + $"snapshot {(snapshot.Exists ? $"{snapshot.Length / 1e6:N0} MB" : "missing")})");
        await ReportAsync("SearchClaims after the restart, a sentence (top 10, with dry run)", i =>
            restarted.Client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = Sentences[i % Sentences.Length], DryRun = true })
                .ResponseAsync);
    }

    private static async Task MeasureAsync(BenchServer server, int claims)
    {
        var store = server.Services.GetRequiredService<SqliteStore>();
        var serializer = server.Services.GetRequiredService<PayloadSerializer>();
        await store.ReadFeedHeadAsync(); // applies the migrations
        var fill = Stopwatch.StartNew();
        var databasePath = server.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath;
        var written = await ReadFill.FillAsync(databasePath, serializer, claims);
        Console.WriteLine($"filled {written:N0} claims in {fill.Elapsed.TotalSeconds:0} s ({databasePath}, "
            + $"{new FileInfo(databasePath).Length / 1e9:0.0} GB)");

        var client = server.Client;
        var words = new[] { "port", "grain", "ceasefire", "refinery", "port harbour", "support" };
        await ReportAsync("ListClaims, one or two words, by relevance (first page of 50, with the count)", i =>
            client.ListClaimsAsync(new V1.ListClaimsRequest { Query = words[i % words.Length] }).ResponseAsync);
        await ReportAsync("ListClaims, one or two words, newest first (first page of 50, with the count)", i =>
            client.ListClaimsAsync(new V1.ListClaimsRequest { Query = words[i % words.Length], Sort = V1.ClaimSort.Newest })
                .ResponseAsync);

        var statementPages = new Dictionary<int, string>();
        await ReportAsync("ListStatements, outlet with 100,000 statements (pages of 50, walking deeper)", async i =>
        {
            var reply = await client.ListStatementsAsync(new V1.ListStatementsRequest
            {
                OutletActorId = "a-outlet-0",
                PageToken = statementPages.GetValueOrDefault(i - 1, string.Empty),
            });
            statementPages[i] = reply.NextPageToken;
            return reply;
        });

        // Claims of one statement, each read once (its grain activated by the read): the cost of a cold claim.
        var asOfRandom = new Random(3);
        await ReportAsync("GetClaim as_of, a random claim (one statement; the claim not read before)", _ =>
        {
            var n = asOfRandom.Next(claims);
            return client.GetClaimAsync(new V1.GetClaimRequest
            {
                ClaimId = $"c-bench-{n}",
                AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)
                    .AddMinutes(n + 1)),
            }).ResponseAsync;
        });

        // The first search refreshes this silo's index replica from the index log: timed apart.
        var load = Stopwatch.StartNew();
        var loadCpu = ProcessCpu();
        await client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = Sentences[0] });
        Console.WriteLine($"SearchClaims: index replica loaded in {load.Elapsed.TotalSeconds:0.0} s, "
            + $"{(ProcessCpu() - loadCpu).TotalSeconds:0.0} s of CPU (first call; from its snapshot when there is one, "
            + "else the index log)");
        await ReportAsync("SearchClaims, a sentence (top 10, with dry run)", i =>
            client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = Sentences[i % Sentences.Length], DryRun = true }).ResponseAsync);
    }

    private static async Task ReportAsync<T>(string name, Func<int, Task<T>> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call(i);
        }

        var timings = new List<double>(Calls);
        var cpu = ProcessCpu();
        for (var i = 0; i < Calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var cpuPerCall = (ProcessCpu() - cpu).TotalMilliseconds / Calls;
        timings.Sort();
        Console.WriteLine($"{name}: p50 {Measure.Ms(Measure.Percentile(timings, 50))}, p99 {Measure.Ms(Measure.Percentile(timings, 99))}, "
            + $"{cpuPerCall:0.00} ms of CPU per call (this process: server and client)");
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
