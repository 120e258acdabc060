using System.Diagnostics;
using ClaimTracker.Analysis;
using ClaimTracker.Grains;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// 10. Reads at scale: an embedded store filled directly (claims, one statement each, index entries with synthetic
/// embeddings), then p50/p99 through gRPC of ListClaims with a word query, SearchClaims, and ListStatements for an
/// outlet that carried a tenth of the statements.
/// </summary>
internal static class ReadScenario
{
    private const int Calls = 300;
    private const int FillBatch = 2000;
    private const int Dimensions = 384;

    // Real words, each in about 1 % of the claims (three per claim out of 300), beside synthetic filler words.
    private static readonly string[] NewsWords =
    [.. """
        port support grain harbour shells artillery ceasefire minister election ballot troops border drone missile refinery
        pipeline sanctions embassy parliament strike protest flood earthquake wildfire outbreak vaccine hospital inflation
        currency bank tariff export import factory wages pension court verdict appeal prison police arrest smuggling
        bridge railway airport tanker convoy aid refugee camp village city province capital summit treaty talks envoy
        spokesman ministry army navy air force general commander casualties wounded killed missing hostage prisoner
        exchange deal oil gas power grid blackout water dam reservoir river coast island storm heatwave drought harvest
        wheat corn rice fertiliser shipping route canal strait fleet submarine satellite launch test nuclear plant reactor
        inspection agency report estimate figure percent million billion budget deficit debt loan bonds market shares
        stock crash rally investors company merger layoffs jobs unemployment strike union teachers doctors nurses students
        school university exam scandal resignation coalition opposition vote poll campaign candidate president premier
        king queen prince cabinet decree law bill reform tax subsidy fuel price bread sugar meat milk cattle fishing
        forest mine copper gold lithium cobalt chip semiconductor network hack cyberattack outage data leak privacy
        platform ban censorship journalist newspaper broadcaster channel interview statement denial rumour claim evidence
        investigation probe audit fraud bribery corruption charges trial sentence release custody extradition asylum
        migrants boat rescue coastguard sea shore beach tourism hotel visa passport festival match team league cup
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct()];

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
        await using var server = await BenchServer.StartAsync();
        var store = server.Services.GetRequiredService<SqliteStore>();
        var serializer = server.Services.GetRequiredService<PayloadSerializer>();

        var fill = Stopwatch.StartNew();
        await FillAsync(store, serializer, claims);
        Console.WriteLine($"filled {claims:N0} claims in {fill.Elapsed.TotalSeconds:0} s");

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

        // The first search refreshes this silo's index replica from the index log: timed apart.
        var load = Stopwatch.StartNew();
        await client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = Sentences[0] });
        Console.WriteLine($"SearchClaims: index replica loaded in {load.Elapsed.TotalSeconds:0} s (first call)");
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
        for (var i = 0; i < Calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine($"{name}: p50 {Measure.Ms(Measure.Percentile(timings, 50))}, p99 {Measure.Ms(Measure.Percentile(timings, 99))}");
    }

    /// <summary>Claims written in parallel batches through the store's group commit, as claim grains write them.</summary>
    private static async Task FillAsync(SqliteStore store, PayloadSerializer serializer, int claims)
    {
        var filler = new Zipf(20_000, 1.0, 11);
        var random = new Random(7);
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < claims; first += FillBatch)
        {
            var count = Math.Min(FillBatch, claims - first);
            var writes = new List<Task>(count + 1);
            var index = new List<ClaimIndexEntry>(count);
            for (var n = first; n < first + count; n++)
            {
                var text = Text(random, filler);
                var claimId = $"c-bench-{n}";
                var at = start.AddMinutes(n);
                var statement = Statement(claimId, n, text, at);
                var summary = new ClaimSummary
                {
                    ClaimId = claimId,
                    Text = text,
                    Status = CorroborationStatus.Uncorroborated,
                    Credibility = 3,
                    SupportingOrigins = [statement.OriginActorId],
                    StatementCount = 1,
                    FirstReportedAt = at,
                    UpdatedAt = at,
                    Version = 1,
                    ActorIds = [statement.ActorId],
                };
                var row = new ClaimRow(claimId, text, summary.Status, at, [statement.ActorId], serializer.Serialize(summary))
                {
                    Keys = new ClaimListKeys(at, 3, 1, 1),
                    Statements =
                    [
                        new StatementRow(statement.StatementId, statement.ReportId, statement.ActorId, statement.OriginActorId,
                            statement.SourceActorId, (int)statement.Stance, at, serializer.Serialize(statement)),
                    ],
                };
                var journal = new JournalAppend(
                    statement.StatementId, serializer.Serialize<ClaimJournalEvent>(new StatementRecorded(statement)));
                writes.Add(store.AppendClaimAsync(claimId, 0, [journal], [], row));
                index.Add(new ClaimIndexEntry(claimId, text, Embedding(random)));
            }

            writes.Add(store.AddClaimIndexEntriesAsync(index));
            await Task.WhenAll(writes);
            if ((first / FillBatch) % 50 == 0)
            {
                Console.WriteLine($"  {first + count:N0} claims");
            }
        }
    }

    private static StatementRecord Statement(string claimId, int n, string text, DateTimeOffset at) => new()
    {
        StatementId = claimId + "-s0",
        ReportId = claimId + "-r0",
        ClaimId = claimId,
        ActorId = $"a-origin-{n % 5000}",
        Speaker = $"Origin {n % 5000}",
        Content = text,
        OriginActorId = $"a-origin-{n % 5000}",
        OriginName = $"Origin {n % 5000}",
        Source = $"Outlet {n % 10}",
        SourceActorId = $"a-outlet-{n % 10}",
        Stance = Stance.Supports,
        Modality = Modality.Asserted,
        PublishedAt = at,
        RecordedAt = at,
    };

    /// <summary>Three news words and seven filler words ("w123", Zipf-distributed): about ten words like a claim.</summary>
    private static string Text(Random random, Zipf filler)
    {
        var words = new string[10];
        for (var i = 0; i < 3; i++)
        {
            words[i] = NewsWords[random.Next(NewsWords.Length)];
        }

        for (var i = 3; i < words.Length; i++)
        {
            words[i] = "w" + filler.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Join(' ', words);
    }

    /// <summary>A random unit vector: the index's work per claim does not depend on what the vector means.</summary>
    private static float[] Embedding(Random random)
    {
        var vector = new float[Dimensions];
        var norm = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
            norm += vector[i] * vector[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }
}
