namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// The unmeasured warm-up before a closed loop (the JIT's tiers, connections, activations), bounded by
/// --warmup, --warmup-max and --jit-settled; says how long it took.
/// </summary>
internal sealed class ScenarioWarmUp(BenchOptions options)
{
    private TimeSpan Minimum => TimeSpan.FromSeconds(options.WarmupSeconds);

    private TimeSpan Maximum => TimeSpan.FromSeconds(Math.Max(options.WarmupSeconds, options.WarmupMaxSeconds));

    public string Description
        => $"a warm-up of {Minimum.TotalSeconds}–{Maximum.TotalSeconds} s (until the JIT compiles < {options.JitSettledRate} methods/s)";

    public async Task RunAsync(string what, Func<int, long, Task> call)
    {
        var (spent, rate) = await Measure.WarmUpAsync(options.Clients, Minimum, Maximum, options.JitSettledRate, call);
        Console.WriteLine($"{what} warm-up: {spent.TotalSeconds:0} s, JIT then at {rate:0} methods/s");
    }
}
