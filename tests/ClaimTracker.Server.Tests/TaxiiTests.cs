using System.Net;
using System.Text.Json;
using ClaimTracker.Exports.Stix;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The TAXII 2.1 collections as a threat-intelligence platform polls them: discovery, API root and collections, then
/// polls with small pages while reports arrive, resumed with added_after (also after a server restart).
/// </summary>
public sealed class TaxiiTests
{
    private static readonly string[] Claims =
        [.. Enumerable.Range(1, 6).Select(i => $"Shipment {i} of artillery shells reached the front")];

    [Fact]
    public async Task A_poller_gets_every_changed_claim_once_and_in_order_across_pages_restarts_and_filters()
    {
        var dataDirectory = RunningServer.NewDataDirectory();
        var server = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching);
        try
        {
            using var http = new HttpClient { BaseAddress = server.WebAddress };
            var taxii = new TaxiiTestClient(http);
            var root = await taxii.ApiRootAsync();
            Assert.Contains(TaxiiTestClient.MediaType, (await taxii.GetAsync(root)).GetProperty("versions").EnumerateArray()
                .Select(v => v.GetString()));
            var collections = (await taxii.GetAsync(root + "collections/")).GetProperty("collections").EnumerateArray().ToList();
            Assert.Equal(5, collections.Count);
            string Url(string alias) => root + "collections/"
                + collections.Single(c => c.GetProperty("alias").GetString() == alias).GetProperty("id").GetString() + "/";
            var all = Url("claims");

            // Reports arrive one by one (claims change several times: new statements, new statuses) while a poller
            // polls with pages of 5 objects, so claims are cut across pages; each poll starts from the previous one's
            // last date, with a new client (a restarted poller keeps only that date).
            var registering = Task.Run(async () =>
            {
                for (var i = 0; i < 24; i++)
                {
                    await server.Client.RegisterReportAsync(
                        Reports.Report($"taxii-{i}", $"Outlet {i % 4}", $"Origin {i % 5}", [], Claims[(i * 7) % Claims.Length]));
                }
            });
            var notes = new List<PolledObject>();
            var polled = new List<PolledObject>();
            string? addedAfter = null;
            while (true)
            {
                var done = registering.IsCompleted;
                var poller = new TaxiiTestClient(http) { AddedAfter = addedAfter };
                var objects = await poller.PollAsync(all, limit: 5);
                addedAfter = poller.AddedAfter;
                polled.AddRange(objects);
                notes.AddRange(objects.Where(o => o.Type == "note"));
                if (done && objects.Count == 0)
                {
                    break;
                }

                await Task.Delay(done ? 300 : 20);
            }

            await registering;

            // Each version of a claim's note came once; dates only go forward.
            Assert.Equal(notes.Count, notes.Select(n => (n.Id, n.Version)).Distinct().Count());
            var dates = polled.Select(o => o.PageFirstAdded).Zip(polled.Select(o => o.PageLastAdded)).ToList();
            for (var i = 1; i < dates.Count; i++)
            {
                Assert.True(string.CompareOrdinal(dates[i - 1].Second, dates[i].First) <= 0 || dates[i - 1] == dates[i]);
            }

            // The last version polled of each claim is its current one: a fresh poll from the start gives each claim
            // once, at exactly that version.
            var fresh = (await new TaxiiTestClient(http).PollAsync(all, limit: 1000)).Where(o => o.Type == "note").ToList();
            Assert.Equal(Claims.Length, fresh.Count);
            Assert.Equal(fresh.Count, fresh.Select(n => n.Id).Distinct().Count());
            var lastPolled = notes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.Last().Version);
            Assert.All(fresh, n => Assert.Equal(n.Version, lastPolled[n.Id]));
            var listed = await server.Client.ListClaimsAsync(new V1.ListClaimsRequest { PageSize = 100 });
            Assert.Equal(
                listed.Claims.Select(c => StixIds.For("note", "claim:" + c.ClaimId)).Order(),
                fresh.Select(n => n.Id).Order());

            // Filters: types, ids, one status's collection, the manifest.
            var onlyNotes = await new TaxiiTestClient(http).PollAsync(all, limit: 3, "&match[type]=note");
            Assert.Equal(Claims.Length, onlyNotes.Count);
            Assert.All(onlyNotes, o => Assert.Equal("note", o.Type));
            var oneId = fresh[0].Id;
            Assert.Equal(oneId, Assert.Single(await new TaxiiTestClient(http).PollAsync(all, 10, "&match[id]=" + oneId)).Id);
            var corroborated = listed.Claims.Count(c => c.Status == V1.CorroborationStatus.Corroborated);
            Assert.True(corroborated > 0);
            var corroboratedNotes = (await new TaxiiTestClient(http).PollAsync(Url("claims-corroborated"), 50, "&match[type]=note"));
            Assert.Equal(corroborated, corroboratedNotes.Count);
            Assert.All(corroboratedNotes, n => Assert.Contains(
                "status-corroborated", n.Stix.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
            var manifest = await taxii.GetAsync(all + "manifest/?match[type]=note&limit=100");
            Assert.Equal(
                fresh.Select(n => (n.Id, n.Version)).Order(),
                manifest.GetProperty("objects").EnumerateArray()
                    .Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("version").GetString()!)).Order());
            Assert.All(manifest.GetProperty("objects").EnumerateArray(), m =>
                Assert.Equal("application/stix+json;version=2.1", m.GetProperty("media_type").GetString()));

            // Errors are TAXII error messages with the right status.
            Assert.Equal(HttpStatusCode.NotAcceptable, (await taxii.SendAsync(all + "objects/", "application/xml")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await taxii.SendAsync(all + "objects/?added_after=yesterday")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await taxii.SendAsync(all + "objects/?limit=0")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await taxii.SendAsync(all + "objects/?next=zz")).StatusCode);
            var missing = await taxii.SendAsync(root + "collections/no-such/objects/");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("404", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement
                .GetProperty("http_status").GetString());

            // After a restart the dates are the same: the poller resumes where it was and finds nothing new, and a
            // report registered then arrives once.
            static List<string> Dated(JsonElement manifest) => [.. manifest.GetProperty("objects").EnumerateArray()
                .Select(m => m.GetProperty("id").GetString() + "@" + m.GetProperty("date_added").GetString())];
            var datedBefore = Dated(manifest);
            await server.DisposeAsync();
            server = await RunningServer.StartAsync(dataDirectory, RunningServer.ExactMatching);
            using var http2 = new HttpClient { BaseAddress = server.WebAddress };
            var restarted = new TaxiiTestClient(http2) { AddedAfter = addedAfter };
            var allAgain = new Uri(all).AbsolutePath;
            Assert.Empty(await restarted.PollAsync(allAgain, 5));
            Assert.Equal(datedBefore, Dated(await restarted.GetAsync(allAgain + "manifest/?match[type]=note&limit=100")));
            await server.Client.RegisterReportAsync(Reports.Report("taxii-after-restart", "Outlet 9", "Origin 9", [], Claims[0]));
            var after = (await restarted.PollAsync(allAgain, 5)).Where(o => o.Type == "note").ToList();
            Assert.Equal(StixIds.For("note", "claim:" + listed.Claims.Single(c => c.Text == Claims[0]).ClaimId), Assert.Single(after).Id);
            Assert.Empty(await restarted.PollAsync(allAgain, 5));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
