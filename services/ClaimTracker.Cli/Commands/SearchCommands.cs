using System.CommandLine;
using System.Globalization;
using ClaimTracker.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>Search and lists: search (claims by meaning), reports, statements.</summary>
internal static class SearchCommands
{
    public static Command Search()
    {
        var text = new Argument<string>("text") { Description = "A sentence or a few words" };
        var limit = new Option<int>("--limit") { Description = "How many claims to show (at most 50)", DefaultValueFactory = _ => 10 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Also say which claim this text would join, and why" };
        var command = new Command("search", "Find the claims nearest a text in meaning, with their scores") { text, limit, dryRun };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.SearchClaimsAsync(
                new SearchClaimsRequest { Text = parse.GetValue(text)!, Limit = parse.GetValue(limit), DryRun = parse.GetValue(dryRun) },
                cancellationToken: cancellation);
            if (output.IsJson)
            {
                output.Json(response);
                return;
            }

            var table = new Table().AddColumns("score", "claim", "status", "text");
            foreach (var match in response.Matches)
            {
                table.AddRow(
                    match.Score.ToString("0.00", CultureInfo.InvariantCulture),
                    Output.Escape(match.Claim.ClaimId),
                    Output.StatusMarkup(match.Claim.Status),
                    Output.Escape(IngestCommand.Shorten(match.Claim.Text, 90)));
            }

            AnsiConsole.Write(table);
            if (response.DryRun is { } decision)
            {
                AnsiConsole.MarkupLine(decision.ClaimId.Length > 0
                    ? $"would join [bold]{Output.Escape(decision.ClaimId)}[/] as {decision.Stance}: {Output.Escape(decision.Reason)}"
                    : $"would found a new claim: {Output.Escape(decision.Reason)}");
            }
        }));
        return command;
    }

    public static Command Reports()
    {
        var outlet = new Option<string?>("--outlet") { Description = "Only reports this outlet (actor id) published" };
        var query = new Option<string?>("--query") { Description = "Words the title or text must contain" };
        var (after, before) = TimeOptions();
        var limit = new Option<int>("--limit") { Description = "How many reports to show", DefaultValueFactory = _ => 50 };
        var command = new Command("reports", "List reports, newest first") { outlet, query, after, before, limit };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var request = new ListReportsRequest
            {
                OutletActorId = parse.GetValue(outlet) ?? string.Empty,
                Query = parse.GetValue(query) ?? string.Empty,
                PublishedAfter = Time(parse.GetValue(after)),
                PublishedBefore = Time(parse.GetValue(before)),
            };
            var reports = new List<Report>();
            var wanted = parse.GetValue(limit);
            do
            {
                request.PageSize = Math.Min(500, wanted - reports.Count);
                var page = await client.ListReportsAsync(request, cancellationToken: cancellation);
                reports.AddRange(page.Reports);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && reports.Count < wanted);

            if (output.IsJson)
            {
                var response = new ListReportsResponse { NextPageToken = request.PageToken };
                response.Reports.Add(reports);
                output.Json(response);
                return;
            }

            var table = new Table().AddColumns("report", "published", "outlet", "stmts", "title");
            foreach (var report in reports)
            {
                table.AddRow(
                    Output.Escape(report.ReportId),
                    When(report.PublishedAt),
                    Output.Escape(report.Source),
                    report.StatementIds.Count.ToString(CultureInfo.InvariantCulture),
                    Output.Escape(IngestCommand.Shorten(report.Title, 80)));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }

    public static Command Statements()
    {
        var actor = new Option<string?>("--actor") { Description = "Only statements this speaker (actor id) made" };
        var origin = new Option<string?>("--origin") { Description = "Only statements whose chain ends at this actor id" };
        var outlet = new Option<string?>("--outlet") { Description = "Only statements this outlet (actor id) carried" };
        var report = new Option<string?>("--report") { Description = "Only statements of this report" };
        var claim = new Option<string?>("--claim") { Description = "Only statements on this claim" };
        var stance = new Option<Stance?>("--stance") { Description = "SUPPORTS, CONTRADICTS, OBSERVING or QUERIES" };
        var (after, before) = TimeOptions();
        var limit = new Option<int>("--limit") { Description = "How many statements to show", DefaultValueFactory = _ => 50 };
        var command = new Command("statements", "List statements, newest first")
        {
            actor, origin, outlet, report, claim, stance, after, before, limit,
        };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var request = new ListStatementsRequest
            {
                ActorId = parse.GetValue(actor) ?? string.Empty,
                OriginActorId = parse.GetValue(origin) ?? string.Empty,
                OutletActorId = parse.GetValue(outlet) ?? string.Empty,
                ReportId = parse.GetValue(report) ?? string.Empty,
                ClaimId = parse.GetValue(claim) ?? string.Empty,
                Stance = parse.GetValue(stance) ?? Stance.Unspecified,
                PublishedAfter = Time(parse.GetValue(after)),
                PublishedBefore = Time(parse.GetValue(before)),
            };
            var statements = new List<Statement>();
            var wanted = parse.GetValue(limit);
            do
            {
                request.PageSize = Math.Min(500, wanted - statements.Count);
                var page = await client.ListStatementsAsync(request, cancellationToken: cancellation);
                statements.AddRange(page.Statements);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && statements.Count < wanted);

            if (output.IsJson)
            {
                var response = new ListStatementsResponse { NextPageToken = request.PageToken };
                response.Statements.Add(statements);
                output.Json(response);
                return;
            }

            var table = new Table().AddColumns("published", "speaker", "outlet", "stance", "claim", "content");
            foreach (var statement in statements)
            {
                table.AddRow(
                    When(statement.PublishedAt),
                    Output.Escape(statement.Speaker),
                    Output.Escape(statement.Source),
                    statement.Withdrawn ? $"{statement.Stance} (withdrawn)" : statement.Stance.ToString(),
                    Output.Escape(statement.ClaimId),
                    Output.Escape(IngestCommand.Shorten(statement.Content, 70)));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }

    private static (Option<DateTimeOffset?> After, Option<DateTimeOffset?> Before) TimeOptions() => (
        new Option<DateTimeOffset?>("--published-after") { Description = "Published at or after this time (e.g. 2024-03-01)" },
        new Option<DateTimeOffset?>("--published-before") { Description = "Published before this time" });

    private static Timestamp? Time(DateTimeOffset? time) => time is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    private static string When(Timestamp? time) =>
        time?.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "?";
}
