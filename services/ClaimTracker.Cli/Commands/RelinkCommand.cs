using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct relink STATEMENT --from CLAIM [--to CLAIM] [--stance S] --reason …: moves a misattached statement.</summary>
internal static class RelinkCommand
{
    public static Command Create()
    {
        var statement = new Argument<string>("statement-id");
        var from = new Option<string>("--from") { Description = "The claim the statement is on now", Required = true };
        var to = new Option<string?>("--to") { Description = "The claim it belongs to (default: a new claim founded on it)" };
        var stance = new Option<string?>("--stance") { Description = "Override the stance: SUPPORTS, CONTRADICTS, OBSERVING or QUERIES" };
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("relink", "Move a statement to another claim, or to a new one")
        {
            statement, from, to, stance,
        });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.RelinkStatementAsync(
                new RelinkStatementRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, StatementId = parse.GetValue(statement)!,
                    FromClaimId = parse.GetValue(from)!, ToClaimId = parse.GetValue(to) ?? string.Empty,
                    Stance = parse.GetValue(stance) ?? string.Empty,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
