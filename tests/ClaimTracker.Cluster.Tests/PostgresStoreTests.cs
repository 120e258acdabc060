using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;
using Npgsql;

namespace ClaimTracker.Cluster.Tests;

/// <summary>The PostgreSQL store keeps the SQLite store's contract, and its feed never shows a gap.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServer postgres)
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static JournalAppend Event(string key) => new(key, Bytes(key));

    private static ClaimRow Claim(
        string id,
        string text,
        CorroborationStatus status = CorroborationStatus.Uncorroborated,
        params string[] actors) =>
        new(id, text, status, DateTimeOffset.UtcNow, actors, Bytes(id));

    private async Task<PostgresStore> NewStoreAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("store_" + Guid.NewGuid().ToString("N")[..12]);
        await PostgresMigrator.MigrateAsync(connectionString);
        return new PostgresStore(connectionString);
    }

    [Fact]
    public async Task Appends_at_the_expected_version_and_refuses_a_mismatch()
    {
        await using var store = await NewStoreAsync();
        Assert.True(await store.AppendActorAsync("a-1", 0, [Event("e1"), Event("e2")], new ActorRow("a-1", "Alpha", [], Bytes("a"))));
        Assert.False(await store.AppendActorAsync("a-1", 0, [Event("e3")], new ActorRow("a-1", "Alpha", [], Bytes("a"))));
        Assert.False(await store.AppendActorAsync("a-1", 1, [Event("e3")], new ActorRow("a-1", "Alpha", [], Bytes("a"))));
        Assert.True(await store.AppendActorAsync("a-1", 2, [Event("e3")], new ActorRow("a-1", "Alpha", [], Bytes("a"))));

        var journal = await store.ReadActorAsync("a-1");
        Assert.Equal([1, 2, 3], journal.Select(e => e.Version));
        Assert.Equal(["e1", "e2", "e3"], journal.Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.Empty(await store.ReadActorAsync("unknown"));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_stream_exactly_one_wins_each_version()
    {
        await using var store = await NewStoreAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.AppendClaimAsync("c-race", 0, [Event("k" + i)], [Bytes("f" + i)], Claim("c-race", "race"))));
        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await store.ReadClaimAsync("c-race"));
        Assert.Single(await store.ReadFeedAsync(0, 100));
    }

    [Fact]
    public async Task Feed_positions_are_contiguous_and_a_concurrent_reader_never_sees_a_gap()
    {
        await using var store = await NewStoreAsync();
        const int Writers = 16;
        const int AppendsEach = 25;
        using var done = new CancellationTokenSource();
        var observed = new List<long>();
        var reader = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                var finished = done.IsCancellationRequested;
                foreach (var row in await store.ReadFeedAsync(after, 1000))
                {
                    // No gap: every row a reader sees is the next position.
                    Assert.Equal(after + 1, row.Position);
                    observed.Add(row.Position);
                    after = row.Position;
                }

                if (finished)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsEach; i++)
            {
                var entries = Enumerable.Range(0, 1 + (i % 3)).Select(j => Bytes($"{w}/{i}/{j}")).ToArray();
                Assert.True(await store.AppendClaimAsync($"c-{w}", i, [Event($"s-{i}")], entries, Claim($"c-{w}", $"claim {w}")));
            }
        })));
        await done.CancelAsync();
        await reader;

        var total = Enumerable.Range(0, AppendsEach).Sum(i => 1 + (i % 3)) * Writers;
        Assert.Equal(total, await store.ReadFeedHeadAsync());
        Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), observed);
        // Each claim's feed entries are in its own append order.
        var all = await store.ReadFeedAsync(0, total + 1);
        foreach (var claim in all.GroupBy(r => r.ClaimId))
        {
            var appends = claim.Select(
                r => int.Parse(
                    Encoding.UTF8.GetString(r.Payload).Split('/')[1],
                    System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(appends.Order(), appends);
        }
    }

    [Fact]
    public async Task Feed_retention_prunes_the_oldest_entries_never_the_newest_and_positions_go_on()
    {
        await using var store = await NewStoreAsync();
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(0, await store.ReadFeedFloorAsync());
        var entries = Enumerable.Range(0, 5).Select(i => Bytes($"f{i}")).ToArray();
        Assert.True(await store.AppendClaimAsync("c-1", 0, [Event("s-0")], entries, Claim("c-1", "one")));

        await store.MarkFeedAsync(start, 3);
        await store.MarkFeedAsync(start, 4); // the same moment again (another silo): the first note stands
        await store.MarkFeedAsync(start.AddMinutes(1), 5);
        Assert.Null(await store.ReadFeedMarkAsync(start.AddSeconds(-1)));
        Assert.Equal(new FeedMark(start, 3), await store.ReadFeedMarkAsync(start.AddSeconds(30)));

        Assert.Equal(2, await store.PruneFeedAsync(3, maxEntries: 2));
        Assert.Equal(1, await store.PruneFeedAsync(3, maxEntries: 2));
        Assert.Equal(3, await store.ReadFeedFloorAsync());
        Assert.Equal(1, await store.PruneFeedAsync(100, maxEntries: 100));
        Assert.Equal(5, Assert.Single(await store.ReadFeedAsync(0, 10)).Position);
        Assert.Equal(4, await store.ReadFeedFloorAsync());

        await store.ForgetFeedMarksAsync(start.AddMinutes(1));
        Assert.Null(await store.ReadFeedMarkAsync(start.AddSeconds(30)));
        Assert.True(await store.AppendClaimAsync("c-1", 1, [Event("s-1")], [Bytes("f5")], Claim("c-1", "one")));
        Assert.Equal([5L, 6], (await store.ReadFeedAsync(0, 10)).Select(r => r.Position));
    }

    [Fact]
    public async Task Projections_answer_status_actor_and_text_queries_newest_first_in_pages()
    {
        await using var store = await NewStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            var status = i % 2 == 0 ? CorroborationStatus.Uncorroborated : CorroborationStatus.Contested;
            Assert.True(await store.AppendClaimAsync(
                $"c-{i}",
                0,
                [Event("s")],
                [Bytes("f")],
                Claim($"c-{i}", $"Shells fired number {i}", status, i < 2 ? "a-x" : "a-y")));
        }

        // An update keeps the claim's place in the list and changes its status.
        Assert.True(await store.AppendClaimAsync(
            "c-0",
            1,
            [Event("s2")],
            [Bytes("f")],
            Claim("c-0", "Shells fired number 0", CorroborationStatus.Contested, "a-z")));

        var first = await store.QueryClaimsAsync(new ClaimQuery(null, null, null, 2, null));
        Assert.Equal(["c-4", "c-3"], first.Items.Select(Encoding.UTF8.GetString));
        var second = await store.QueryClaimsAsync(new ClaimQuery(null, null, null, 2, first.NextBefore));
        Assert.Equal(["c-2", "c-1"], second.Items.Select(Encoding.UTF8.GetString));
        var third = await store.QueryClaimsAsync(new ClaimQuery(null, null, null, 2, second.NextBefore));
        Assert.Equal(["c-0"], third.Items.Select(Encoding.UTF8.GetString));
        Assert.Null(third.NextBefore);

        var contested = await store.QueryClaimsAsync(new ClaimQuery(CorroborationStatus.Contested, null, null, 10, null));
        Assert.Equal(["c-3", "c-1", "c-0"], contested.Items.Select(Encoding.UTF8.GetString));
        var byActor = await store.QueryClaimsAsync(new ClaimQuery(null, "a-z", null, 10, null));
        Assert.Equal(["c-0"], byActor.Items.Select(Encoding.UTF8.GetString));
        var byText = await store.QueryClaimsAsync(new ClaimQuery(null, null, "SHELLS number 3", 10, null));
        Assert.Equal(["c-3"], byText.Items.Select(Encoding.UTF8.GetString));

        Assert.True(await store.AppendActorAsync("a-1", 0, [Event("e")], new ActorRow("a-1", "Vladimir Putin", ["Putin"], Bytes("a-1"))));
        Assert.True(await store.AppendActorAsync("a-2", 0, [Event("e")], new ActorRow("a-2", "Kim Jong Un", [], Bytes("a-2"))));
        Assert.Equal(["a-2", "a-1"], (await store.QueryActorsAsync(new ActorQuery(null, 10, null))).Items.Select(Encoding.UTF8.GetString));
        Assert.Equal(["a-1"], (await store.QueryActorsAsync(new ActorQuery("putin", 10, null))).Items.Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public async Task Reports_are_stored_and_replaced()
    {
        await using var store = await NewStoreAsync();
        Assert.Null(await store.ReadReportAsync("r-1"));
        await store.WriteReportAsync("r-1", Bytes("one"));
        await store.WriteReportAsync("r-1", Bytes("two"));
        Assert.Equal("two", Encoding.UTF8.GetString((await store.ReadReportAsync("r-1"))!));
    }

    [Fact]
    public async Task Alias_directory_first_writer_wins_even_when_silos_race()
    {
        await using var store = await NewStoreAsync();
        Assert.Equal(["a-putin"], await store.ResolveActorIdsAsync([new ActorAliasCandidate("a-putin", ["putin", "vladimir putin"])]));
        // A later report's candidate known under one key resolves to the first writer, and registers its new key.
        Assert.Equal(
            ["a-putin"],
            await store.ResolveActorIdsAsync([new ActorAliasCandidate("a-president-putin", ["president putin", "putin"])]));
        Assert.Equal(["a-putin"], await store.ResolveActorIdsAsync([new ActorAliasCandidate("a-other", ["president putin"])]));

        var racing = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            store.ResolveActorIdsAsync([new ActorAliasCandidate($"a-kim-{i}", ["kim jong un", $"kim {i}"])])));
        var winner = Assert.Single(racing.Select(r => r[0]).Distinct());
        Assert.Equal([winner], await store.ResolveActorIdsAsync([new ActorAliasCandidate("a-late", ["kim 7"])]));
    }

    [Fact]
    public async Task The_index_log_keeps_each_phrasing_of_a_claim_once()
    {
        await using var store = await NewStoreAsync();
        float[] embedding = [1, 0];
        await store.AddClaimIndexEntriesAsync([new("c-1", "schools closed", embedding), new("c-1", "schools shut", embedding)]);
        await store.AddClaimIndexEntriesAsync([new("c-1", "schools closed", embedding)]);

        var stored = await store.ReadClaimIndexAsync(0, 10);

        Assert.Equal(["schools closed", "schools shut"], stored.Select(s => s.Entry.Text));
        Assert.All(stored, s => Assert.Equal("c-1", s.Entry.ClaimId));
    }

    [Fact]
    public async Task Migrations_run_concurrently_apply_each_version_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate_" + Guid.NewGuid().ToString("N")[..12]);
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresMigrator.MigrateAsync(connectionString))));
        Assert.Equal(PostgresSchema.Migrations.Select(m => m.Version), runs.SelectMany(r => r).Order());
        Assert.Empty(await PostgresMigrator.MigrateAsync(connectionString));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
        Assert.Equal(10L, await count.ExecuteScalarAsync());
    }
}
