using System.Net;
using System.Text.Json;
using ClaimTracker.Exports.Fetching;
using ClaimTracker.Exports.Stix;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// <c>GET /v1/exports/stix</c> and <c>/v1/exports/claimreview</c>: streamed from the server in chunks, the same objects
/// as the exporter builds in memory from the same claims, with the CLI's filters, and clear refusals.
/// </summary>
public sealed class ServerExportTests
{
    [Fact]
    public async Task Streamed_exports_hold_the_same_objects_as_the_in_memory_bundle_across_chunks_and_filters()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        // More claims than one chunk, some with two statements (and so two origins: corroborated).
        for (var i = 0; i < 60; i++)
        {
            await server.Client.RegisterReportAsync(Reports.Report($"export-{i}", $"Outlet {i % 3}", $"Origin {i % 7}", ["AFP"],
                $"Convoy {i % 55} crossed the river at dawn"));
        }

        using var http = new HttpClient { BaseAddress = server.WebAddress };
        var streamed = await http.GetAsync("/v1/exports/stix?compact=true");
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Equal("55", streamed.Headers.GetValues("X-ClaimTracker-Claims").Single());
        var bundle = JsonDocument.Parse(await streamed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        Assert.StartsWith("bundle--", bundle.GetProperty("id").GetString(), StringComparison.Ordinal);

        var inMemory = StixExporter.BuildBundle(await new ExportFetcher(server.Client).FetchAsync(new ExportSelection()));
        static List<string> Canonical(IEnumerable<string> objects) => [.. objects.Order(StringComparer.Ordinal)];
        Assert.Equal(
            Canonical(inMemory["objects"]!.AsArray().Select(o => o!.ToJsonString())),
            Canonical(bundle.GetProperty("objects").EnumerateArray().Select(o => JsonSerializer.Serialize(o))));

        var corroborated = await http.GetAsync("/v1/exports/claimreview?status=CORROBORATED&base_url=https://factcheck.example/c/");
        var reviews = JsonDocument.Parse(await corroborated.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(5, reviews.Count);
        Assert.All(reviews, r => Assert.Equal("Corroborated", r.GetProperty("reviewRating").GetProperty("alternateName").GetString()));
        var limited = await http.GetAsync("/v1/exports/claimreview?limit=3");
        Assert.Equal(3, JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetArrayLength());

        var empty = JsonDocument.Parse(await http.GetStringAsync("/v1/exports/stix?query=nothing+matches+this")).RootElement;
        Assert.False(empty.TryGetProperty("objects", out _));

        foreach (var bad in new[] { "status=MAYBE", "limit=-1", "claim=c-1&status=CONTESTED" })
        {
            var refused = await http.GetAsync("/v1/exports/stix?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(3, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        }

        var missing = await http.GetAsync("/v1/exports/stix?claim=c-0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("c-0000000000000000", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
