using System.CommandLine;
using System.Globalization;
using ClaimTracker.V1;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>
/// timeline: how a claim spread, in publication order: who carried it from whom, when each origin spoke, where it turned.
/// </summary>
internal static class TimelineCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("claim-id");
        var limit = new Option<int>("--limit") { Description = "How many statements to show", DefaultValueFactory = _ => 200 };
        var command = new Command("timeline", "Show a claim's statements in publication order and where its status turned") { id, limit };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var wanted = parse.GetValue(limit);
            if (wanted <= 0)
            {
                throw new ArgumentException("--limit must be positive");
            }

            var request = new GetClaimTimelineRequest { ClaimId = parse.GetValue(id)! };
            ClaimTimeline? timeline = null;
            do
            {
                request.PageSize = Math.Min(1000, wanted - (timeline?.Entries.Count ?? 0));
                var page = await client.GetClaimTimelineAsync(request, cancellationToken: cancellation);
                if (timeline is null)
                {
                    timeline = page;
                }
                else
                {
                    timeline.Entries.Add(page.Entries);
                    timeline.NextPageToken = page.NextPageToken;
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && timeline.Entries.Count < wanted);

            if (output.IsJson)
            {
                output.Json(timeline);
                return;
            }

            Print(timeline);
        }));
        return command;
    }

    private static void Print(ClaimTimeline timeline)
    {
        AnsiConsole.MarkupLine($"[bold]{Output.Escape(timeline.Text)}[/]");
        var first = timeline.FirstAppearance;
        AnsiConsole.MarkupLine($"first appeared {HistoryCommand.Time(first.At)} in {Output.Escape(first.Outlet)} " +
            $"({Output.Escape(string.Join(" → ", first.Chain))}); now {Output.StatusMarkup(timeline.Status)}");
        var table = new Table().AddColumns("published", "outlet", "picked up from", "origin", "stance", "status");
        foreach (var entry in timeline.Entries)
        {
            var status = entry.StatusTurned ? "→ " + Output.StatusMarkup(entry.StatusAfter) : string.Empty;
            var origin = entry.Origin + (entry.OriginFirstSpoke ? " (first)" : string.Empty);
            table.AddRow(
                Output.Escape(HistoryCommand.Time(entry.At)),
                Output.Escape(entry.Outlet),
                Output.Escape(entry.PickedUpFrom),
                Output.Escape(origin),
                entry.Stance.ToString(),
                status);
        }

        AnsiConsole.Write(table);
        foreach (var turn in timeline.Turns)
        {
            var from = turn.From == CorroborationStatus.Unspecified ? "first appearance" : Output.StatusMarkup(turn.From);
            AnsiConsole.MarkupLine($"{HistoryCommand.Time(turn.At)}  {from} → {Output.StatusMarkup(turn.To)}" +
                $"  ({Output.Escape(turn.Origin)} in {Output.Escape(turn.Outlet)})");
        }

        AnsiConsole.MarkupLine(
            $"{timeline.Origins.Count.ToString(CultureInfo.InvariantCulture)} origins, {timeline.StatementCount} statements");
    }
}
