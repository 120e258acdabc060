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

    /// <summary>The outlet's and the origin's reliability grades as analysts write them: "Reuters B, Kremlin D".</summary>
    public static string Grades(Statement statement)
    {
        var grades = new List<string>(2);
        if (statement.OutletGrade.Length > 0)
        {
            grades.Add($"{statement.Source} {statement.OutletGrade}");
        }

        if (statement.OriginGrade.Length > 0 && statement.OriginName != statement.Source)
        {
            grades.Add($"{statement.OriginName} {statement.OriginGrade}");
        }

        return string.Join(", ", grades);
    }

    public static string Escape(string text) => Markup.Escape(text);
}
