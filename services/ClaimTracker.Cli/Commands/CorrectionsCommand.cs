using System.CommandLine;
using System.Globalization;
using ClaimTracker.V1;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct corrections [--claim …] [--actor …] [--report …] [--analyst …]: the audit trail, newest first.</summary>
internal static class CorrectionsCommand
{
    public static Command Create()
    {
        var claim = new Option<string?>("--claim") { Description = "Only corrections that touched this claim" };
        var actor = new Option<string?>("--actor") { Description = "Only corrections that touched this actor" };
        var report = new Option<string?>("--report") { Description = "Only corrections that touched this report" };
        var analyst = new Option<string?>("--analyst") { Description = "Only corrections by this analyst" };
        var limit = new Option<int>("--limit") { Description = "How many to show", DefaultValueFactory = _ => 50 };
        var command = new Command("corrections", "List recorded corrections: who, when, why") { claim, actor, report, analyst, limit };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var request = new ListCorrectionsRequest
            {
                ClaimId = parse.GetValue(claim) ?? string.Empty,
                ActorId = parse.GetValue(actor) ?? string.Empty,
                ReportId = parse.GetValue(report) ?? string.Empty,
                Analyst = parse.GetValue(analyst) ?? string.Empty,
            };
            var found = new List<Correction>();
            var wanted = parse.GetValue(limit);
            do
            {
                request.PageSize = Math.Min(500, wanted - found.Count);
                var page = await client.ListCorrectionsAsync(request, cancellationToken: cancellation);
                found.AddRange(page.Corrections);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && found.Count < wanted);

            if (output.IsJson)
            {
                var response = new ListCorrectionsResponse { NextPageToken = request.PageToken };
                response.Corrections.Add(found);
                output.Json(response);
                return;
            }

            var table = new Table().AddColumns("when", "analyst", "correction", "what", "why");
            foreach (var correction in found)
            {
                table.AddRow(
                    correction.RecordedAt.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture),
                    Output.Escape(correction.Analyst),
                    Output.Escape(correction.CorrectionId),
                    Output.Escape(correction.Summary),
                    Output.Escape(correction.Reason));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }
}
