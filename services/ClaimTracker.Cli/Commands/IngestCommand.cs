using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimTracker.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary><c>ingest &lt;file|dir&gt;</c>: registers articles as text reports and shows what became of them.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "An article (.txt) or a directory of them" };
        var source = new Option<string>("--source") { Description = "The publishing outlet", Required = true };
        var url = new Option<string?>("--url") { Description = "The article's URL" };
        var published = new Option<DateTimeOffset?>("--published") { Description = "Publication time, e.g. 2023-09-13T10:00:00Z" };
        var reportId = new Option<string?>("--report-id") { Description = "Idempotency key (default: derived from source and text)" };
        var command = new Command("ingest", "Register articles as reports; the server extracts actors, statements and claims") {
            path,
            source,
            url,
            published,
            reportId };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var target = parse.GetValue(path)!;
            var files = Directory.Exists(target)
                ? Directory.GetFiles(target, "*.txt").Order(StringComparer.Ordinal).ToArray()
                : File.Exists(target) ? [target] : throw new ArgumentException($"no such file or directory: {target}");
            if (files.Length > 1 && parse.GetValue(reportId) is not null)
            {
                throw new ArgumentException("--report-id names one report; leave it out when ingesting a directory");
            }

            var requests = files.Select(file => BuildRequest(
                file,
                parse.GetValue(source)!,
                parse.GetValue(url),
                parse.GetValue(published),
                parse.GetValue(reportId))).ToList();
            if (requests.Count == 1)
            {
                await Show(client, output, await client.RegisterReportAsync(requests[0], cancellationToken: cancellation), cancellation);
                return;
            }

            // A directory goes in batches (RegisterReports); a file that fails is named, and the others are registered.
            var registrations = new List<ReportRegistration>();
            async Task RegisterAll(Action advance)
            {
                await foreach (var registration in ReportBatches.RegisterAsync(client, requests, cancellation))
                {
                    registrations.Add(registration);
                    advance();
                }
            }

            if (output.IsJson)
            {
                await RegisterAll(() => { });
            }
            else
            {
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Registering reports", maxValue: requests.Count);
                    await RegisterAll(() => task.Increment(1));
                });
            }

            foreach (var registration in registrations)
            {
                if (registration.Error is { } error)
                {
                    output.Error($"{files[registration.Index]}: {(Grpc.Core.StatusCode)error.Code}: {error.Message}");
                    continue;
                }

                await Show(client, output, registration.Registered, cancellation);
            }

            if (registrations.Where(r => r.Error is not null).ToList() is { Count: > 0 } failures)
            {
                throw ReportBatches.Failed(failures, requests.Count);
            }
        }));
        return command;
    }

    private static RegisterReportRequest BuildRequest(string file, string source, string? url, DateTimeOffset? published, string? reportId)
    {
        var text = File.ReadAllText(file);
        var request = new RegisterReportRequest
        {
            ReportId = reportId ?? "file-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + text)))[..16],
            Source = source,
            Url = url ?? string.Empty,
            Title = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                ?? Path.GetFileNameWithoutExtension(file),
            Text = text,
        };
        if (published is { } at)
        {
            request.PublishedAt = Timestamp.FromDateTimeOffset(at);
        }

        return request;
    }

    private static async Task Show(
        V1.ClaimTracker.ClaimTrackerClient client,
        Output output,
        RegisterReportResponse response,
        CancellationToken cancellation)
    {
        if (output.IsJson)
        {
            output.Json(response);
            return;
        }

        var report = response.Report;
        AnsiConsole.MarkupLine($"[bold]{Output.Escape(report.Title)}[/] ({Output.Escape(report.ReportId)}, " +
            $"{Output.Escape(report.Source)}): {response.Outcomes.Count} statements");
        if (response.Outcomes.Count == 0)
        {
            return;
        }

        var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var claimId in response.Outcomes.Select(o => o.ClaimId).Distinct())
        {
            claims[claimId] = await client.GetClaimAsync(
                new GetClaimRequest { ClaimId = claimId, StatementPageSize = 1 },
                cancellationToken: cancellation);
        }

        var speakers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actorId in response.Outcomes.Select(o => o.ActorId).Distinct())
        {
            speakers[actorId] = (await client.GetActorAsync(new GetActorRequest { ActorId = actorId }, cancellationToken: cancellation))
                .Name;
        }

        var table = new Table().AddColumns("speaker", "stance", "claim", "claim id", "status");
        foreach (var outcome in response.Outcomes)
        {
            var claim = claims[outcome.ClaimId];
            table.AddRow(
                Output.Escape(speakers[outcome.ActorId]),
                outcome.Stance.ToString(),
                Output.Escape(Shorten(claim.Text, 70)),
                (outcome.ClaimCreated ? "new " : "joined ") + Output.Escape(outcome.ClaimId),
                Output.StatusMarkup(outcome.ClaimStatus));
        }

        AnsiConsole.Write(table);
        var speakerCount = response.Outcomes.Select(o => o.ActorId).Distinct().Count();
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]{speakerCount} speakers, {claims.Count} claims[/]"));
    }

    internal static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
