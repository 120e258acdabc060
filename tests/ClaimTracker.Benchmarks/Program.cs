using ClaimTracker.Benchmarks;
using ClaimTracker.Benchmarks.Scenarios;

var options = BenchOptions.Parse(args);
if (options.Scenario == "watch-clients")
{
    // Scenario 4's watchers, started by the benchmark itself in a process of their own.
    await WatchClientsProcess.RunChildAsync(options.Address!, options.Watchers, options.Capacity, options.ReportSize, options.OutPath!);
    return 0;
}

Console.WriteLine($"ClaimTracker benchmarks, {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
switch (options.Scenario)
{
    case "ingest":
        await IngestScenario.RunAsync(options);
        break;
    case "ingest-pg":
        await PostgresIngestScenario.RunAsync(options);
        break;
    case "feed-pg":
        await FeedSequencerScenario.RunAsync(options);
        break;
    case "text":
        await TextIngestScenario.RunAsync(options);
        break;
    case "encoder":
        await EncoderBatchScenario.RunAsync(options);
        break;
    case "retrieval":
        await RetrievalScenario.RunAsync(options);
        break;
    case "history":
        await HistoryScenario.RunAsync(options);
        break;
    case "as-of":
        await AsOfScenario.RunAsync(options);
        break;
    case "watch":
        await WatchScenario.RunAsync(options);
        break;
    case "stall":
        await StalledWatcherScenario.RunAsync(options);
        break;
    case "memory":
        await MemoryScenario.RunAsync(options);
        break;
    case "startup":
        await StartupScenario.RunAsync(options);
        break;
    case "scaling":
        await ScalingScenario.RunAsync(options);
        break;
    case "reads":
        await ReadScenario.RunAsync(options);
        break;
    case "echo-server":
        await EchoHost.RunForeverAsync(options.Port);
        break;
    case "smoke":
        // Proves the benchmarks still run (CI): short versions of 1, 3, 4 and 6; never fails on speed. The watch run has more
        // watchers than one caller may open by default, as the full scenario does.
        await IngestScenario.RunAsync(options with { Seconds = 3, Clients = 16, WarmupSeconds = 1, WarmupMaxSeconds = 1 });
        await HistoryScenario.RunAsync(options with { Sizes = [10, 200], Appends = 50 });
        await WatchScenario.RunAsync(
            options with { Watchers = 40, EventsPerSecond = 200, Seconds = 2, WarmupSeconds = 1, Baseline = false });
        await StartupScenario.RunAsync(options with { Repeats = 1 });
        break;
    default:
        Console.Error.WriteLine(
            "usage: dotnet run -c Release --project tests/ClaimTracker.Benchmarks -- "
            + "<ingest|ingest-pg|feed-pg|text|encoder|retrieval|history|as-of|watch|stall|memory|startup|scaling|reads|smoke> "
            + "[--seconds N] [--clients N] [--bbc PATH] [--claims N]");
        return 2;
}

return 0;
