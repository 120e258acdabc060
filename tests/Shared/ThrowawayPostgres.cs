using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ClaimTracker.TestSupport;

/// <summary>
/// A throwaway PostgreSQL: initdb into a temp directory (as the <c>postgres</c> user when running as
/// root, since PostgreSQL refuses to run as root), started with pg_ctl on a free loopback port with its
/// socket in the same directory; stopped with <c>-m immediate</c> and deleted on dispose. Default
/// durability (fsync and synchronous_commit on); initdb's <c>--no-sync</c> only skips flushing the
/// freshly created files, which nothing needs to survive.
/// Linked into the cluster tests and the benchmarks.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string directory;
    private readonly string settings;
    private readonly string initdbArguments;

    private ThrowawayPostgres(string directory, int port, string settings, string initdbArguments)
    {
        this.directory = directory;
        this.settings = settings;
        this.initdbArguments = initdbArguments;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(directory, "pgdata");

    /// <summary>The postmaster's process id (the first line of its pid file).</summary>
    public int ServerProcessId
        => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>Whether PostgreSQL's server tools (initdb, pg_ctl) are on PATH.</summary>
    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, "initdb")));

    /// <param name="settings">Extra server settings, each <c>name=value</c> (e.g. <c>shared_preload_libraries=pg_stat_statements</c>).</param>
    public static Task<ThrowawayPostgres> StartAsync(params string[] settings) => StartAsync(settings, initdbArguments: "");

    /// <param name="settings">As above.</param>
    /// <param name="initdbArguments">More arguments for initdb, e.g. <c>--locale-provider=icu --icu-locale=en-US</c> for a
    /// cluster whose databases collate text as a language does rather than by code point.</param>
    public static async Task<ThrowawayPostgres> StartAsync(string[] settings, string initdbArguments)
    {
        var directory = Directory.CreateTempSubdirectory("claimtracker-pg-").FullName;
        var server = new ThrowawayPostgres(
            directory, FreePort(), string.Concat(settings.Select(setting => " -c " + setting)), initdbArguments.Trim());
        try
        {
            await server.InitAndStartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <param name="name">The database's name.</param>
    /// <param name="icuLocale">An ICU locale (e.g. <c>en-US</c>) the database collates text by, instead of the cluster's.</param>
    public async Task<string> CreateDatabaseAsync(string name, string? icuLocale = null)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            var locale = icuLocale is null ? "" : $" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{locale}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=60;Timeout=30";

    public async ValueTask DisposeAsync()
    {
        try
        {
            // No pid file: initdb or pg_ctl failed before a server ran; nothing to stop.
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsPostgresAsync("pg_ctl", $"-D {DataDirectory} -m immediate -w stop");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public static int FreePort() => FreePorts.Next();

    private async Task InitAndStartAsync()
    {
        if (IsRoot())
        {
            await RunAsync("chown", $"postgres {directory}");
        }

        await RunAsPostgresAsync("initdb", $"-D {DataDirectory} -U postgres -A trust --no-sync {initdbArguments}".TrimEnd());
        await StartServerAsync();
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut), as an outage would.</summary>
    public Task StopServerAsync() => RunAsPostgresAsync("pg_ctl", $"-D {DataDirectory} -m fast -w stop");

    /// <summary>Starts the server on its port (after <see cref="StopServerAsync"/>).</summary>
    public async Task StartServerAsync()
    {
        // Connections pooled before a stop are dead; the next open must make new ones.
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync("pg_ctl",
            $"-D {DataDirectory} -l {Path.Combine(directory, "postgres.log")} -w -t 60 " +
            $"-o \"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=64MB{settings}\" start");
    }

    /// <summary>pg_dump in the custom format, as an operator backs up a cluster's database.</summary>
    public Task DumpAsync(string database, string file) =>
        RunAsync("pg_dump", $"-h 127.0.0.1 -p {Port} -U postgres -Fc -f {file} {database}");

    /// <summary>pg_restore of a <see cref="DumpAsync"/> file into an empty database.</summary>
    public Task RestoreDumpAsync(string file, string database) =>
        RunAsync("pg_restore", $"-h 127.0.0.1 -p {Port} -U postgres --no-owner -d {database} {file}");

    private static bool IsRoot() => GetUid() == 0;

    private static int GetUid()
    {
        try
        {
            var status = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return status is null
                ? -1
                : int.Parse(status.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static Task RunAsPostgresAsync(string tool, string arguments) =>
        IsRoot() ? RunAsync("runuser", $"-u postgres -- {tool} {arguments}") : RunAsync(tool, arguments);

    private static async Task RunAsync(string fileName, string arguments)
    {
        var info = new ProcessStartInfo("/bin/sh", ["-c", $"{fileName} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
