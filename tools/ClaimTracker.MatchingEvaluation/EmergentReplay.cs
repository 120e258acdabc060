using System.Globalization;
using ClaimTracker.EvaluationData;
using ClaimTracker.Server.Hosting;
using Grpc.Net.Client;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>
/// `emergent`: replays Emergent through the real service (an in-process embedded server, real grains,
/// real gRPC on loopback), all rumours into one store: per rumour, first a report whose one structured
/// statement is the rumour (speaker "Emergent", stance OBSERVING, so it founds the claim without
/// counting as support), then its articles in logging order, each a text report (source = the outlet,
/// text = its headline) that the server extracts and links on its own. Scores linking (B-cubed over
/// articles), stance against for/against/observing, and the final status against the verdict.
/// </summary>
internal static class EmergentReplay
{
    public static int Run(Arguments args)
    {
        var root = args.Positional(1, "path-to-emergent-dev");
        var rows = Csv.Read(Path.Combine(root, "emergent_articles.csv"));
        var rumours = rows.GroupBy(r => r["claimId"])
            .Select(g => (Id: g.Key, Headline: g.First()["claimHeadline"], Truth: g.First()["claimTruth"], Logged: g
                .First()["claim_logged_utc"],
                Articles: g.OrderBy(r => int.Parse(r["article_seq_in_claim"], CultureInfo.InvariantCulture)).ToList()))
            .OrderBy(r => r.Logged, StringComparer.Ordinal)
            .ToList();
        return RunAsync(rumours, args.Flag("verbose"), args.Passed("Matching:").ToList(), args.Option("fold-models"))
            .GetAwaiter().GetResult();
    }

    /// <param name="foldModels">With a folder of <see cref="FoldModels"/>: each fold's rumours go through a store and a server of
    /// their own whose headline stance model was trained without them, so no stance is judged by a model that saw its
    /// rumour.</param>
    private static async Task<int> RunAsync(
        List<(string Id, string Headline, string Truth, string Logged, List<Dictionary<string, string>> Articles)> rumours,
        bool verbose,
        List<string> serverOptions,
        string? foldModels)
    {
        var tallies = new Tallies();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (foldModels is null)
        {
            await ReplayAsync(rumours, serverOptions, tallies, verbose);
        }
        else
        {
            var foldOf = FoldModels.ReadFolds(foldModels);
            var missing = rumours.FirstOrDefault(r => !foldOf.ContainsKey(r.Id));
            if (missing.Id is not null)
            {
                throw new InvalidDataException($"{foldModels}: rumour {missing.Id} has no fold in {FoldModels.FoldsFile}");
            }

            foreach (var fold in foldOf.Values.Distinct().Order())
            {
                var model = FoldModels.ModelPath(foldModels, fold);
                await ReplayAsync(
                    rumours.Where(r => foldOf[r.Id] == fold).ToList(),
                    [.. serverOptions, $"--Matching:StanceModelPath={model}"],
                    tallies,
                    verbose);
            }
        }

        var (tune, holdout, all) = (tallies.Tune, tallies.Holdout, tallies.All);
        Console.WriteLine($"Emergent replay through the service: {rumours.Count} rumours in {clock.Elapsed.TotalSeconds:0} s, " +
            (foldModels is null
                ? "all into one store"
                : $"each fold's rumours into a store of their own, stances by the fold's model from {foldModels} (out of fold)") +
            $"; halves by hash of the rumour id as in emergent-headlines; {tallies.SeedsJoined} rumour seeds joined an earlier claim");
        Console.WriteLine("final status → verdict: CORROBORATED→true, CONTRADICTED/CONTESTED→false, else unknown");
        foreach (var tally in new[] { tune, holdout, all })
        {
            Console.Write(tally);
        }

        // The halves above score each half's articles among themselves, so a tune rumour merged with a held-out
        // one costs neither; here the tune half's articles are scored against the claims as they are in the
        // whole store (for tuning: it needs no held-out label, only that held-out articles are other rumours).
        var (tp, tr, tf) = all.LinkingOf(id => !Split.IsHoldout(id));
        Console.WriteLine(
            $"tune half's articles, clusters of the whole store: linking B-cubed precision {tp:0.000} recall {tr:0.000} F1 {tf:0.000}");
        Console.WriteLine("all rumours, stance (rows gold, columns predicted):");
        Console.Write(all.Stance);
        Console.WriteLine("all rumours, verdict (rows gold, columns predicted):");
        Console.Write(all.Verdict);
        return 0;
    }

    /// <summary>The tallies of a replay, over one store or over every fold's.</summary>
    private sealed class Tallies
    {
        public ReplayTally Tune { get; } = new("tune half");

        public ReplayTally Holdout { get; } = new("holdout half");

        public ReplayTally All { get; } = new("all rumours");

        public int SeedsJoined { get; set; }
    }

    /// <summary>Replays <paramref name="rumours"/> into a new store through a server of their own.</summary>
    private static async Task ReplayAsync(
        List<(string Id, string Headline, string Truth, string Logged, List<Dictionary<string, string>> Articles)> rumours,
        List<string> serverOptions,
        Tallies tallies,
        bool verbose)
    {
        var data = Directory.CreateTempSubdirectory("claimtracker-emergent-").FullName;
        var app = ClaimTrackerServer.Build(
        [
            "--Grpc:Url=http://127.0.0.1:0",
            "--Web:Url=",
            $"--Storage:DataDirectory={data}",
            $"--Orleans:SiloPort={FreePort()}",
            $"--Orleans:GatewayPort={FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            .. serverOptions,
        ]);
        await app.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress(app.Urls.Single());
            var client = new V1.ClaimTracker.ClaimTrackerClient(channel);
            var (tune, holdout, all) = (tallies.Tune, tallies.Holdout, tallies.All);
            var founder = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rumour in rumours)
            {
                var half = Split.IsHoldout(rumour.Id) ? holdout : tune;
                var seed = new V1.RegisterReportRequest { ReportId = "rumour-" + rumour.Id, Source = "Emergent", Title = rumour.Headline };
                seed.Statements
                    .Add(new V1.StatementInput { Speaker = "Emergent", Content = rumour.Headline, Stance = V1.Stance.Observing });
                var articles = rumour.Articles.Where(article => article["articleHeadline"].Length > 0).ToList();
                // One ordered batch per rumour: the seed, then its articles in logging order, each seeing all before it.
                var batch = new V1.RegisterReportsRequest { Ordered = true, Reports = { seed } };
                batch.Reports.Add(articles.Select(article => new V1.RegisterReportRequest
                {
                    ReportId = "article-" + article["articleId"],
                    Source = article["source"].Length > 0 ? article["source"] : "unknown outlet",
                    Url = article["url"],
                    Title = article["articleHeadline"],
                    Text = article["articleHeadline"],
                }));
                var registered = (await client.RegisterReportsAsync(batch)).Registrations
                    .Select(r => r.Registered ?? throw new InvalidOperationException($"{r.ReportId}: {r.Error.Message}"))
                    .ToList();
                var seeded = registered[0];
                var claimId = seeded.Outcomes[0].ClaimId;
                tallies.SeedsJoined += seeded.Outcomes[0].ClaimCreated ? 0 : 1;
                if (!seeded.Outcomes[0].ClaimCreated)
                {
                    half.AddJoinedSeed();
                    all.AddJoinedSeed();
                }

                if (verbose && !seeded.Outcomes[0].ClaimCreated && half == tune)
                {
                    // The claim's texts are shown only when a tune rumour founded it: held-out texts stay unread.
                    var (joined, statement) = await FindStatementAsync(client, seeded.Outcomes[0]);
                    var tuneClaim = founder.TryGetValue(claimId, out var earlier) && !Split.IsHoldout(earlier);
                    Console.WriteLine($"[SeedJoined] {rumour.Headline}");
                    Console.WriteLine(tuneClaim
                        ? $"    claim {joined.ClaimId} (of an earlier tune rumour): {joined.Text}"
                        : $"    claim {joined.ClaimId} (of a held-out rumour)");
                    Console.WriteLine(tuneClaim ? $"    {statement?.StanceReason}" : "    " + Scores(statement?.StanceReason));
                }

                founder.TryAdd(claimId, rumour.Id);
                for (var a = 0; a < articles.Count; a++)
                {
                    var article = articles[a];
                    var headline = article["articleHeadline"];
                    var response = registered[a + 1];
                    var outcome = response.Outcomes.FirstOrDefault(o => o.ClaimId == claimId) ?? response.Outcomes.FirstOrDefault();
                    var kind = outcome is null ? ReplayOutcome.NoStatement
                        : outcome.ClaimId == claimId ? ReplayOutcome.Linked
                        : outcome.ClaimCreated ? ReplayOutcome.FoundedOwnClaim
                        : founder.GetValueOrDefault(outcome.ClaimId) == rumour.Id ? ReplayOutcome.JoinedSplinter
                        : ReplayOutcome.JoinedWrongClaim;
                    if (outcome is not null)
                    {
                        founder.TryAdd(outcome.ClaimId, rumour.Id);
                    }

                    var predictedClaim = outcome?.ClaimId ?? "none:" + article["articleId"];
                    var goldStance = article["articleHeadlineStance"];
                    var predictedStance = outcome is null ? "observing" : Label(outcome.Stance);
                    half.AddArticle(rumour.Id, predictedClaim, kind, goldStance, predictedStance);
                    all.AddArticle(rumour.Id, predictedClaim, kind, goldStance, predictedStance);
                    if (verbose && half == tune)
                    {
                        Console.WriteLine($"[{kind} {goldStance}→{predictedStance}] {headline}  ||  rumour: {rumour.Headline}");
                        if (outcome is not null)
                        {
                            var (claim, statement) = await FindStatementAsync(client, outcome);
                            Console.WriteLine($"    {response.Outcomes.Count} statement(s); {statement?.Speaker}: " +
                                $"\"{statement?.Content}\"  ({statement?.StanceReason})");
                            Console.WriteLine($"    claim {claim.ClaimId}: {claim.Text}");
                        }
                    }
                }

                var final = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 1 });
                half.AddRumour(rumour.Truth, Verdict(final.Status));
                all.AddRumour(rumour.Truth, Verdict(final.Status));
                if (verbose && half == tune)
                {
                    Console.WriteLine($"[Verdict {rumour.Truth}→{Verdict(final.Status)}] {rumour.Headline}: {final.Status}; " +
                        $"{string.Join("; ", final.StatusReasons)}");
                }
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(V1.Claim Claim, V1.Statement? Statement)> FindStatementAsync(
        V1.ClaimTracker.ClaimTrackerClient client,
        V1.StatementOutcome outcome)
    {
        var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = outcome.ClaimId, StatementPageSize = 200 });
        return (claim, claim.Statements.FirstOrDefault(s => s.StatementId == outcome.StatementId));
    }

    /// <summary>The numbers of a link reason ("score 1.07 ≥ 0.84 (cosine 0.52; lexical 0.47"), without the names it gives.</summary>
    private static string Scores(string? reason)
    {
        var match = reason is null
            ? null
            : System.Text.RegularExpressions.Regex.Match(reason, @"score [0-9.]+ ≥ [0-9.]+ \(cosine [0-9.]+; lexical [0-9.]+");
        return match is { Success: true } ? match.Value + ")" : string.Empty;
    }

    private static string Label(V1.Stance stance) => stance switch
    {
        V1.Stance.Supports => "for",
        V1.Stance.Contradicts => "against",
        _ => "observing",
    };

    private static string Verdict(V1.CorroborationStatus status) => status switch
    {
        V1.CorroborationStatus.Corroborated => "true",
        V1.CorroborationStatus.Contradicted or V1.CorroborationStatus.Contested => "false",
        _ => "unknown",
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
