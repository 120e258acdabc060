using ClaimTracker.Extraction.Attribution.Ranking;

namespace ClaimTracker.Evaluation;

/// <summary>Plain argument parsing: a subcommand, positional paths and "--name value" options.</summary>
internal static class CommandLine
{
    private const string Usage = """
        usage:
          claimtracker-eval polnear <path-to-polnear> [--split dev|train] [--errors N] [--predictions FILE] [--annotators all|first]
              [--rules yes]
          claimtracker-eval bbc <path-to-bbc.txt> [--repeat N]
          claimtracker-eval liar <path-to-liar-directory>
          claimtracker-eval dump <path-to-article.txt> [--source NAME] [--published yyyy-mm-dd]
          claimtracker-eval train-attribution <path-to-polnear> [--output DIR] [--folds N] [--commit SHA] [--trees N] [--leaves N]
              [--candidates PATH]
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine($"unexpected argument '{args[i]}'");
                error.WriteLine(Usage);
                return 2;
            }

            options[args[i][2..]] = args[++i];
        }

        try
        {
            return args[0] switch
            {
                "polnear" => PolnearCommand.Run(
                    args[1],
                    options.GetValueOrDefault("split", "dev"),
                    Int(options, "errors", 0),
                    output,
                    options.GetValueOrDefault("predictions"),
                    options.GetValueOrDefault("annotators", "all"),
                    options.GetValueOrDefault("rules", "no") == "yes"),
                "bbc" => BbcCommand.Run(args[1], Int(options, "repeat", 1), output),
                "liar" => LiarCommand.Run(args[1], output),
                "train-attribution" => TrainAttributionCommand.Run(
                    args[1], options.GetValueOrDefault("output", "grains/ClaimTracker.Extraction/Models"), Int(options, "folds", 5),
                    options.GetValueOrDefault("commit", "unknown"),
                    new AttributionFilterOptions(Trees: Int(options, "trees", 100), Leaves: Int(options, "leaves", 16)), output,
                    options.GetValueOrDefault("candidates")),
                "dump" => DumpCommand.Run(args[1], options.GetValueOrDefault("source"), options.GetValueOrDefault("published"), output),
                _ => Unknown(args[0], error),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static int Unknown(string command, TextWriter error)
    {
        error.WriteLine($"unknown command '{command}'");
        error.WriteLine(Usage);
        return 2;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback)
        => options.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
