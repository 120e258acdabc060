using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The seed article and its follow-ups, registered in publication order and out of it, give the same positions and
/// statuses; the past of the claim the Kremlin denies reads back as it stood, and its timeline shows where it turned.
/// </summary>
public sealed class SeedHistoryTests
{
    private static readonly DateTimeOffset Published = new(2023, 9, 13, 10, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, string Source, string Text)[] FollowUps =
    [
        ("echo", "Other Outlet", "Russian forces are firing up to 60,000 shells per day, according to Ukrainian data, AFP reports."),
        ("estimate", "Third Outlet", "Ukraine's general staff now estimates that Russian forces fire about 20,000 shells per day."),
        ("denial", "Fourth Outlet", "The Kremlin denied that military cooperation with North Korea was discussed at the summit."),
        ("confirmation", "Fifth Outlet",
            "Russia will produce 2.5 million artillery shells this year, Estonian defence intelligence said."),
    ];

    [SeedArticleFact]
    public async Task Out_of_publication_order_gives_the_same_positions_and_the_past_shows_the_status_before_the_denial()
    {
        Dictionary<string, string> inOrder;
        V1.ClaimTimeline inOrderTimeline;
        string opportunitiesId;
        await using (var server = await RunningServer.StartAsync())
        {
            var client = server.Client;
            var seed = await client.RegisterReportAsync(Request("seed", "Example Outlet", SeedArticleTests.SeedText, 0));
            opportunitiesId = await FindClaimAsync(client, seed, "“opportunities” for military cooperation");
            var beforeDenialStatus = (await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = opportunitiesId })).Status;
            DateTimeOffset beforeDenial = default;
            for (var i = 0; i < FollowUps.Length; i++)
            {
                if (FollowUps[i].Id == "denial")
                {
                    await Task.Delay(20);
                    beforeDenial = DateTimeOffset.UtcNow;
                    await Task.Delay(20);
                }

                await client.RegisterReportAsync(Request(FollowUps[i].Id, FollowUps[i].Source, FollowUps[i].Text, i + 1));
            }

            var now = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = opportunitiesId });
            Assert.Equal(V1.CorroborationStatus.Contested, now.Status);
            var then = await client.GetClaimAsync(
                new V1.GetClaimRequest { ClaimId = opportunitiesId, AsOf = Timestamp.FromDateTimeOffset(beforeDenial) });
            Assert.Equal(beforeDenialStatus, then.Status);
            Assert.NotEqual(V1.CorroborationStatus.Contested, then.Status);
            Assert.DoesNotContain(then.Statements, s => s.ReportId == "denial");
            Assert.Empty(then.ContradictingOrigins);

            inOrderTimeline = await client.GetClaimTimelineAsync(new V1.GetClaimTimelineRequest { ClaimId = opportunitiesId });
            Assert.Equal("seed", inOrderTimeline.FirstAppearance.ReportId);
            var contested = Assert.Single(inOrderTimeline.Turns, t => t.To == V1.CorroborationStatus.Contested);
            Assert.Equal("Fourth Outlet", contested.Outlet);
            Assert.Equal(Published.AddDays(3), contested.At.ToDateTimeOffset());
            Assert.Contains(inOrderTimeline.Entries, e => e.ReportId == "denial" && e.StatusTurned && e.Stance == V1.Stance.Contradicts);
            inOrder = await PositionsAsync(client, seed);
        }

        await using (var server = await RunningServer.StartAsync())
        {
            // The seed first, then its follow-ups newest first.
            var client = server.Client;
            var seed = await client.RegisterReportAsync(Request("seed", "Example Outlet", SeedArticleTests.SeedText, 0));
            for (var i = FollowUps.Length - 1; i >= 0; i--)
            {
                await client.RegisterReportAsync(Request(FollowUps[i].Id, FollowUps[i].Source, FollowUps[i].Text, i + 1));
            }

            Assert.Equal(inOrder, await PositionsAsync(client, seed));
            var timeline = await client.GetClaimTimelineAsync(new V1.GetClaimTimelineRequest { ClaimId = opportunitiesId });
            Assert.Equal(inOrderTimeline.Turns, timeline.Turns);
            Assert.Equal(inOrderTimeline.Entries.Select(e => e.StatementId), timeline.Entries.Select(e => e.StatementId));
        }
    }

    /// <summary>For every claim the seed's statements joined: its status and the origins on each side.</summary>
    private static async Task<Dictionary<string, string>> PositionsAsync(
        V1.ClaimTracker.ClaimTrackerClient client, V1.RegisterReportResponse seed)
    {
        var positions = new Dictionary<string, string>();
        foreach (var claimId in seed.Outcomes.Select(o => o.ClaimId).Distinct())
        {
            var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            positions[claimId] = $"{claim.Status} +[{string.Join(",", claim.SupportingOrigins.Order())}]"
                + $" -[{string.Join(",", claim.ContradictingOrigins.Order())}] {claim.StatementCount}";
        }

        return positions;
    }

    private static async Task<string> FindClaimAsync(
        V1.ClaimTracker.ClaimTrackerClient client, V1.RegisterReportResponse seed, string words)
    {
        foreach (var claimId in seed.Outcomes.Select(o => o.ClaimId).Distinct())
        {
            var claim = await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId });
            if (claim.Text.Contains(words, StringComparison.Ordinal))
            {
                return claimId;
            }
        }

        throw new InvalidOperationException($"no seed claim says '{words}'");
    }

    private static V1.RegisterReportRequest Request(string reportId, string source, string text, int day) => new()
    {
        ReportId = reportId,
        Source = source,
        Text = text,
        PublishedAt = Timestamp.FromDateTimeOffset(Published.AddDays(day)),
    };
}
