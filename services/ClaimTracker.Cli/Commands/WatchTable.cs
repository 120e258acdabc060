using System.Globalization;
using ClaimTracker.V1;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>The terminal view of <c>watch</c>: the most recently changed claims, redrawn in place as events arrive.</summary>
internal static class WatchTable
{
    private const int Rows = 20;

    public static async Task RunAsync(IAsyncEnumerable<ClaimEvent> events, CancellationToken cancellation)
    {
        // Newest change first; a claim that changes again moves back to the top.
        var recent = new List<ClaimEvent>();
        var received = 0;
        await AnsiConsole.Live(Render(recent, received, null)).AutoClear(false).StartAsync(async context =>
        {
            await foreach (var claimEvent in events.WithCancellation(cancellation))
            {
                received++;
                recent.RemoveAll(e => e.Claim.ClaimId == claimEvent.Claim.ClaimId);
                recent.Insert(0, claimEvent);
                if (recent.Count > Rows)
                {
                    recent.RemoveAt(recent.Count - 1);
                }

                context.UpdateTarget(Render(recent, received, claimEvent.Cursor));
            }
        });
    }

    private static Table Render(List<ClaimEvent> recent, int received, string? cursor)
    {
        var table = new Table()
            .Title($"claim changes: {received.ToString(CultureInfo.InvariantCulture)} " +
                $"received{(cursor is null ? ", waiting" : ", last cursor " + cursor)}")
            .AddColumns("when (UTC)", "claim", "status", "cred.", "stmts", "last change", "text");
        foreach (var e in recent)
        {
            var change = e.Kind switch
            {
                ClaimEventKind.StatusChanged => $"{Output.StatusMarkup(e.PreviousStatus)} → {Output.StatusMarkup(e.Claim.Status)}",
                ClaimEventKind.ClaimSnapshot => "current state",
                _ => $"{Output.Escape(e.Kind.ToString())}: {Output.Escape(e.Statement?.Speaker ?? "?")} ({e.Statement?.Stance})",
            };
            table.AddRow(
                e.OccurredAt?.ToDateTimeOffset().ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                Output.Escape(e.Claim.ClaimId),
                Output.StatusMarkup(e.Claim.Status),
                e.Claim.Credibility.ToString(CultureInfo.InvariantCulture),
                e.Claim.StatementCount.ToString(CultureInfo.InvariantCulture),
                change,
                Output.Escape(IngestCommand.Shorten(e.Claim.Text, 60)));
        }

        return table;
    }
}
