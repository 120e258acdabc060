using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct unmerge MERGE-ID --reason …: undoes a merge; both claims come back, with what arrived meanwhile.</summary>
internal static class UnmergeCommand
{
    public static Command Create()
    {
        var mergeId = new Argument<string>("merge-id") { Description = "The correction id of the merge (see ct corrections)" };
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("unmerge", "Undo a merge of two claims") { mergeId });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.UnmergeClaimsAsync(
                new UnmergeClaimsRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, MergeId = parse.GetValue(mergeId)!,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
