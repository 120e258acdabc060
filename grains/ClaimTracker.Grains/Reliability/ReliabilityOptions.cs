namespace ClaimTracker.Grains.Reliability;

/// <summary>Source reliability grades: how fresh the cached grade board is kept, and whether claims weight origins by it.</summary>
public sealed class ReliabilityOptions
{
    public const string SectionName = "Reliability";

    /// <summary>
    /// How old the grade board may get before a read starts recomputing it in the background (only when claims changed
    /// since; overrides set on this silo apply at once).
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a read right after a start waits for the first grade board before it answers without grades (the first
    /// pass reads every claim's record: milliseconds on a small store, minutes at a million claims).
    /// </summary>
    public TimeSpan FirstComputationWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Claims weight their origins by reliability grade (D counts half, E not at all) when judged on a new statement.
    /// Off by default: the status rules stay the plain count of independent origins.
    /// </summary>
    public bool WeightOrigins { get; set; }
}
