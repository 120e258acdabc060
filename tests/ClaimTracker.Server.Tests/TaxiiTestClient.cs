using System.Net.Http.Headers;
using System.Text.Json;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// A TAXII 2.1 client written from the OASIS specification (§4 discovery and API roots, §5 collections, objects and
/// manifests, §3.4 pagination): it sends the TAXII Accept header, finds the default API root from discovery, and
/// polls a collection by following <c>next</c> while <c>more</c> is true, remembering the
/// <c>X-TAXII-Date-Added-Last</c> header to start the next poll from (<c>added_after</c>), as platforms do.
/// </summary>
internal sealed class TaxiiTestClient(HttpClient http)
{
    public const string MediaType = "application/taxii+json;version=2.1";

    /// <summary>Where the last poll ended; a new client given this resumes as a restarted poller would.</summary>
    public string? AddedAfter { get; set; }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await SendAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ReadAsync(response);
    }

    public async Task<HttpResponseMessage> SendAsync(string path, string accept = MediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await http.SendAsync(request);
    }

    /// <summary>The default API root's URL, from discovery.</summary>
    public async Task<string> ApiRootAsync() => (await GetAsync("/taxii2/")).GetProperty("default").GetString()!;

    /// <summary>
    /// One poll: every page after <see cref="AddedAfter"/> (following <c>next</c>), then <see cref="AddedAfter"/> moved to
    /// the last object's date. Returns the objects with their page's dates.
    /// </summary>
    public async Task<List<PolledObject>> PollAsync(string collectionUrl, int limit, string filters = "")
    {
        var objects = new List<PolledObject>();
        string? next = null;
        var startedAfter = AddedAfter;
        while (true)
        {
            var query = $"?limit={limit}{filters}";
            if (startedAfter is not null)
            {
                query += "&added_after=" + Uri.EscapeDataString(startedAfter);
            }

            if (next is not null)
            {
                query += "&next=" + Uri.EscapeDataString(next);
            }

            using var response = await SendAsync(collectionUrl + "objects/" + query);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Equal(MediaType, response.Content.Headers.ContentType?.ToString().Replace(" ", string.Empty, StringComparison.Ordinal));
            var envelope = await ReadAsync(response);
            var page = envelope.TryGetProperty("objects", out var items) ? items.EnumerateArray().ToList() : [];
            Assert.True(page.Count <= limit, $"{page.Count} objects on a page with limit {limit}");
            if (page.Count > 0)
            {
                var first = response.Headers.GetValues("X-TAXII-Date-Added-First").Single();
                var last = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
                objects.AddRange(page.Select(o => new PolledObject(o, first, last)));
                AddedAfter = last;
            }

            if (!envelope.GetProperty("more").GetBoolean())
            {
                return objects;
            }

            next = envelope.GetProperty("next").GetString();
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

/// <summary>An object as polled, with the added dates of its page.</summary>
internal sealed record PolledObject(JsonElement Stix, string PageFirstAdded, string PageLastAdded)
{
    public string Type => Stix.GetProperty("type").GetString()!;

    public string Id => Stix.GetProperty("id").GetString()!;

    public string Version => Stix.GetProperty("modified").GetString()!;
}
