using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct retract REPORT --reason …: the outlet retracted the report; its statements stop counting.</summary>
internal static class RetractCommand
{
    public static Command Create()
    {
        var report = new Argument<string>("report-id");
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("retract", "Record an outlet's retraction of a report") { report });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var response = await client.RetractReportAsync(
                new RetractReportRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, ReportId = parse.GetValue(report)!,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
