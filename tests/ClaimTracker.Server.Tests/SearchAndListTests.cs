using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Full-text claim and report search, claim orders and filters, statement and report lists, actor pages.</summary>
public sealed class SearchAndListTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Words_match_as_words_and_every_list_filters_sorts_and_pages()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;

        // "support" contains "port": only the claim that says port may come back.
        var port = await Register(client, "fts-port", "Harbour Gazette", "Harbour master", "The port of Odesa was closed to grain", 0);
        await Register(client, "fts-support", "Harbour Gazette", "Finance minister", "Officials voiced support for the grain deal", 1);
        var found = await client.ListClaimsAsync(new V1.ListClaimsRequest { Query = "port" });
        Assert.Equal([port.Outcomes[0].ClaimId], found.Claims.Select(c => c.ClaimId));
        Assert.Equal(1, found.TotalSizeEstimate);
        Assert.True(found.TotalSizeExact);
        Assert.Empty((await client.ListClaimsAsync(new V1.ListClaimsRequest { Query = "por" })).Claims);

        // Ranked: the claim that says "grain" twice comes before the one that says it once.
        await Register(client, "fts-grain", "Field Daily", "Farm union", "Grain exports and grain prices fell in March", 2);
        var ranked = await client.ListClaimsAsync(new V1.ListClaimsRequest { Query = "grain" });
        Assert.Equal(3, ranked.Claims.Count);
        Assert.StartsWith("Grain exports and grain", ranked.Claims[0].Text, StringComparison.Ordinal);

        // One claim with three statements from three origins, the others with one each.
        var shells = await Register(client, "list-a", "Kyiv Independent", "Ukrainian data", "Russian forces fire 60,000 shells a day", 3);
        var shellsId = shells.Outcomes[0].ClaimId;
        await Register(client, "list-b", "Le Monde", "Estonian intelligence", "Russian forces fire 60,000 shells a day", 4);
        await Register(client, "list-c", "Reuters", "British intelligence", "Russian forces fire 60,000 shells a day", 5);
        for (var i = 0; i < 6; i++)
        {
            await Register(client, $"list-other-{i}", "Field Daily", "Water board", $"Reservoir level {i} fell overnight", 6 + i);
        }

        var most = await client.ListClaimsAsync(new V1.ListClaimsRequest { Sort = V1.ClaimSort.MostStatements, PageSize = 1 });
        Assert.Equal(shellsId, Assert.Single(most.Claims).ClaimId);
        Assert.Equal(10, most.TotalSizeEstimate);

        var corroborated = await client.ListClaimsAsync(new V1.ListClaimsRequest
        {
            Filter = new V1.ClaimFilter { MinOrigins = 2, MaxCredibility = 2 },
        });
        Assert.Equal(shellsId, Assert.Single(corroborated.Claims).ClaimId);

        var firstReported = await client.ListClaimsAsync(new V1.ListClaimsRequest
        {
            Filter = new V1.ClaimFilter
            {
                FirstReportedAfter = Timestamp.FromDateTimeOffset(Day.AddDays(6)),
                FirstReportedBefore = Timestamp.FromDateTimeOffset(Day.AddDays(8)),
            },
        });
        Assert.Equal(["Reservoir level 1 fell overnight", "Reservoir level 0 fell overnight"], firstReported.Claims.Select(c => c.Text));

        // Paging newest first through all ten claims: no repeats, first-reported order, tokens bound to their filters.
        var seen = new List<V1.Claim>();
        var request = new V1.ListClaimsRequest { Sort = V1.ClaimSort.Newest, PageSize = 3 };
        do
        {
            var page = await client.ListClaimsAsync(request);
            seen.AddRange(page.Claims);
            Assert.Equal(request.PageToken.Length == 0, page.TotalSizeEstimate == 10);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        Assert.Equal(10, seen.Select(c => c.ClaimId).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(c => c.FirstReportedAt).Select(c => c.ClaimId), seen.Select(c => c.ClaimId));

        var second = (await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 2 })).NextPageToken;
        var otherFilters = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 2, PageToken = second, Query = "grain" }));
        Assert.Equal(StatusCode.InvalidArgument, otherFilters.StatusCode);
        Assert.Contains("other filters", otherFilters.Status.Detail, StringComparison.Ordinal);
        var edited = second[..^2] + (second[^2] == 'A' ? "B" : "A") + second[^1];
        var tampered = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 2, PageToken = edited }));
        Assert.Equal(StatusCode.InvalidArgument, tampered.StatusCode);
        var relevance = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListClaimsAsync(new V1.ListClaimsRequest { Sort = V1.ClaimSort.Relevance }));
        Assert.Equal(StatusCode.InvalidArgument, relevance.StatusCode);

        // Statements: by outlet, by origin, by report, by stance and publication time, a page at a time.
        var fieldDaily = (await client.GetReportAsync(new V1.GetReportRequest { ReportId = "fts-grain" })).SourceActorId;
        var byOutlet = new List<V1.Statement>();
        var statements = new V1.ListStatementsRequest { OutletActorId = fieldDaily, PageSize = 4 };
        do
        {
            var page = await client.ListStatementsAsync(statements);
            byOutlet.AddRange(page.Statements);
            statements.PageToken = page.NextPageToken;
        }
        while (statements.PageToken.Length > 0);
        Assert.Equal(7, byOutlet.Count);
        Assert.Equal("list-other-5", byOutlet[0].ReportId);
        Assert.All(byOutlet, s => Assert.Equal("Field Daily", s.Source));

        var byReport = await client.ListStatementsAsync(new V1.ListStatementsRequest { ReportId = "list-b" });
        var statement = Assert.Single(byReport.Statements);
        Assert.Equal(shellsId, statement.ClaimId);
        var byOrigin = await client.ListStatementsAsync(new V1.ListStatementsRequest { OriginActorId = statement.OriginActorId });
        Assert.Equal("list-b", Assert.Single(byOrigin.Statements).ReportId);
        var supportsInRange = await client.ListStatementsAsync(new V1.ListStatementsRequest
        {
            ClaimId = shellsId,
            Stance = V1.Stance.Supports,
            PublishedAfter = Timestamp.FromDateTimeOffset(Day.AddDays(4)),
        });
        Assert.Equal(["list-c", "list-b"], supportsInRange.Statements.Select(s => s.ReportId));

        // Reports: by outlet, by words of title or text, by publication time; listed without their text.
        var reports = await client.ListReportsAsync(new V1.ListReportsRequest { OutletActorId = fieldDaily, PageSize = 100 });
        Assert.Equal(7, reports.Reports.Count);
        Assert.All(reports.Reports, r => Assert.Empty(r.Text));
        var portReports = await client.ListReportsAsync(new V1.ListReportsRequest { Query = "port" });
        Assert.Equal("fts-port", Assert.Single(portReports.Reports).ReportId);
        var march = await client.ListReportsAsync(new V1.ListReportsRequest
        {
            PublishedAfter = Timestamp.FromDateTimeOffset(Day.AddDays(10)),
            PublishedBefore = Timestamp.FromDateTimeOffset(Day.AddDays(12)),
        });
        Assert.Equal(["list-other-5", "list-other-4"], march.Reports.Select(r => r.ReportId));
        var backwards = await Assert.ThrowsAsync<RpcException>(async () => await client.ListReportsAsync(new V1.ListReportsRequest
        {
            PublishedAfter = Timestamp.FromDateTimeOffset(Day.AddDays(12)),
            PublishedBefore = Timestamp.FromDateTimeOffset(Day.AddDays(10)),
        }));
        Assert.Equal(StatusCode.InvalidArgument, backwards.StatusCode);

        // An actor's claims and sightings a page at a time.
        var actorPages = new List<string>();
        var actorRequest = new V1.GetActorRequest { ActorId = byOutlet[0].ActorId, ClaimPageSize = 4, SightingPageSize = 1 };
        V1.Actor actor;
        do
        {
            actor = await client.GetActorAsync(actorRequest);
            Assert.True(actor.ClaimIds.Count <= 4);
            actorPages.AddRange(actor.ClaimIds);
            actorRequest.ClaimPageToken = actor.NextClaimPageToken;
        }
        while (actorRequest.ClaimPageToken.Length > 0);
        Assert.Equal(6, actorPages.Distinct().Count());
        Assert.Single(actor.AliasSightings);

        // Searching by meaning needs semantic matching.
        var exact = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SearchClaimsAsync(new V1.SearchClaimsRequest { Text = "shells fired each day" }));
        Assert.Equal(StatusCode.FailedPrecondition, exact.StatusCode);
    }

    private static async Task<V1.RegisterReportResponse> Register(
        V1.ClaimTracker.ClaimTrackerClient client, string reportId, string outlet, string speaker, string content, int day)
    {
        var request = Reports.Report(reportId, outlet, speaker, [], content);
        request.PublishedAt = Timestamp.FromDateTimeOffset(Day.AddDays(day));
        return await client.RegisterReportAsync(request);
    }
}
