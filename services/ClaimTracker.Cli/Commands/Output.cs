using ClaimTracker.V1;
using Google.Protobuf;
using Spectre.Console;

namespace ClaimTracker.Cli.Commands;

/// <summary>Writes results as tables for people or protobuf JSON for scripts.</summary>
internal sealed class Output(bool json, TextWriter? stdout = null, TextWriter? stderr = null)
{
    private readonly TextWriter stdout = stdout ?? Console.Out;
    private readonly TextWriter stderr = stderr ?? Console.Error;

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public bool IsJson => json;

    public void Json(IMessage message) => stdout.WriteLine(Formatter.Format(message));

    public void Error(string message) => stderr.WriteLine("error: " + message);

    public static string StatusMarkup(CorroborationStatus status) => status switch
    {
        CorroborationStatus.Corroborated => "[green]CORROBORATED[/]",
        CorroborationStatus.Contested => "[yellow]CONTESTED[/]",
        CorroborationStatus.Contradicted => "[red]CONTRADICTED[/]",
        CorroborationStatus.Uncorroborated => "[grey]UNCORROBORATED[/]",
        CorroborationStatus.Superseded => "[grey]SUPERSEDED[/]",
        _ => "?",
    };

    /// <summary>Source → intermediaries → speaker, as analysts read an attribution chain.</summary>
    public static string Chain(Statement statement) =>
        string.Join(" → ", new[] { statement.Source }.Concat(statement.Via).Append(statement.Speaker).Where(s => s.Length > 0));

    public static string Escape(string text) => Markup.Escape(text);
}
