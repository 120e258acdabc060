using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>An analyst's pin wins over the alias directory's first writer, and a bare alias only where nothing more specific is
/// known; pins survive a reopen.</summary>
public sealed class SqliteAliasPinTests
{
    [Fact]
    public async Task A_pinned_key_wins_and_a_pinned_bare_alias_decides_only_for_mentions_without_an_identifying_key()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-pins-");
        try
        {
            await using (var store = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory })))
            {
                Assert.Equal(["a-kim-jong-un"], await store.ResolveActorIdsAsync([new("a-kim-jong-un", ["kim jong un"])]));
                await store.PinAliasAsync("kim", "a-split", "split-1");
                await store.PinAliasAsync("kim jong un", "a-analyst", "split-2");

                var bare = new ActorAliasCandidate("a-kim", []) { PinKeys = ["kim"] };
                var full = new ActorAliasCandidate("a-other", ["kim jong dae"]) { PinKeys = ["kim jong dae", "kim"] };
                var pinnedFull = new ActorAliasCandidate("a-kim-jong-un", ["kim jong un"]) { PinKeys = ["kim jong un", "kim"] };
                Assert.Equal(["a-split", "a-other", "a-analyst"], await store.ResolveActorIdsAsync([bare, full, pinnedFull]));

                // The latest pin of a key wins.
                await store.PinAliasAsync("kim", "a-back", "merge-1");
                Assert.Equal(["a-back"], await store.ResolveActorIdsAsync([bare]));
            }

            await using var reopened = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
            Assert.Equal(
                ["a-back", "a-analyst"],
                await reopened.ResolveActorIdsAsync([new("a-kim", []) { PinKeys = ["kim"] }, new("a-x", ["kim jong un"])]));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
