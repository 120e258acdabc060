using System.Globalization;
using ClaimTracker.Storage;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// The operators' <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> commands for the embedded store.
/// Backup uses SQLite's online backup API on the database file: it runs while the server runs (in WAL
/// mode the server keeps writing) and copies one consistent snapshot, never a half-written report.
/// Restore (server stopped) checks the backup, sets the current database aside and puts the backup in
/// its place, without the old write-ahead log, which belongs to the old file.
/// </summary>
public static class EmbeddedBackup
{
    public static async Task<int> BackupAsync(IConfiguration configuration, string target)
    {
        var storage = Storage(configuration);
        if (!File.Exists(storage.DatabasePath))
        {
            await Console.Error.WriteLineAsync($"backup failed: no database at {storage.DatabasePath} (Storage:DataDirectory)");
            return 1;
        }

        var fullTarget = Path.GetFullPath(target);
        var partial = fullTarget + ".partial";
        File.Delete(partial);
        await using (var source = Open(storage.DatabasePath))
        await using (var destination = Open(partial))
        {
            source.BackupDatabase(destination);
            if (await QuickCheckAsync(destination) is { } problem)
            {
                await Console.Error.WriteLineAsync("backup failed: the copy does not check out: " + problem);
                return 1;
            }
        }

        SqliteConnection.ClearAllPools();
        File.Move(partial, fullTarget, overwrite: true);
        await Console.Out.WriteLineAsync($"backed up {storage.DatabasePath} to {fullTarget} ({await DescribeAsync(fullTarget)})");
        return 0;
    }

    public static async Task<int> RestoreAsync(IConfiguration configuration, string backup)
    {
        var storage = Storage(configuration);
        var source = Path.GetFullPath(backup);
        if (!File.Exists(source))
        {
            await Console.Error.WriteLineAsync($"restore failed: no file {source}");
            return 1;
        }

        await using (var check = Open(source))
        {
            if (await QuickCheckAsync(check) is { } problem)
            {
                await Console.Error.WriteLineAsync($"restore failed: {source} is not a sound database: {problem}");
                return 1;
            }
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(storage.DatabasePath)!);
        if (File.Exists(storage.DatabasePath))
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture);
            var aside = storage.DatabasePath + ".before-restore-" + stamp;
            File.Move(storage.DatabasePath, aside);
            await Console.Out.WriteLineAsync($"the current database was moved to {aside}");
        }

        // A write-ahead log left by the old database would be replayed into the restored one.
        File.Delete(storage.DatabasePath + "-wal");
        File.Delete(storage.DatabasePath + "-shm");
        File.Copy(source, storage.DatabasePath);
        await Console.Out.WriteLineAsync($"restored {source} to {storage.DatabasePath} ({await DescribeAsync(storage.DatabasePath)})");
        return 0;
    }

    private static StorageOptions Storage(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return storage.Mode == StorageMode.Embedded
            ? storage
            : throw new InvalidOperationException(
                "backup and restore are for the embedded store; in Postgres mode use pg_dump / pg_restore (docs/operations.md)");
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 30000";
        busy.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Null when SQLite's quick_check finds nothing wrong, else what it found.</summary>
    private static async Task<string?> QuickCheckAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        var result = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return result == "ok" ? null : result;
    }

    private static async Task<string> DescribeAsync(string path)
    {
        await using var connection = Open(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM claims)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0):N0} reports, {reader.GetInt64(1):N0} claims");
    }
}
