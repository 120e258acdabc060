using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// A throwaway PostgreSQL for the tests: initdb into a temp directory as the <c>postgres</c> user
/// (PostgreSQL refuses to run as root), started with pg_ctl on a free loopback port with its socket
/// in the same directory; stopped and deleted at the end.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string directory = "";

    public int Port { get; private set; }

    public string DataDirectory => Path.Combine(directory, "pgdata");

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("claimtracker-pg-").FullName;
        Port = FreePort();
        var root = IsRoot();
        if (root)
        {
            await RunAsync("chown", $"postgres {directory}");
        }

        await RunAsPostgresAsync(root, "initdb", $"-D {DataDirectory} -U postgres -A trust --no-sync");
        await RunAsPostgresAsync(root, "pg_ctl",
            $"-D {DataDirectory} -l {Path.Combine(directory, "postgres.log")} -w -t 60 " +
            $"-o \"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=64MB\" start");
    }

    public async Task DisposeAsync()
    {
        if (directory.Length == 0)
        {
            return;
        }

        try
        {
            await RunAsPostgresAsync(IsRoot(), "pg_ctl", $"-D {DataDirectory} -m immediate -w stop");
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

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=60;Timeout=30";

    private static bool IsRoot() => GetUid() == 0;

    private static int GetUid()
    {
        try
        {
            var status = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return status is null ? -1 : int.Parse(status.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static Task RunAsPostgresAsync(bool root, string tool, string arguments) =>
        root ? RunAsync("runuser", $"-u postgres -- {tool} {arguments}") : RunAsync(tool, arguments);

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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
