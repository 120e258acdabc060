using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Postgres;

namespace ClaimTracker.Cluster.Tests;

/// <summary>The PostgreSQL lists: words matched as words through tsvector + GIN, ranked; sorted keyset pages; statements and
/// reports filtered and paged.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresListTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Day = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Claims_statements_and_reports_list_through_their_indexes()
    {
        await using var store = await NewStoreAsync();

        await AppendAsync(store, "c-port", "The port of Odesa was closed", statements: 1, day: 0, outlet: "a-gazette");
        await AppendAsync(store, "c-support", "Officials voiced support for the deal", statements: 1, day: 1, outlet: "a-gazette");
        await AppendAsync(store, "c-grain", "Grain exports and grain prices fell at the port", statements: 3, day: 2, outlet: "a-daily");

        var port = await store.QueryClaimsAsync(new ClaimQuery(null, null, "PORT", 10, null) { Sort = ClaimSort.Relevance });
        Assert.Equal(["c-port", "c-grain"], Ids(port));
        var grain = await store.QueryClaimsAsync(new ClaimQuery(null, null, "grain port", 10, null) { Sort = ClaimSort.Newest });
        Assert.Equal(["c-grain"], Ids(grain));
        Assert.Equal(new CountEstimate(2, true), await store.EstimateClaimsAsync(new ClaimQuery(null, null, "port", 10, null), 100));

        var first = await store.QueryClaimsAsync(new ClaimQuery(null, null, null, 2, null) { Sort = ClaimSort.MostStatements });
        Assert.Equal(["c-grain", "c-support"], Ids(first));
        var rest = await store.QueryClaimsAsync(
            new ClaimQuery(null, null, null, 2, null) { Sort = ClaimSort.MostStatements, After = first.Next });
        Assert.Equal(["c-port"], Ids(rest));
        Assert.Null(rest.Next);
        var ranged = await store.QueryClaimsAsync(
            new ClaimQuery(null, null, null, 10, null) { Sort = ClaimSort.Newest, FirstReported = new TimeRange(Day.AddDays(1), null) });
        Assert.Equal(["c-grain", "c-support"], Ids(ranged));

        var daily = await store.QueryStatementsAsync(new StatementQuery(2, null) { SourceActorId = "a-daily" });
        Assert.Equal(2, daily.Items.Count);
        var dailyRest = await store.QueryStatementsAsync(new StatementQuery(2, daily.NextBefore) { SourceActorId = "a-daily" });
        Assert.Single(dailyRest.Items);
        Assert.Null(dailyRest.NextBefore);
        var early = await store.QueryStatementsAsync(new StatementQuery(10, null) { Published = new TimeRange(null, Day.AddDays(1)) });
        Assert.Equal(["c-port/0"], early.Items.Select(Encoding.UTF8.GetString));

        await store.WriteReportAsync("r-1", Bytes("r-1"), new ReportRow("a-gazette", Day, "Port closed", "The port is shut."));
        await store.WriteReportAsync("r-2", Bytes("r-2"), new ReportRow("a-gazette", Day.AddDays(1), "Support", "They support it."));
        await store.WriteReportAsync("r-1", Bytes("r-1 again"), new ReportRow("a-other", Day, "ignored", "ignored"));
        var portReports = await store.QueryReportsAsync(new ReportQuery(10, null) { Text = "port" });
        Assert.Equal(["r-1 again"], portReports.Items.Select(Encoding.UTF8.GetString));
        Assert.Equal(2, (await store.QueryReportsAsync(new ReportQuery(10, null) { SourceActorId = "a-gazette" })).Items.Count);
    }

    [Fact]
    public async Task A_claim_counts_once_however_often_it_changes_and_an_origin_lists_statements_of_both_kinds()
    {
        await using var store = await NewStoreAsync();
        await AppendAsync(store, "c-port", "The port of Odesa was closed", statements: 1, day: 0, outlet: "a-gazette");
        await AppendAsync(store, "c-grain", "Grain exports fell", statements: 1, day: 1, outlet: "a-daily");

        // The origin's own words (origin = speaker), appended to an existing claim five times.
        for (var version = 1; version <= 5; version++)
        {
            var own = new StatementRow($"c-port/own-{version}", "r-own", "a-origin-0", "a-origin-0", "a-gazette",
                (int)Stance.Supports, Day.AddDays(version), Bytes($"c-port/own-{version}"));
            var row = new ClaimRow("c-port", "The port of Odesa was closed", CorroborationStatus.Corroborated, Day.AddDays(version), [],
                Bytes("c-port"))
            {
                Keys = new ClaimListKeys(Day, 3, 2, 1 + version),
                Statements = [own],
            };
            var events = new[] { new JournalAppend($"own-{version}", Bytes("own")) };
            Assert.True(await store.AppendClaimAsync("c-port", version, events, [Bytes("own")], row));
        }

        await AppendAsync(store, "c-dam", "The dam was opened", statements: 0, day: 2, outlet: "a-daily");

        // Past the cap the total is the last seq: the updates took none.
        Assert.Equal(new CountEstimate(3, false), await store.EstimateClaimsAsync(new ClaimQuery(null, null, null, 10, null), 1));
        var byUpdate = await store.QueryClaimsAsync(new ClaimQuery(null, null, null, 10, null) { Sort = ClaimSort.RecentlyUpdated });
        Assert.Equal(["c-port", "c-dam", "c-grain"], Ids(byUpdate));
        var corroboratedPort = await store.QueryClaimsAsync(
            new ClaimQuery(CorroborationStatus.Corroborated, null, "odesa", 10, null) { Sort = ClaimSort.Relevance });
        Assert.Equal(["c-port"], Ids(corroboratedPort));
        Assert.Empty(Ids(await store.QueryClaimsAsync(
            new ClaimQuery(CorroborationStatus.Corroborated, null, "grain", 10, null) { Sort = ClaimSort.Relevance })));

        var first = await store.QueryStatementsAsync(new StatementQuery(4, null) { OriginActorId = "a-origin-0" });
        Assert.Equal(["c-port/own-5", "c-port/own-4", "c-port/own-3", "c-port/own-2"], Ids(first));
        var rest = await store.QueryStatementsAsync(new StatementQuery(4, first.NextBefore) { OriginActorId = "a-origin-0" });
        Assert.Equal(["c-port/own-1", "c-grain/0", "c-port/0"], Ids(rest));
        Assert.Null(rest.NextBefore);
    }

    /// <summary>A store on a database of its own, migrated.</summary>
    private async Task<PostgresStore> NewStoreAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("lists_" + Guid.NewGuid().ToString("N")[..12]);
        await PostgresMigrator.MigrateAsync(connectionString);
        return new PostgresStore(connectionString);
    }

    private static Task<bool> AppendAsync(PostgresStore store, string claimId, string text, int statements, int day, string outlet)
    {
        var rows = Enumerable.Range(0, statements)
            .Select(i => new StatementRow(
                $"{claimId}/{i}", $"r-{claimId}-{i}", "a-speaker", "a-origin-" + i, outlet, (int)Stance.Supports, Day.AddDays(day + i),
                Bytes($"{claimId}/{i}")))
            .ToList();
        var row = new ClaimRow(claimId, text, CorroborationStatus.Uncorroborated, Day.AddDays(day), [], Bytes(claimId))
        {
            Keys = new ClaimListKeys(Day.AddDays(day), 3, statements, statements),
            Statements = rows,
        };
        return store.AppendClaimAsync(claimId, 0, [new JournalAppend(claimId, Bytes(claimId))], [Bytes(claimId)], row);
    }

    private static List<string> Ids(StoredPage page) => page.Items.Select(Encoding.UTF8.GetString).ToList();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
