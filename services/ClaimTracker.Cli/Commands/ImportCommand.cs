using System.CommandLine;
using ClaimTracker.V1;

namespace ClaimTracker.Cli.Commands;

/// <summary><c>import stix &lt;bundle&gt;</c>: registers a STIX 2.1 bundle's reports and statements; lists what did not map.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import reports and statements from other tools");
        command.Subcommands.Add(Stix());
        return command;
    }

    private static Command Stix()
    {
        var bundle = new Argument<string>("bundle") { Description = "A STIX 2.1 bundle (.json)" };
        var command = new Command("stix", "Register the reports of a STIX 2.1 bundle (idempotent by STIX id)") { bundle };
        command.SetAction((parse, cancellation) => CliApp.RunAsync(parse, async (client, output) =>
        {
            var path = parse.GetValue(bundle)!;
            if (!File.Exists(path))
            {
                throw new ArgumentException($"no such file: {path}");
            }

            var request = new ImportStixRequest { BundleJson = await File.ReadAllTextAsync(path, cancellation) };
            var response = await client.ImportStixAsync(request, cancellationToken: cancellation);
            if (output.IsJson)
            {
                output.Json(response);
                return;
            }

            Console.WriteLine($"imported {response.ImportedReportIds.Count} reports ({response.StatementsImported} statements); " +
                $"{response.AlreadyPresentReportIds.Count} already present; {response.Unmapped.Count} objects not mapped");
            foreach (var unmapped in response.Unmapped)
            {
                Console.WriteLine($"  not mapped: {unmapped.Type} {unmapped.Id}: {unmapped.Reason}");
            }
        }));
        return command;
    }
}
