using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// A claim's past over a real socket: positions by publication time whatever the arrival order, the claim at a version or
/// a time, its versions page by page, its timeline in publication order, and an actor's aliases over time.
/// </summary>
public sealed class ClaimHistoryTests
{
    private static readonly DateTimeOffset Day0 = new(2023, 9, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Out_of_order_reports_keep_positions_by_publication_time_and_the_past_reads_back_as_it_stood()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var client = server.Client;

        // In publication order: Kremlin supports (day 3), then denies (day 4).
        var inOrder = await RegisterStoryAsync(client, "in", "Vostochny talks covered arms supplies", [1, 2, 3, 4]);
        Assert.Equal(V1.CorroborationStatus.Contested, inOrder.Status);

        // The same story with the Kremlin's older support arriving last (a backfill): its newer denial still stands.
        var afterSecond = DateTimeOffset.MinValue;
        var outOfOrder = await RegisterStoryAsync(
            client, "out", "Vostochny talks covered fuel supplies", [1, 2, 4, 3], registered: n =>
            {
                if (n == 2)
                {
                    afterSecond = DateTimeOffset.UtcNow;
                }
            });
        Assert.Equal(inOrder.Status, outOfOrder.Status);
        Assert.Equal(inOrder.SupportingOrigins.Order(), outOfOrder.SupportingOrigins.Order());
        Assert.Equal(["a-kremlin"], outOfOrder.ContradictingOrigins);
        Assert.Contains("Kremlin retracted its earlier support", outOfOrder.StatusReasons);
        var claimId = outOfOrder.ClaimId;

        // The claim at a version, and at a time: exactly as it stood.
        var second = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, Version = 2 });
        Assert.Equal(V1.CorroborationStatus.Corroborated, second.Status);
        Assert.Equal(2, second.Version);
        Assert.Equal(["out-2", "out-1"], second.Statements.Select(s => s.ReportId));
        var asOf = await client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, AsOf = Timestamp.FromDateTimeOffset(afterSecond) });
        Assert.Equal(second.ToString(), asOf.ToString());
        var firstPage = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, Version = 3, StatementPageSize = 2 });
        Assert.Equal(["out-4", "out-2"], firstPage.Statements.Select(s => s.ReportId));
        var secondPage = await client.GetClaimAsync(new V1.GetClaimRequest
        {
            ClaimId = claimId, Version = 3, StatementPageSize = 2, StatementPageToken = firstPage.NextStatementPageToken,
        });
        Assert.Equal(["out-1"], secondPage.Statements.Select(s => s.ReportId));
        var now = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId, Version = 4 });
        Assert.Equal(outOfOrder.Status, now.Status);
        Assert.Equal(outOfOrder.StatusReasons, now.StatusReasons);

        await AssertStatusAsync(StatusCode.NotFound, () => client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, AsOf = Timestamp.FromDateTimeOffset(Day0) }).ResponseAsync);
        await AssertStatusAsync(StatusCode.OutOfRange, () => client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, Version = 5 }).ResponseAsync);
        await AssertStatusAsync(StatusCode.InvalidArgument, () => client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, Version = 1, AsOf = Timestamp.FromDateTimeOffset(Day0) }).ResponseAsync);
        await AssertStatusAsync(StatusCode.InvalidArgument, () => client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, Version = -1 }).ResponseAsync);
        await AssertStatusAsync(StatusCode.InvalidArgument, () => client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = claimId, AsOf = new Timestamp { Seconds = 1, Nanos = -5 } }).ResponseAsync);

        // The versions, a page at a time, with what each changed.
        var history = await client.GetClaimHistoryAsync(new V1.GetClaimHistoryRequest { ClaimId = claimId, PageSize = 3 });
        Assert.Equal(4, history.LatestVersion);
        Assert.Equal([1L, 2, 3], history.Versions.Select(v => v.Version));
        Assert.True(history.Versions[0].ClaimCreated);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, history.Versions[0].Status);
        Assert.True(history.Versions[1].StatusChanged);
        Assert.Contains("status UNCORROBORATED → CORROBORATED", history.Versions[1].Changes);
        Assert.Contains("supporting origin added: Estonian intelligence", history.Versions[1].Changes);
        var denial = history.Versions[2];
        Assert.Equal("out-4", denial.Statement.ReportId);
        Assert.Equal(V1.CorroborationStatus.Corroborated, denial.PreviousStatus);
        Assert.Equal(V1.CorroborationStatus.Contested, denial.Status);
        Assert.Contains("contradicting origin added: Kremlin", denial.Changes);
        Assert.Contains(denial.StatusReasons, r => r.StartsWith("contradicted by 1 independent origin: Kremlin", StringComparison.Ordinal));
        var rest = await client.GetClaimHistoryAsync(
            new V1.GetClaimHistoryRequest { ClaimId = claimId, PageSize = 3, PageToken = history.NextPageToken });
        var backfill = Assert.Single(rest.Versions);
        Assert.Empty(rest.NextPageToken);
        Assert.False(backfill.StatusChanged);
        Assert.Equal(["statement added: Kremlin (supports) in Outlet 3"], backfill.Changes);
        var turns = await client.GetClaimHistoryAsync(new V1.GetClaimHistoryRequest { ClaimId = claimId, StatusChangesOnly = true });
        Assert.Equal([1L, 2, 3], turns.Versions.Select(v => v.Version));

        // The timeline in publication order: the backfilled report sits where it was published.
        var timeline = await client.GetClaimTimelineAsync(new V1.GetClaimTimelineRequest { ClaimId = claimId });
        Assert.Equal("out-1", timeline.FirstAppearance.ReportId);
        Assert.Equal(["Outlet 1", "AFP", "Ukrainian data"], timeline.FirstAppearance.Chain);
        Assert.Equal("AFP", timeline.FirstAppearance.PickedUpFrom);
        Assert.Equal(["out-1", "out-2", "out-3", "out-4"], timeline.Entries.Select(e => e.ReportId));
        Assert.Equal([true, true, true, false], timeline.Entries.Select(e => e.OriginFirstSpoke));
        Assert.Equal(
            [V1.CorroborationStatus.Uncorroborated, V1.CorroborationStatus.Corroborated, V1.CorroborationStatus.Corroborated,
                V1.CorroborationStatus.Contested],
            timeline.Entries.Select(e => e.StatusAfter));
        Assert.Equal([false, true, false, true], timeline.Entries.Select(e => e.StatusTurned));
        Assert.Equal(
            [(V1.CorroborationStatus.Unspecified, V1.CorroborationStatus.Uncorroborated),
                (V1.CorroborationStatus.Uncorroborated, V1.CorroborationStatus.Corroborated),
                (V1.CorroborationStatus.Corroborated, V1.CorroborationStatus.Contested)],
            timeline.Turns.Select(t => (t.From, t.To)));
        Assert.Equal("Outlet 4", timeline.Turns[2].Outlet);
        var kremlin = Assert.Single(timeline.Origins, o => o.OriginActorId == "a-kremlin");
        Assert.Equal(Day0.AddDays(3), kremlin.FirstSpokeAt.ToDateTimeOffset());
        Assert.Equal(2, kremlin.StatementCount);
        Assert.Equal(V1.Stance.Contradicts, kremlin.Position);
        var paged = await client.GetClaimTimelineAsync(new V1.GetClaimTimelineRequest { ClaimId = claimId, PageSize = 3 });
        var pagedRest = await client.GetClaimTimelineAsync(
            new V1.GetClaimTimelineRequest { ClaimId = claimId, PageSize = 3, PageToken = paged.NextPageToken });
        Assert.Equal(timeline.Entries, paged.Entries.Concat(pagedRest.Entries));
        Assert.Empty(pagedRest.NextPageToken);

        // Over HTTP/JSON as well.
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/v1/claims/{claimId}/timeline"));
        Assert.Equal("out-1", json.RootElement.GetProperty("firstAppearance").GetProperty("reportId").GetString());
        var asOfText = Uri.EscapeDataString(afterSecond.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        using var past = JsonDocument.Parse(await http.GetStringAsync($"/v1/claims/{claimId}?asOf={asOfText}"));
        Assert.Equal("CORROBORATED", past.RootElement.GetProperty("status").GetString());

        // The Kremlin's journal: one version per report, with the alias it used and its statement; as of before the
        // out-of-order run, two statements.
        var actorHistory = await client.GetActorHistoryAsync(new V1.GetActorHistoryRequest { ActorId = "a-kremlin", PageSize = 2 });
        Assert.Equal("Kremlin", actorHistory.Versions[0].Alias);
        Assert.Equal(["Kremlin"], actorHistory.Versions[0].ReportAliases);
        Assert.True(actorHistory.Versions[0].NewAlias);
        Assert.False(actorHistory.Versions[1].NewAlias);
        Assert.Equal(["Kremlin"], actorHistory.Versions[0].Aliases);
        var firstStatement = Assert.Single(actorHistory.Versions[0].Statements);
        Assert.Equal(
            (firstStatement.StatementId, firstStatement.ClaimId), (actorHistory.Versions[0].StatementId, actorHistory.Versions[0].ClaimId));
        var listed = await client.ListStatementsAsync(
            new V1.ListStatementsRequest { ActorId = "a-kremlin", ReportId = actorHistory.Versions[0].ReportId });
        Assert.Equal([firstStatement.StatementId], listed.Statements.Select(st => st.StatementId));
        Assert.NotNull(actorHistory.Versions[0].RecordedAt);
        Assert.NotEmpty(actorHistory.NextPageToken);
        var actorThen = await client.GetActorAsync(
            new V1.GetActorRequest { ActorId = "a-kremlin", AsOf = Timestamp.FromDateTimeOffset(afterSecond) });
        Assert.Equal(2, actorThen.StatementCount);
        var actorNow = await client.GetActorAsync(new V1.GetActorRequest { ActorId = "a-kremlin" });
        Assert.Equal(4, actorNow.StatementCount);
        var actorFirst = await client.GetActorAsync(new V1.GetActorRequest { ActorId = "a-kremlin", Version = 1 });
        Assert.Equal(1, actorFirst.StatementCount);
        Assert.Equal(["Kremlin"], actorFirst.Aliases);
        await AssertStatusAsync(StatusCode.NotFound, () => client.GetActorAsync(
            new V1.GetActorRequest { ActorId = "a-kremlin", AsOf = Timestamp.FromDateTimeOffset(Day0) }).ResponseAsync);
        await AssertStatusAsync(StatusCode.NotFound, () => client.GetClaimHistoryAsync(
            new V1.GetClaimHistoryRequest { ClaimId = "c-0000000000000000" }).ResponseAsync);
        await AssertStatusAsync(StatusCode.InvalidArgument, () => client.GetClaimTimelineAsync(
            new V1.GetClaimTimelineRequest { ClaimId = claimId, PageToken = "x" }).ResponseAsync);
    }

    /// <summary>
    /// Four reports on one claim, published on days 1–4, registered in the order given: Ukrainian data (via AFP) and
    /// Estonian intelligence support it; the Kremlin supports it on day 3 and denies it on day 4.
    /// </summary>
    private static async Task<V1.Claim> RegisterStoryAsync(
        V1.ClaimTracker.ClaimTrackerClient client, string prefix, string text, int[] days, Action<int>? registered = null)
    {
        string? claimId = null;
        var count = 0;
        foreach (var day in days)
        {
            var (speaker, via, stance) = day switch
            {
                1 => ("Ukrainian data", new[] { "AFP" }, V1.Stance.Supports),
                2 => ("Estonian intelligence", [], V1.Stance.Supports),
                3 => ("Kremlin", [], V1.Stance.Supports),
                _ => ("Kremlin", [], V1.Stance.Contradicts),
            };
            var request = Reports.Report($"{prefix}-{day}", $"Outlet {day}", speaker, via, text);
            request.PublishedAt = Timestamp.FromDateTimeOffset(Day0.AddDays(day));
            request.Statements[0].Stance = stance;
            request.Statements[0].ClaimId = claimId ?? string.Empty;
            var response = await client.RegisterReportAsync(request);
            claimId = response.Outcomes[0].ClaimId;
            await Task.Delay(20);
            registered?.Invoke(++count);
            await Task.Delay(20);
        }

        return await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
    }

    private static async Task AssertStatusAsync(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
        Assert.NotEmpty(error.Status.Detail);
    }
}
