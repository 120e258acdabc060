using System.CommandLine;
using System.Globalization;
using ClaimTracker.V1;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>Read-only commands: report, claims, claim, actors, actor.</summary>
internal static class QueryCommands
{
    public static Command Report()
    {
        var id = new Argument<string>("report-id");
        var command = new Command("report", "Show one report") { id };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var report = await client.GetReportAsync(
                new GetReportRequest { ReportId = parse.GetValue(id)! },
                cancellationToken: cancellation);
            if (output.IsJson)
            {
                output.Json(report);
                return;
            }

            AnsiConsole.MarkupLine($"[bold]{Output.Escape(report.Title)}[/]");
            AnsiConsole.MarkupLine($"{Output.Escape(report.Source)} {Output.Escape(report.Url)} published " +
                $"{report.PublishedAt?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? "?"}");
            AnsiConsole.MarkupLine($"{report.StatementIds.Count} statements: {Output.Escape(string.Join(", ", report.StatementIds))}");
        }));
        return command;
    }

    public static Command Claims()
    {
        var status = new Option<CorroborationStatus?>("--status") {
            Description = "UNCORROBORATED, CORROBORATED, CONTESTED or CONTRADICTED" };
        var actor = new Option<string?>("--actor") { Description = "Only claims this actor id made statements on" };
        var query = new Option<string?>("--query") { Description = "Words the claim text must contain" };
        var limit = new Option<int>("--limit") { Description = "How many claims to show", DefaultValueFactory = _ => 50 };
        var command = new Command("claims", "List claims, newest first") { status, actor, query, limit };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var request = new ListClaimsRequest
            {
                Status = parse.GetValue(status) ?? CorroborationStatus.Unspecified,
                ActorId = parse.GetValue(actor) ?? string.Empty,
                Query = parse.GetValue(query) ?? string.Empty,
            };
            var claims = new List<Claim>();
            var wanted = parse.GetValue(limit);
            do
            {
                request.PageSize = Math.Min(500, wanted - claims.Count);
                var page = await client.ListClaimsAsync(request, cancellationToken: cancellation);
                claims.AddRange(page.Claims);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && claims.Count < wanted);

            if (output.IsJson)
            {
                var response = new ListClaimsResponse { NextPageToken = request.PageToken };
                response.Claims.Add(claims);
                output.Json(response);
                return;
            }

            var table = new Table().AddColumns("claim", "status", "cred.", "stmts", "text");
            foreach (var claim in claims)
            {
                table.AddRow(
                    Output.Escape(claim.ClaimId),
                    Output.StatusMarkup(claim.Status),
                    claim.Credibility.ToString(CultureInfo.InvariantCulture),
                    claim.StatementCount.ToString(CultureInfo.InvariantCulture),
                    Output.Escape(IngestCommand.Shorten(claim.Text, 90)));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }

    public static Command Claim()
    {
        var id = new Argument<string>("claim-id");
        var statements = new Option<int>("--statements") {
            Description = "How many recent statements to show",
            DefaultValueFactory = _ => 100 };
        var command = new Command("claim", "Show a claim: status, reasons, and its statements grouped by stance") { id, statements };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var claim = await client.GetClaimAsync(
                new GetClaimRequest { ClaimId = parse.GetValue(id)!, StatementPageSize = parse.GetValue(statements) },
                cancellationToken: cancellation);
            if (output.IsJson)
            {
                output.Json(claim);
                return;
            }

            AnsiConsole.MarkupLine($"[bold]{Output.Escape(claim.Text)}[/]");
            AnsiConsole.MarkupLine($"{Output.StatusMarkup(claim.Status)}  credibility {claim.Credibility}  {claim.StatementCount} " +
                $"statements  first reported {claim.FirstReportedAt.ToDateTimeOffset():u}");
            foreach (var reason in claim.StatusReasons)
            {
                AnsiConsole.MarkupLine($"  • {Output.Escape(reason)}");
            }

            foreach (var group in claim.Statements.GroupBy(s => s.Stance))
            {
                var table = new Table().Title(group.Key.ToString()).AddColumns("speaker", "chain", "grades", "says", "why");
                foreach (var statement in group)
                {
                    var says = statement.Quote.Length > 0 ? $"“{statement.Quote}”" : statement.Content;
                    var why = statement.Withdrawn ? $"withdrawn: {statement.WithdrawnReason}" : statement.StanceReason;
                    table.AddRow(
                        Output.Escape(statement.Speaker),
                        Output.Escape(Output.Chain(statement)),
                        Output.Escape(Output.Grades(statement)),
                        Output.Escape(IngestCommand.Shorten(says, 80)),
                        Output.Escape(why));
                }

                AnsiConsole.Write(table);
            }
        }));
        return command;
    }

    public static Command Actors()
    {
        var query = new Option<string?>("--query") { Description = "Words in the actor's name or aliases" };
        var command = new Command("actors", "List actors, newest first") { query };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.ListActorsAsync(
                new ListActorsRequest { Query = parse.GetValue(query) ?? string.Empty, PageSize = 200 },
                cancellationToken: cancellation);
            if (output.IsJson)
            {
                output.Json(response);
                return;
            }

            var table = new Table().AddColumns("actor", "kind", "name", "aliases", "stmts");
            foreach (var actor in response.Actors)
            {
                table.AddRow(Output.Escape(actor.ActorId), actor.Kind.ToString(), Output.Escape(actor.Name),
                    Output.Escape(string.Join("; ", actor.Aliases.Where(a => a != actor.Name))), actor.StatementCount
                        .ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }));
        return command;
    }

    public static Command Actor()
    {
        var id = new Argument<string>("actor-id");
        var command = new Command("actor", "Show an actor: aliases (with the reports they came from) and claims") { id };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var actor = await client.GetActorAsync(new GetActorRequest { ActorId = parse.GetValue(id)! }, cancellationToken: cancellation);
            if (output.IsJson)
            {
                output.Json(actor);
                return;
            }

            AnsiConsole.MarkupLine(
                $"[bold]{Output.Escape(actor.Name)}[/] ({actor.Kind}), {actor.StatementCount} statements on {actor.ClaimIds.Count} claims");
            foreach (var sighting in actor.AliasSightings)
            {
                AnsiConsole.MarkupLine($"  “{Output.Escape(sighting.Alias)}” in {Output.Escape(sighting.ReportId)}");
            }

            foreach (var claimId in actor.ClaimIds)
            {
                AnsiConsole.MarkupLine($"  claim {Output.Escape(claimId)}");
            }
        }));
        return command;
    }
}
