using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

public sealed class SqliteAliasDirectoryTests
{
    [Fact]
    public async Task A_key_keeps_its_first_actor_when_a_later_candidate_names_it_alongside_another_actors_key()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-aliases-");
        try
        {
            await using var store = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
            Assert.Equal(["a-first"], await store.ResolveActorIdsAsync([new("a-first", ["first"])]));
            Assert.Equal(["a-second"], await store.ResolveActorIdsAsync([new("a-second", ["second"])]));

            // Both keys known, to different actors: the first decides; a new key alongside forces the write path.
            var mixed = await store.ResolveActorIdsAsync([new("a-mixed", ["first", "second"]), new("a-new", ["new"])]);
            Assert.Equal(["a-first", "a-new"], mixed);

            // "second" still belongs to its own actor, in memory as in the store.
            Assert.Equal(["a-second"], await store.ResolveActorIdsAsync([new("a-other", ["second"])]));
            await using var reopened = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
            Assert.Equal(["a-second", "a-new"], await reopened.ResolveActorIdsAsync([new("a-x", ["second"]), new("a-y", ["new"])]));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
