using System.Text.Json;
using ClaimTracker.Exports;
using ClaimTracker.Exports.ClaimReview;
using ClaimTracker.Exports.Fetching;
using ClaimTracker.Exports.Stix;
using ClaimTracker.Exports.Tests;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// <c>claimtracker export</c> end to end: the seed article registered as text, its claims fetched over
/// gRPC by the CLI's fetcher and exported, the output checked against the STIX 2.1 and ClaimReview rules.
/// </summary>
public sealed class ExportTests
{
    private static readonly DateTimeOffset Published = new(2023, 9, 13, 12, 0, 0, TimeSpan.Zero);

    [SeedArticleFact]
    public async Task The_seed_articles_claims_export_as_a_valid_STIX_bundle_and_ClaimReview()
    {
        await using var server = await RunningServer.StartAsync();
        var client = server.Client;
        var seed = await client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "seed",
            Source = "Example Outlet",
            Url = "https://example.org/putin-kim-vostochny",
            Title = "Putin and Kim at Vostochny",
            PublishedAt = Timestamp.FromDateTimeOffset(Published),
            Text = SeedArticleTests.SeedText,
        });
        var actors = (await client.ListActorsAsync(new V1.ListActorsRequest { PageSize = 200 })).Actors;
        string ActorId(string name) => Assert.Single(actors, a => a.Name == name).ActorId;

        // TASS denies the 60,000 shots a day: that claim gets a second statement, a second report and a contradicting origin.
        var shellsClaimId = seed.Outcomes.Single(o => o.ActorId == ActorId("Ukrainian data")).ClaimId;
        var denial = new V1.RegisterReportRequest
        {
            ReportId = "denial",
            Source = "TASS",
            Url = "https://example.org/tass-denial",
            Title = "Ministry rejects shelling figures",
            PublishedAt = Timestamp.FromDateTimeOffset(Published.AddDays(1)),
        };
        denial.Statements.Add(new V1.StatementInput
        {
            Speaker = "Russian Ministry of Defence",
            Content = "Ukrainian figures about Russian shelling rates are fabricated",
            Stance = V1.Stance.Contradicts,
            ClaimId = shellsClaimId,
        });
        await client.RegisterReportAsync(denial);

        // As `claimtracker export stix` fetches (small pages, so that paging is exercised), twice.
        var fetcher = new ExportFetcher(client, claimPageSize: 7, statementPageSize: 1);
        var data = await fetcher.FetchAsync(new ExportSelection());
        var bytes = Stix(data);
        Assert.Equal(bytes, Stix(await fetcher.FetchAsync(new ExportSelection())));

        var claimIds = seed.Outcomes.Select(o => o.ClaimId).Distinct().ToList();
        Assert.Equal(claimIds.Order(StringComparer.Ordinal), data.Claims.Select(c => c.ClaimId).Order(StringComparer.Ordinal));
        Assert.Equal(seed.Outcomes.Count + 1, data.Claims.Sum(c => c.Statements.Count));
        Assert.Equal(["denial", "seed"], data.Reports.Keys.Order(StringComparer.Ordinal));
        Assert.All(data.Reports.Values, r => Assert.Empty(r.Text));

        var objects = StixChecks.Validate(JsonDocument.Parse(bytes).RootElement);
        Assert.Equal(claimIds.Count, objects.OfType("note").Count());
        Assert.Equal(seed.Outcomes.Count + 1, objects.OfType("opinion").Count());
        Assert.Equal(2, objects.OfType("report").Count());

        // Every claim's note carries the confidence its Admiralty grade maps to.
        foreach (var claim in data.Claims)
        {
            var note = objects[StixIds.For("note", "claim:" + claim.ClaimId)];
            Assert.Equal(claim.Text, note.GetProperty("abstract").GetString());
            Assert.Equal(StixMappings.Confidence(claim.Credibility), note.TryGetProperty("confidence", out var c) ? c.GetInt32() : null);
        }

        var shells = objects[StixIds.For("note", "claim:" + shellsClaimId)];
        Assert.Equal(30, shells.GetProperty("confidence").GetInt32()); // CONTESTED: Admiralty 4, doubtful
        Assert.Contains("status-contested", shells.GetProperty("labels").Strings());
        Assert.Equal(2, shells.GetProperty("object_refs").GetArrayLength());

        JsonElement Identity(string name) => Assert.Single(objects.OfType("identity"), i => i.GetProperty("name").GetString() == name);
        Assert.Equal("individual", Identity("Putin").GetProperty("identity_class").GetString());
        Assert.Contains("President Putin", Identity("Putin").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("organization", Identity("AFP").GetProperty("identity_class").GetString());
        Assert.Equal(["news outlet"], Identity("AFP").GetProperty("roles").Strings());
        Assert.Equal(["government"], Identity("Ukrainian Military Intelligence Agency").GetProperty("sectors").Strings());

        // The 60,000 shots: Ukrainian data, relayed by AFP, carried by Example Outlet; denied by the ministry via TASS.
        var hops = objects.OfType("relationship")
            .Select(r => (From: objects[r.GetProperty("source_ref").GetString()!].GetProperty("name").GetString(),
                          To: objects[r.GetProperty("target_ref").GetString()!].GetProperty("name").GetString()))
            .ToList();
        Assert.Contains(("Ukrainian data", "AFP"), hops);
        Assert.Contains(("AFP", "Example Outlet"), hops);
        Assert.Contains(("Russian Ministry of Defence", "TASS"), hops);

        var opinions = objects.OfType("opinion")
            .Where(o => o.GetProperty("object_refs")[0].GetString() == shells.GetProperty("id").GetString())
            .ToList();
        Assert.Equal(2, opinions.Count);
        var ukrainianData = Assert.Single(
            opinions,
            o => o.GetProperty("created_by_ref").GetString() == Identity("Ukrainian data").GetProperty("id").GetString());
        Assert.Equal("strongly-agree", ukrainianData.GetProperty("opinion").GetString());
        var ministry = Assert.Single(
            opinions,
            o => o.GetProperty("created_by_ref").GetString() == Identity("Russian Ministry of Defence").GetProperty("id").GetString());
        Assert.Equal("strongly-disagree", ministry.GetProperty("opinion").GetString());

        var report = objects[StixIds.For("report", "report:seed")];
        Assert.Equal("Putin and Kim at Vostochny", report.GetProperty("name").GetString());
        Assert.Equal("2023-09-13T12:00:00.000Z", report.GetProperty("published").GetString());
        Assert.Equal(Identity("Example Outlet").GetProperty("id").GetString(), report.GetProperty("created_by_ref").GetString());
        Assert.Equal(
            "https://example.org/putin-kim-vostochny",
            report.GetProperty("external_references")[0].GetProperty("url").GetString());

        // Filters and named claims go through the same path: `--status CONTESTED` finds the denied claim, `--claim` names it.
        var contested = await fetcher.FetchAsync(new ExportSelection { Status = V1.CorroborationStatus.Contested });
        Assert.Equal([shellsClaimId], contested.Claims.Select(c => c.ClaimId));
        var named = await fetcher.FetchAsync(new ExportSelection { ClaimIds = [shellsClaimId] });
        Assert.Equal(Stix(contested), Stix(named));
        StixChecks.Validate(JsonDocument.Parse(Stix(named)).RootElement);

        // ClaimReview of the same claims.
        using var reviewStream = new MemoryStream();
        ClaimReviewExporter.Write(reviewStream, data, new ClaimReviewOptions { BaseUrl = "https://factcheck.example/claims/" });
        var reviews = JsonDocument.Parse(reviewStream.ToArray()).RootElement;
        ClaimReviewChecks.Validate(reviews, expectUrl: true);
        Assert.Equal(claimIds.Count, reviews.GetArrayLength());
        var shellsReview = Assert.Single(reviews.EnumerateArray(), r => r.GetProperty("identifier").GetString() == shellsClaimId);
        Assert.Equal("Contested", shellsReview.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        var item = shellsReview.GetProperty("itemReviewed");
        Assert.Equal("Ukrainian data", item.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://example.org/putin-kim-vostochny", item.GetProperty("firstAppearance").GetProperty("url").GetString());
        Assert.Equal(
            "https://example.org/tass-denial",
            Assert.Single(item.GetProperty("appearance").EnumerateArray()).GetProperty("url").GetString());
    }

    private static byte[] Stix(ExportData data)
    {
        using var stream = new MemoryStream();
        StixExporter.Write(stream, data);
        return stream.ToArray();
    }
}
