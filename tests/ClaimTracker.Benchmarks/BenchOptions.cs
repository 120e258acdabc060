using System.Globalization;
using ClaimTracker.Grains.Linking;

namespace ClaimTracker.Benchmarks;

public sealed record BenchOptions
{
    public string Scenario { get; init; } = "";
    public int Seconds { get; init; } = 10;
    public int Clients { get; init; } = 64;
    public int StatementsPerReport { get; init; } = 5;
    public int Claims { get; init; } = 100_000;
    public int[] Sizes { get; init; } = [10, 1000, 10_000];
    public int Appends { get; init; } = 300;
    public int Repeats { get; init; } = 3;
    public int Watchers { get; init; } = 100;
    public int EventsPerSecond { get; init; } = 1000;
    public int ReportSize { get; init; } = 10;
    public string Source { get; init; } = "grains";
    public string WatchClients { get; init; } = "process";
    public string? Address { get; init; }
    public int Capacity { get; init; }
    public string? OutPath { get; init; }
    public string? ServerDll { get; init; }
    public bool Baseline { get; init; } = true;
    public int WarmupSeconds { get; init; } = 5;
    public int Port { get; init; } = 5099;
    public string? BbcPath { get; init; }
    public int Articles { get; init; } = 300;
    public bool GcLog { get; init; }
    public bool Settle { get; init; } = true;
    public int AllocationTypes { get; init; }

    /// <summary>How many of the frames that allocate most to print (0: none); see <see cref="Benchmarks.AllocationStacks"/>.</summary>
    public int AllocationStacks { get; init; }
    public int JitMethods { get; init; }
    public int WarmupMaxSeconds { get; init; } = 60;
    public int JitSettledRate { get; init; } = 20;
    public int[] Writers { get; init; } = [1, 4, 16];
    public int[] AppendsPerTransaction { get; init; } = [1, 64];
    /// <summary>A data directory to keep and reuse between runs (the reads scenario fills only what it lacks).</summary>
    public string? DataDirectory { get; init; }
    public int BatchSize { get; init; } = 100;
    public int BatchClients { get; init; } = 4;
    /// <summary>ingest-pg: profile the database's statements with pg_stat_statements (which costs some of its CPU).</summary>
    public bool PostgresStatements { get; init; }

    /// <summary>ingest-pg: PostgreSQL server settings (<c>name=value</c>) on top of the throwaway server's, one per
    /// <c>--pg-setting</c>, to measure a configuration.</summary>
    public string[] PostgresSettings { get; init; } = [];

    /// <summary>ingest-pg: more arguments for the throwaway server's initdb (<c>--pg-initdb "--locale-provider=icu
    /// --icu-locale=en-US"</c>: databases that collate text by a language's rules, as many installations do).</summary>
    public string PostgresInitdb { get; init; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Scenario = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            int[] Ints() => value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Int() },
                "--clients" => options with { Clients = Int() },
                "--statements" => options with { StatementsPerReport = Int() },
                "--claims" => options with { Claims = Int() },
                "--sizes" => options with { Sizes = value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() },
                "--appends" => options with { Appends = Int() },
                "--repeats" => options with { Repeats = Int() },
                "--watchers" => options with { Watchers = Int() },
                "--rate" => options with { EventsPerSecond = Int() },
                "--report-size" => options with { ReportSize = Int() },
                "--source" => options with { Source = value },
                "--watch-clients" => options with { WatchClients = value },
                "--address" => options with { Address = value },
                "--capacity" => options with { Capacity = Int() },
                "--out" => options with { OutPath = value },
                "--server-dll" => options with { ServerDll = value },
                "--warmup" => options with { WarmupSeconds = Int() },
                "--baseline" => options with { Baseline = value != "off" },
                "--port" => options with { Port = Int() },
                "--bbc" => options with { BbcPath = value },
                "--articles" => options with { Articles = Int() },
                "--gc-log" => options with { GcLog = value != "off" },
                "--settle" => options with { Settle = value != "off" },
                "--alloc-types" => options with { AllocationTypes = Int() },
                "--alloc-stacks" => options with { AllocationStacks = Int() },
                "--jit-methods" => options with { JitMethods = Int() },
                "--warmup-max" => options with { WarmupMaxSeconds = Int() },
                "--jit-settled" => options with { JitSettledRate = Int() },
                "--writers" => options with { Writers = Ints() },
                "--per-transaction" => options with { AppendsPerTransaction = Ints() },
                "--db" => options with { DataDirectory = value },
                "--batch" => options with { BatchSize = Int() },
                "--batch-clients" => options with { BatchClients = Int() },
                "--pg-statements" => options with { PostgresStatements = value != "off" },
                "--pg-setting" => options with { PostgresSettings = [.. options.PostgresSettings, value] },
                "--pg-initdb" => options with { PostgresInitdb = value },
                "--text-clients" => options with { TextClients = Int() },
                "--rounds" => options with { TextRounds = Int() },
                "--scorer" => options with { Scorer = Enum.Parse<LinkingScorer>(value, ignoreCase: true) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    /// <summary>Concurrent clients of the text scenario; 0: as many as the server keeps in flight for a RegisterReports batch
    /// (Ingest:BatchConcurrency).</summary>
    public int TextClients { get; init; }

    /// <summary>
    /// Rounds of the text scenario: the articles are cut into this many slices, and each slice is encoded by the raw encoder and
    /// then ingested by the server, one right after the other, so that the ratio compares runs made seconds apart rather than
    /// minutes. 1 with <c>--alloc-stacks</c> (whose sampling would otherwise see the raw encoder too).
    /// </summary>
    public int TextRounds { get; init; } = 3;

    /// <summary>What decides linking in the text scenario (the server's <c>Matching:Scorer</c>), to compare the two.</summary>
    public LinkingScorer Scorer { get; init; } = new MatchingOptions().Scorer;
}
