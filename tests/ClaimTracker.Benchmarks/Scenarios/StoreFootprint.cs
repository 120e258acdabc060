using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// What the embedded store holds at the end of a run (the warm-up's statements included): the pages in use (freed pages, as a
/// feed retention leaves them, are reused and not counted), and the bytes of the two largest kinds of row besides statements:
/// the claim feed's payloads and the claim index log's embeddings and texts.
/// </summary>
internal static class StoreFootprint
{
    public static async Task PrintAsync(BenchServer server)
    {
        var path = Path.Combine(server.DataDirectory, "claimtracker.db");
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
        }

        var pages = await ScalarAsync("PRAGMA page_count") - await ScalarAsync("PRAGMA freelist_count");
        var inUse = pages * await ScalarAsync("PRAGMA page_size");
        var statements = Math.Max(1, await ScalarAsync("SELECT COUNT(*) FROM statements"));
        var feedEntries = await ScalarAsync("SELECT COUNT(*) FROM claim_feed");
        var feedBytes = await ScalarAsync("SELECT COALESCE(SUM(length(payload)), 0) FROM claim_feed");
        var phrasings = await ScalarAsync("SELECT COUNT(*) FROM claim_index");
        var indexBytes = await ScalarAsync("SELECT COALESCE(SUM(length(embedding) + length(text)), 0) FROM claim_index");
        Console.WriteLine($"store at the end: {inUse / 1048576.0:N1} MB in use, {inUse / (double)statements:N0} B per statement " +
            $"({statements:N0} statements, warm-up included); claim feed {feedEntries:N0} entries, " +
            $"{feedBytes / (double)statements:N0} B of payload per statement; claim index log {phrasings:N0} phrasings, " +
            $"{indexBytes / (double)statements:N0} B of embeddings and texts per statement");
    }
}
