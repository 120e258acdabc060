using System.Globalization;
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
    private static readonly string[] StanceLabels = ["for", "against", "observing"];

    public static int Run(Arguments args)
    {
        var root = args.Positional(1, "path-to-emergent-dev");
        var rows = Csv.Read(Path.Combine(root, "emergent_articles.csv"));
        var rumours = rows.GroupBy(r => r["claimId"])
            .Select(g => (Id: g.Key, Headline: g.First()["claimHeadline"], Truth: g.First()["claimTruth"], Logged: g.First()["claim_logged_utc"],
                Articles: g.OrderBy(r => int.Parse(r["article_seq_in_claim"], CultureInfo.InvariantCulture)).ToList()))
            .OrderBy(r => r.Logged, StringComparer.Ordinal)
            .ToList();
        return RunAsync(rumours).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(List<(string Id, string Headline, string Truth, string Logged, List<Dictionary<string, string>> Articles)> rumours)
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
        ]);
        await app.StartAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress(app.Urls.Single());
            var client = new V1.ClaimTracker.ClaimTrackerClient(channel);
            var gold = new List<string>();
            var predicted = new List<string>();
            var stance = new Confusion(StanceLabels);
            var linkedStance = new Confusion(StanceLabels);
            var verdict = new Confusion(["true", "false", "unknown"]);
            var noStatement = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var rumour in rumours)
            {
                var seed = new V1.RegisterReportRequest { ReportId = "rumour-" + rumour.Id, Source = "Emergent", Title = rumour.Headline };
                seed.Statements.Add(new V1.StatementInput { Speaker = "Emergent", Content = rumour.Headline, Stance = V1.Stance.Observing });
                var seeded = await client.RegisterReportAsync(seed);
                var claimId = seeded.Outcomes[0].ClaimId;
                foreach (var article in rumour.Articles)
                {
                    var headline = article["articleHeadline"];
                    if (headline.Length == 0)
                    {
                        continue;
                    }

                    var response = await client.RegisterReportAsync(new V1.RegisterReportRequest
                    {
                        ReportId = "article-" + article["articleId"],
                        Source = article["source"].Length > 0 ? article["source"] : "unknown outlet",
                        Url = article["url"],
                        Title = headline,
                        Text = headline,
                    });
                    var outcome = response.Outcomes.FirstOrDefault(o => o.ClaimId == claimId) ?? response.Outcomes.FirstOrDefault();
                    gold.Add(rumour.Id);
                    predicted.Add(outcome?.ClaimId ?? "none:" + article["articleId"]);
                    noStatement += outcome is null ? 1 : 0;
                    stance.Add(article["articleHeadlineStance"], outcome is null ? "observing" : Label(outcome.Stance));
                    if (outcome?.ClaimId == claimId)
                    {
                        linkedStance.Add(article["articleHeadlineStance"], Label(outcome.Stance));
                    }
                }

                var final = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, StatementPageSize = 1 });
                verdict.Add(rumour.Truth, Verdict(final.Status));
            }

            var (p, r, f) = BCubed.Score(gold, predicted);
            Console.WriteLine($"Emergent replay through the service: {rumours.Count} rumours, {gold.Count} articles in {clock.Elapsed.TotalSeconds:0} s ({noStatement} headlines gave no statement)");
            Console.WriteLine($"linking B-cubed: precision {p:0.000} recall {r:0.000} F1 {f:0.000}");
            Console.WriteLine($"stance accuracy {stance.Accuracy:0.000}");
            Console.WriteLine(stance);
            Console.WriteLine($"stance accuracy on the {linkedStance.Total} articles linked to their rumour's claim (stance towards that claim) {linkedStance.Accuracy:0.000}");
            var decided = verdict.Count("true", "true") + verdict.Count("false", "false");
            var trueOrFalse = rumours.Count(x => x.Truth is "true" or "false");
            Console.WriteLine($"final status vs verdict: CORROBORATED→true, CONTRADICTED/CONTESTED→false, else unknown; agreement on true/false rumours {(double)decided / trueOrFalse:0.000} ({decided}/{trueOrFalse})");
            Console.WriteLine(verdict);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
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
