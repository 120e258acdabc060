using System.Globalization;
using ClaimTracker.Cli.Commands;
using Spectre.Console;

// Piped output has no terminal to measure: honour COLUMNS (as `COLUMNS=120 claimtracker claims | less` expects).
if (Console.IsOutputRedirected
    && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns)
    && columns >= 40)
{
    AnsiConsole.Profile.Width = columns;
}

return await CliApp.InvokeAsync(args);
