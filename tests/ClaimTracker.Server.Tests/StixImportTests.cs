using System.Text.Json.Nodes;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// ImportStix: a bundle the server exported, imported into an empty store, gives the same claims, statuses and origins;
/// importing it again changes nothing; objects with no ClaimTracker meaning are listed, not dropped.
/// </summary>
public sealed class StixImportTests
{
    [Fact]
    public async Task Export_then_import_into_an_empty_store_gives_the_same_claims_statuses_and_origins()
    {
        string bundle;
        List<string> before;
        await using (var source = await RunningServer.StartAsync(null, RunningServer.ExactMatching))
        {
            // One claim carried by two outlets from one origin via AFP, corroborated by a second origin, then denied
            // (contested); one hedged single-origin claim; one claim the outlet makes itself.
            await source.Client.RegisterReportAsync(Reports.A());
            await source.Client.RegisterReportAsync(Reports.B());
            var c = await source.Client.RegisterReportAsync(Reports.C());
            await source.Client.RegisterReportAsync(Reports.D(c.Outcomes[0].ClaimId));
            var hedged = Reports.Report("story-e", "BBC", "Western officials", ["Reuters"], "The dam may have been mined in advance");
            hedged.Statements[0].Modality = V1.Modality.Hedged;
            hedged.Statements[0].Stance = V1.Stance.Supports;
            await source.Client.RegisterReportAsync(hedged);
            await source.Client.RegisterReportAsync(Reports.Report("story-f", "Meduza", "Meduza", [], "The ferry service was suspended"));
            before = await ClaimsAsync(source.Client);
            using var http = new HttpClient { BaseAddress = source.WebAddress };
            bundle = await http.GetStringAsync("/v1/exports/stix");
        }

        await using var target = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var imported = await target.Client.ImportStixAsync(new V1.ImportStixRequest { BundleJson = bundle });
        Assert.Equal(6, imported.ImportedReportIds.Count);
        Assert.Equal(6, imported.StatementsImported);
        Assert.Empty(imported.Unmapped);
        Assert.Equal(before, await ClaimsAsync(target.Client));
        Assert.Contains("| Contested |", string.Join("\n", before), StringComparison.Ordinal);

        var again = await target.Client.ImportStixAsync(new V1.ImportStixRequest { BundleJson = bundle });
        Assert.Empty(again.ImportedReportIds);
        Assert.Equal(imported.ImportedReportIds.Order(), again.AlreadyPresentReportIds.Order());
        Assert.Equal(before, await ClaimsAsync(target.Client));

        // Objects of other kinds are listed with their reason; the reports around them are still imported.
        var extended = JsonNode.Parse(bundle)!.AsObject();
        var objects = extended["objects"]!.AsArray();
        objects.Add(new JsonObject { ["type"] = "indicator", ["id"] = "indicator--0b8a4d2e-5f1c-4a8e-9d3b-1c2d3e4f5a6b" });
        objects.Add(new JsonObject { ["type"] = "x-acme-rumour", ["id"] = "x-acme-rumour--4f5a6b7c-8d9e-4f0a-8b1c-2d3e4f5a6b7c" });
        var withUnknown = await target.Client.ImportStixAsync(new V1.ImportStixRequest { BundleJson = extended.ToJsonString() });
        Assert.Equal(6, withUnknown.AlreadyPresentReportIds.Count);
        Assert.Equal(["indicator", "x-acme-rumour"], withUnknown.Unmapped.Select(u => u.Type).Order());
        Assert.All(withUnknown.Unmapped, u => Assert.Contains("no ClaimTracker equivalent", u.Reason, StringComparison.Ordinal));

        var notJson = await Assert.ThrowsAsync<RpcException>(
            () => target.Client.ImportStixAsync(new V1.ImportStixRequest { BundleJson = "{not json" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, notJson.StatusCode);
        var notBundle = await Assert.ThrowsAsync<RpcException>(
            () => target.Client.ImportStixAsync(new V1.ImportStixRequest { BundleJson = """{"type": "report"}""" }).ResponseAsync);
        Assert.Contains("bundle", notBundle.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>Every claim as text, status, grade, origins on each side and statement count, in a stable order.</summary>
    private static async Task<List<string>> ClaimsAsync(V1.ClaimTracker.ClaimTrackerClient client)
    {
        var claims = await client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 100 });
        return [.. claims.Claims.Select(c => string.Join(
                " | ",
                c.Text,
                c.Status,
                c.Credibility,
                string.Join(",", c.SupportingOrigins.Order()),
                string.Join(",", c.ContradictingOrigins.Order()),
                c.StatementCount))
            .Order(StringComparer.Ordinal)];
    }
}
