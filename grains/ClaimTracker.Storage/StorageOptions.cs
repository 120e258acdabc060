namespace ClaimTracker.Storage;

public enum StorageMode
{
    /// <summary>One SQLite file in <see cref="StorageOptions.DataDirectory"/>; localhost clustering.</summary>
    Embedded = 0,

    /// <summary>
    /// Cluster mode: several silo processes share one PostgreSQL database (<see cref="StorageOptions.ConnectionString"/>)
    /// for the journal, the claim feed, reports, projections and Orleans ADO.NET clustering.
    /// </summary>
    Postgres = 1,
}

/// <summary>Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageMode Mode { get; set; } = StorageMode.Embedded;

    /// <summary>Where the embedded database lives (created if missing).</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// The PostgreSQL connection string (Npgsql format) for <see cref="StorageMode.Postgres"/>;
    /// usually from the environment, <c>Storage__ConnectionString</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often each silo looks for journal entries written elsewhere; local appends wake it at once.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How many of the newest feed entries each silo keeps in memory while it has a watcher, so that a watcher catching up
    /// after its buffer overflowed, or resuming with a recent cursor, reads them from there (shared
    /// instances, mapped and encoded once) instead of from the store.
    /// </summary>
    public int FeedCacheEntries { get; set; } = 4096;

    /// <summary>
    /// How long claim feed entries are kept for watchers to resume from; zero (the default) keeps them all. The feed holds
    /// every change of every claim and is about half of what the store grows by; claims, statements and their histories
    /// are kept whatever this says. A watcher whose cursor is older than what is kept gets OUT_OF_RANGE.
    /// </summary>
    public TimeSpan FeedRetention { get; set; } = TimeSpan.Zero;

    /// <summary>How often each silo notes the feed's head and, with a <see cref="FeedRetention"/>, prunes what is older.</summary>
    public TimeSpan FeedRetentionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Apply pending PostgreSQL migrations when the server starts (the <c>migrate</c> command applies them explicitly).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The embedded writer connection's page cache, in megabytes (SQLite's default is 2). The pages every commit
    /// touches (index leaves, the journal's, the claims') stay in it instead of being read back from the file; but
    /// SQLite walks the whole cache's hash table at every commit, so a bigger cache costs every commit more.
    /// </summary>
    public int WriterCacheMegabytes { get; set; } = 16;

    /// <summary>
    /// The page size of an embedded database created from now on, in bytes (a power of two, 512–65536); an existing
    /// file keeps the size it was created with. Every B-tree leaf a commit touches goes to the write-ahead log whole.
    /// </summary>
    public int PageSizeBytes { get; set; } = 4096;

    /// <summary>
    /// How much write-ahead log the embedded writer lets grow before it copies the log's pages into the database, in
    /// megabytes (SQLite's default is 4): a page that many commits rewrite is copied once per this much log.
    /// </summary>
    public int CheckpointMegabytes { get; set; } = 64;

    public const int DefaultPostgresCommitsInFlight = 2;

    /// <summary>
    /// Cluster mode: how many group commits of a silo may run at once, each a transaction on its own connection. With one, a
    /// single PostgreSQL backend does all of a silo's writing while the next batch waits; feed positions stay in commit order
    /// either way (the <c>feed_head</c> row lock, taken at each transaction's end). 1 to 16.
    /// </summary>
    public int PostgresCommitsInFlight { get; set; } = DefaultPostgresCommitsInFlight;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "claimtracker.db"));

    /// <summary>The connection string, or a clear error when Postgres mode is configured without one.</summary>
    public string RequireConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException(
                "Storage:Mode is Postgres but Storage:ConnectionString (environment Storage__ConnectionString) is not set")
            : ConnectionString;
}
