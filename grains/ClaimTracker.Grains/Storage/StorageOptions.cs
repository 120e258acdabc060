namespace ClaimTracker.Grains.Storage;

public enum StorageMode
{
    /// <summary>One SQLite file in <see cref="StorageOptions.DataDirectory"/>; localhost clustering.</summary>
    Embedded = 0,
}

/// <summary>Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageMode Mode { get; set; } = StorageMode.Embedded;

    /// <summary>Where the embedded database lives (created if missing).</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>How often each silo looks for journal entries written elsewhere; local appends wake it at once.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "claimtracker.db"));
}
