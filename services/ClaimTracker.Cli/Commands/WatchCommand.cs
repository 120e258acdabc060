using System.CommandLine;
using ClaimTracker.V1;
using ClaimTracker.V1.Client;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary><c>watch</c>: prints claim changes live, reconnecting with its last cursor when the connection drops.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var claims = new Option<string[]>("--claim") {
            Description = "Claim ids to watch (repeatable; default all)",
            AllowMultipleArgumentsPerToken = true };
        var actors = new Option<string[]>("--actor") {
            Description = "Actor ids whose claims to watch (repeatable)",
            AllowMultipleArgumentsPerToken = true };
        var statuses = new Option<CorroborationStatus[]>("--status") {
            Description = "Only changes leaving a claim in this status (repeatable)",
            AllowMultipleArgumentsPerToken = true };
        var cursor = new Option<string?>("--cursor") { Description = "Resume after this event's cursor (default: live only)" };
        var snapshot = new Option<bool>("--snapshot") {
            Description = "First every matching claim's current state, then live changes (not with --cursor)" };
        var plain = new Option<bool>("--plain") {
            Description = "One line per change instead of the live table (the default when output is piped)" };
        var command = new Command("watch", "Show claim changes as they happen: a live table in a terminal, one line per change otherwise") {
            claims,
            actors,
            statuses,
            cursor,
            snapshot,
            plain };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var request = new WatchClaimsRequest
            {
                Cursor = parse.GetValue(cursor) ?? string.Empty,
                IncludeSnapshot = parse.GetValue(snapshot),
            };
            request.ClaimIds.Add(parse.GetValue(claims) ?? []);
            request.ActorIds.Add(parse.GetValue(actors) ?? []);
            request.Statuses.Add(parse.GetValue(statuses) ?? []);
            var watch = new ResumingWatch(client)
            {
                Reconnecting = (error, delay) => Console.Error
                    .WriteLine($"connection lost ({error.Message}); resuming in {delay.TotalSeconds:0.0}s"),
            };
            try
            {
                if (!output.IsJson && !parse.GetValue(plain) && !Console.IsOutputRedirected)
                {
                    await WatchTable.RunAsync(watch.WatchAsync(request, cancellation), cancellation);
                    return;
                }

                await foreach (var claimEvent in watch.WatchAsync(request, cancellation))
                {
                    if (output.IsJson)
                    {
                        output.Json(claimEvent);
                        continue;
                    }

                    var what = claimEvent.Kind switch
                    {
                        ClaimEventKind.ClaimSnapshot => $"now {Output.StatusMarkup(claimEvent.Claim.Status)}",
                        ClaimEventKind.StatusChanged => $"{Output.StatusMarkup(claimEvent.PreviousStatus)} → " +
                            $"{Output.StatusMarkup(claimEvent.Claim.Status)}",
                        _ => $"{claimEvent.Kind} by {Output.Escape(claimEvent.Statement?.Speaker ?? "?")} " +
                            $"({claimEvent.Statement?.Stance}) now {Output.StatusMarkup(claimEvent.Claim.Status)}",
                    };
                    AnsiConsole.MarkupLine($"[grey]{Output.Escape(claimEvent.Cursor)}[/] {Output.Escape(claimEvent.Claim.ClaimId)} " +
                        $"{what}: {Output.Escape(IngestCommand.Shorten(claimEvent.Claim.Text, 60))}");
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
            }
        }));
        return command;
    }
}
