using System.CommandLine;
using System.Globalization;
using ClaimTracker.V1;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>What every correction command asks for (who, why, an idempotency key) and how it prints the recorded correction.</summary>
internal sealed class CorrectionOptions
{
    public Option<string> Analyst { get; } = new("--analyst")
    {
        Description = "Who makes the correction (or CLAIMTRACKER_ANALYST; default: the user name)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CLAIMTRACKER_ANALYST") ?? Environment.UserName,
    };

    public Option<string> Reason { get; } = new("--reason") { Description = "Why: it goes on the record", Required = true };

    public Option<string?> Id { get; } = new("--correction-id")
    {
        Description = "Idempotency key: repeating a command with the same id changes nothing (default: a new id)",
    };

    public Command AddTo(Command command)
    {
        command.Options.Add(Analyst);
        command.Options.Add(Reason);
        command.Options.Add(Id);
        return command;
    }

    public string CorrectionId(ParseResult parse) => parse.GetValue(Id) ?? "cli-" + Guid.NewGuid().ToString("N");

    public static void Print(Output output, Correction correction)
    {
        if (output.IsJson)
        {
            output.Json(correction);
            return;
        }

        AnsiConsole.MarkupLine($"[green]{Output.Escape(correction.Summary)}[/]");
        var at = correction.RecordedAt.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine(
            $"correction {Output.Escape(correction.CorrectionId)} by {Output.Escape(correction.Analyst)} at {at}: "
            + Output.Escape(correction.Reason));
    }
}
