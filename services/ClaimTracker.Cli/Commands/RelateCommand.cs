using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct relate SUBJECT RELATION OBJECT --reason … [--remove]: REFINES, SUPERSEDES or SCOPE_DIFFERS.</summary>
internal static class RelateCommand
{
    public static Command Create()
    {
        var subject = new Argument<string>("subject-claim-id");
        var relation = new Argument<ClaimRelationKind>("relation") { Description = "REFINES, SUPERSEDES or SCOPE_DIFFERS" };
        var target = new Argument<string>("object-claim-id");
        var remove = new Option<bool>("--remove") { Description = "End the relation instead of recording it" };
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("relate", "Relate two claims (a newer figure, a refinement, another scope)")
        {
            subject, relation, target, remove,
        });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var (id, analyst, reason) = (options.CorrectionId(parse), parse.GetValue(options.Analyst)!, parse.GetValue(options.Reason)!);
            var response = parse.GetValue(remove)
                ? await client.UnrelateClaimsAsync(
                    new UnrelateClaimsRequest
                    {
                        CorrectionId = id, Analyst = analyst, Reason = reason, SubjectClaimId = parse.GetValue(subject)!,
                        Relation = parse.GetValue(relation), ObjectClaimId = parse.GetValue(target)!,
                    },
                    cancellationToken: cancellation)
                : await client.RelateClaimsAsync(
                    new RelateClaimsRequest
                    {
                        CorrectionId = id, Analyst = analyst, Reason = reason, SubjectClaimId = parse.GetValue(subject)!,
                        Relation = parse.GetValue(relation), ObjectClaimId = parse.GetValue(target)!,
                    },
                    cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
