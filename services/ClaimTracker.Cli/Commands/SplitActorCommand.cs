using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>
/// ct split-actor ACTOR ALIAS [--to ACTOR] --reason …: the alias, with the statements made under it, moves to another actor
/// (or a new one named after it); later reports bind the alias there.
/// </summary>
internal static class SplitActorCommand
{
    public static Command Create()
    {
        var actor = new Argument<string>("actor-id") { Description = "The actor the alias is on now" };
        var alias = new Argument<string>("alias") { Description = "The alias to move, as the actor lists it" };
        var to = new Option<string?>("--to") { Description = "The actor it belongs to (default: a new actor named after the alias)" };
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("split-actor", "Move an alias and its statements to another actor, or to a new one")
        {
            actor, alias, to,
        });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.SplitActorAsync(
                new SplitActorRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, ActorId = parse.GetValue(actor)!, Alias = parse.GetValue(alias)!,
                    ToActorId = parse.GetValue(to) ?? string.Empty,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
