using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

public sealed class SqliteClaimIndexTests
{
    [Fact]
    public async Task The_index_log_keeps_each_phrasing_of_a_claim_once()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-index-");
        try
        {
            await using var store = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
            float[] embedding = [1, 0];
            await store.AddClaimIndexEntriesAsync([new("c-1", "schools closed", embedding), new("c-1", "schools shut", embedding)]);
            await store.AddClaimIndexEntriesAsync([new("c-1", "schools closed", embedding)]);

            var stored = await store.ReadClaimIndexAsync(0, 10);

            Assert.Equal(["schools closed", "schools shut"], stored.Select(s => s.Entry.Text));
            Assert.All(stored, s => Assert.Equal("c-1", s.Entry.ClaimId));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
