using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary>ct correct REPORT FILE --reason …: the outlet's corrected text becomes the report's next revision.</summary>
internal static class CorrectCommand
{
    public static Command Create()
    {
        var report = new Argument<string>("report-id");
        var path = new Argument<string>("path") { Description = "The corrected article (.txt)" };
        var title = new Option<string?>("--title") { Description = "The corrected title (default: the file name)" };
        var url = new Option<string?>("--url");
        var options = new CorrectionOptions();
        var command = options.AddTo(new Command("correct", "Record an outlet's correction of a report as a new revision")
        {
            report, path, title, url,
        });
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var file = parse.GetValue(path)!;
            var response = await client.CorrectReportAsync(
                new CorrectReportRequest
                {
                    CorrectionId = options.CorrectionId(parse), Analyst = parse.GetValue(options.Analyst)!,
                    Reason = parse.GetValue(options.Reason)!, ReportId = parse.GetValue(report)!,
                    Text = await File.ReadAllTextAsync(file, cancellation),
                    Title = parse.GetValue(title) ?? Path.GetFileNameWithoutExtension(file),
                    Url = parse.GetValue(url) ?? string.Empty,
                },
                cancellationToken: cancellation);
            CorrectionOptions.Print(output, response.Correction);
        }));
        return command;
    }
}
