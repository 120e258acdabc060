using System.CommandLine;
using System.Globalization;
using ClaimTracker.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>
/// history: a claim's versions (what each statement changed, where the status turned), or the claim as it stood at a
/// time or version; with --actor, an actor's aliases and statements over time.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "A claim id (an actor id with --actor)" };
        var actor = new Option<bool>("--actor") { Description = "The id is an actor's: show its aliases and statements over time" };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "Show the claim or actor as it stood at this time (ISO 8601)" };
        var version = new Option<long?>("--version") { Description = "Show the claim or actor as it stood at this version" };
        var statusChanges = new Option<bool>("--status-changes") { Description = "Only the versions where the status turned" };
        var limit = new Option<int>("--limit") { Description = "How many versions to show", DefaultValueFactory = _ => 100 };
        var command = new Command("history", "Show how a claim (or, with --actor, an actor) changed, or how it stood at a time or version")
        {
            id, actor, asOf, version, statusChanges, limit,
        };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var at = parse.GetValue(asOf);
            var atVersion = parse.GetValue(version);
            if (at is not null && atVersion is not null)
            {
                throw new ArgumentException("--as-of and --version are alternatives: give one of them");
            }

            var wanted = parse.GetValue(limit);
            if (wanted <= 0)
            {
                throw new ArgumentException("--limit must be positive");
            }

            var asOfTimestamp = at is { } time ? Timestamp.FromDateTimeOffset(time) : null;
            if (parse.GetValue(actor))
            {
                if (asOfTimestamp is not null || atVersion is not null)
                {
                    var then = await client.GetActorAsync(
                        new GetActorRequest { ActorId = parse.GetValue(id)!, AsOf = asOfTimestamp, Version = atVersion ?? 0 },
                        cancellationToken: cancellation);
                    PrintActor(then, output);
                    return;
                }

                await PrintActorHistoryAsync(client, parse.GetValue(id)!, wanted, output, cancellation);
                return;
            }

            if (asOfTimestamp is not null || atVersion is not null)
            {
                var claim = await client.GetClaimAsync(
                    new GetClaimRequest { ClaimId = parse.GetValue(id)!, AsOf = asOfTimestamp, Version = atVersion ?? 0 },
                    cancellationToken: cancellation);
                PrintClaim(claim, output);
                return;
            }

            await PrintClaimHistoryAsync(client, parse.GetValue(id)!, parse.GetValue(statusChanges), wanted, output, cancellation);
        }));
        return command;
    }

    private static async Task PrintClaimHistoryAsync(
        ClaimTracker.V1.ClaimTracker.ClaimTrackerClient client,
        string claimId,
        bool statusChangesOnly,
        int wanted,
        Output output,
        CancellationToken cancellation)
    {
        var request = new GetClaimHistoryRequest { ClaimId = claimId, StatusChangesOnly = statusChangesOnly };
        var all = new GetClaimHistoryResponse { ClaimId = claimId };
        do
        {
            request.PageSize = Math.Min(500, wanted - all.Versions.Count);
            var page = await client.GetClaimHistoryAsync(request, cancellationToken: cancellation);
            all.Versions.Add(page.Versions);
            all.LatestVersion = page.LatestVersion;
            request.PageToken = all.NextPageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && all.Versions.Count < wanted);

        if (output.IsJson)
        {
            output.Json(all);
            return;
        }

        var table = new Table().AddColumns("version", "recorded", "status", "what changed");
        foreach (var version in all.Versions)
        {
            table.AddRow(
                version.Version.ToString(CultureInfo.InvariantCulture),
                Output.Escape(Time(version.RecordedAt)),
                Output.StatusMarkup(version.Status),
                Output.Escape(string.Join("\n", version.Changes)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{all.Versions.Count} of {all.LatestVersion} versions");
    }

    private static async Task PrintActorHistoryAsync(
        ClaimTracker.V1.ClaimTracker.ClaimTrackerClient client, string actorId, int wanted, Output output, CancellationToken cancellation)
    {
        var request = new GetActorHistoryRequest { ActorId = actorId };
        var all = new GetActorHistoryResponse { ActorId = actorId };
        do
        {
            request.PageSize = Math.Min(500, wanted - all.Versions.Count);
            var page = await client.GetActorHistoryAsync(request, cancellationToken: cancellation);
            all.Versions.Add(page.Versions);
            request.PageToken = all.NextPageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && all.Versions.Count < wanted);

        if (output.IsJson)
        {
            output.Json(all);
            return;
        }

        var table = new Table().AddColumns("version", "recorded", "report", "event");
        foreach (var version in all.Versions)
        {
            var what = string.Join("\n", version.ReportAliases
                .Select(alias => (version.NewAlias ? "new alias “" : "seen as “") + alias + "”")
                .Concat(version.Statements.Select(s => $"statement {s.StatementId} on claim {s.ClaimId}")));
            what = what.Length > 0 ? what : "correction (aliases moved or merged)";
            table.AddRow(
                version.Version.ToString(CultureInfo.InvariantCulture),
                Output.Escape(Time(version.RecordedAt)),
                Output.Escape(version.ReportId),
                Output.Escape(what));
        }

        AnsiConsole.Write(table);
    }

    private static void PrintClaim(Claim claim, Output output)
    {
        if (output.IsJson)
        {
            output.Json(claim);
            return;
        }

        AnsiConsole.MarkupLine($"[bold]{Output.Escape(claim.Text)}[/]  (version {claim.Version}, as of {Time(claim.UpdatedAt)})");
        AnsiConsole.MarkupLine($"{Output.StatusMarkup(claim.Status)}  credibility {claim.Credibility}  {claim.StatementCount} statements");
        foreach (var reason in claim.StatusReasons)
        {
            AnsiConsole.MarkupLine($"  • {Output.Escape(reason)}");
        }

        foreach (var statement in claim.Statements)
        {
            AnsiConsole.MarkupLine($"  {statement.Stance,-12} {Output.Escape(Output.Chain(statement))}");
        }
    }

    private static void PrintActor(Actor actor, Output output)
    {
        if (output.IsJson)
        {
            output.Json(actor);
            return;
        }

        AnsiConsole.MarkupLine($"[bold]{Output.Escape(actor.Name)}[/] ({actor.Kind}), {actor.StatementCount} statements then");
        AnsiConsole.MarkupLine($"  aliases: {Output.Escape(string.Join("; ", actor.Aliases))}");
    }

    public static string Time(Timestamp? time) =>
        time?.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "?";
}
