using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>The embedded store's journal contract (the PostgreSQL store's tests check the same).</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string directory = TestSupport.TestDirectories.Create("claimtracker-store-");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static JournalAppend Event(string key) => new(key, Bytes(key));

    private static ActorRow Actor(string id) => new(id, "Alpha", [], Bytes(id));

    private static ClaimRow Claim(string id) => new(id, "race", CorroborationStatus.Uncorroborated, DateTimeOffset.UtcNow, [], Bytes(id));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private SqliteStore NewStore() => new(Options.Create(new StorageOptions { DataDirectory = directory }));

    [Fact]
    public async Task Appends_at_the_expected_version_and_refuses_a_mismatch()
    {
        await using var store = NewStore();
        Assert.True(await store.AppendActorAsync("a-1", 0, [Event("e1"), Event("e2")], Actor("a-1")));
        Assert.False(await store.AppendActorAsync("a-1", 0, [Event("e3")], Actor("a-1")));
        Assert.False(await store.AppendActorAsync("a-1", 1, [Event("e3")], Actor("a-1")));
        Assert.True(await store.AppendActorAsync("a-1", 2, [Event("e3")], Actor("a-1")));
        // A refused batch keeps none of its events.
        Assert.False(await store.AppendActorAsync("a-1", 1, [Event("e4"), Event("e5")], Actor("a-1")));

        var journal = await store.ReadActorAsync("a-1");
        Assert.Equal([1, 2, 3], journal.Select(e => e.Version));
        Assert.Equal(["e1", "e2", "e3"], journal.Select(e => Encoding.UTF8.GetString(e.Payload)));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_stream_exactly_one_wins_each_version()
    {
        await using var store = NewStore();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.AppendClaimAsync("c-race", 0, [Event("k" + i)], [Bytes("f" + i)], Claim("c-race"))));
        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await store.ReadClaimAsync("c-race"));
        Assert.Single(await store.ReadFeedAsync(0, 100));
    }

    [Fact]
    public async Task Text_is_stored_exactly_as_given()
    {
        const string Key = "person:владимир путин’s “aide” — 60 000 €";
        await using (var store = NewStore())
        {
            Assert.Equal(["actor-1"], await store.ResolveActorIdsAsync([new ActorAliasCandidate("actor-1", [Key])]));
            Assert.True(await store.AppendClaimAsync("c-ü€", 0, [Event("k")], [Bytes("f")], Claim("c-ü€")));
        }

        // A fresh store remembers nothing: it reads both back through its own queries.
        await using var reopened = NewStore();
        Assert.Equal(["actor-1"], await reopened.ResolveActorIdsAsync([new ActorAliasCandidate("actor-2", [Key])]));
        Assert.Equal("c-ü€", Assert.Single(await reopened.ReadFeedAsync(0, 10)).ClaimId);
        Assert.Single(await reopened.ReadClaimAsync("c-ü€"));
    }
}
