using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>
/// ct merge SOURCE TARGET --reason …: the source claim's statements join the target; the source id answers with the target.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source-claim-id") { Description = "The claim merged away" };
        var target = new Argument<string>("target-claim-id") { Description = "The claim that survives" };
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("merge", "Merge two claims that state the same proposition") { source, target });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.MergeClaimsAsync(
                new MergeClaimsRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, SourceClaimId = parse.GetValue(source)!,
                    TargetClaimId = parse.GetValue(target)!,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
