using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct merge-actors SOURCE TARGET --reason …: every alias of the source, with its statements, moves to the target.</summary>
internal static class MergeActorsCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source-actor-id") { Description = "The actor merged away" };
        var target = new Argument<string>("target-actor-id") { Description = "The actor that survives" };
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("merge-actors", "Merge two actors that are one (split-actor gives an alias back)")
        {
            source, target,
        });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.MergeActorsAsync(
                new MergeActorsRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, SourceActorId = parse.GetValue(source)!,
                    TargetActorId = parse.GetValue(target)!,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
