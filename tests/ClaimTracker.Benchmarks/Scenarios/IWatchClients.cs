namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>Scenario 4's watching clients, in this process or in one of their own.</summary>
internal interface IWatchClients : IAsyncDisposable
{
    /// <summary>Statement events received so far, across watchers.</summary>
    long Received { get; }

    /// <summary>CPU seconds the clients used, when they run in a process of their own.</summary>
    double? CpuSeconds { get; }

    /// <summary>Hangs up and returns the receipt timestamps: [watcher][statement number], 0 = not received.</summary>
    Task<long[][]> StopAsync();
}
