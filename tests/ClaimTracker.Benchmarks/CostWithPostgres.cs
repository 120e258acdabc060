namespace ClaimTracker.Benchmarks;

/// <summary><see cref="ProcessCost"/> over a measured window, plus the CPU a local PostgreSQL server spent in it.</summary>
internal sealed class CostWithPostgres
{
    private readonly int postmasterPid;
    private readonly TimeSpan postgresBefore;
    private readonly ProcessCost process;

    private CostWithPostgres(int postmasterPid)
    {
        this.postmasterPid = postmasterPid;
        // Read /proc outside the process's window so that the scan is not counted as work.
        postgresBefore = PostgresCpu.Used(postmasterPid);
        process = ProcessCost.Start();
    }

    public static CostWithPostgres Start(int postmasterPid) => new(postmasterPid);

    public Spent Stop()
    {
        var spent = process.Stop();
        return new Spent(spent, (PostgresCpu.Used(postmasterPid) - postgresBefore).TotalSeconds);
    }

    public sealed record Spent(ProcessCost.Spent Process, double PostgresCpuSeconds)
    {
        public string PerUnit(long units, string unit) =>
            $"{Process.PerUnit(units, unit)}; PostgreSQL {PostgresCpuSeconds / units * 1e6:N0} µs CPU per {unit} " +
                $"({PostgresCpuSeconds / Process.Seconds:0.00} of {Environment.ProcessorCount} cores)";
    }
}
