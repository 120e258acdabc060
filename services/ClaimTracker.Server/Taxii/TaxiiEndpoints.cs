using ClaimTracker.Security;
using System.Globalization;
using System.Text.Json;
using ClaimTracker.Exports;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Server.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ClaimTracker.Server.Taxii;

/// <summary>
/// A read-only TAXII 2.1 server (OASIS TAXII Version 2.1, §4–5): discovery at <c>/taxii2/</c>, one API root at
/// <c>/taxii2/claimtracker/</c>, its collections (<see cref="TaxiiCollection"/>), and for each the objects and manifest
/// endpoints with <c>added_after</c>, <c>limit</c>, <c>next</c>, <c>match[type]</c> and <c>match[id]</c>.
/// Only the latest version of an object is served (<c>match[version]</c> other than <c>last</c> is refused).
/// </summary>
internal static class TaxiiEndpoints
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string StixMediaType = "application/stix+json;version=2.1";
    public const string DiscoveryPath = "/taxii2/";
    public const string ApiRootPath = "/taxii2/claimtracker/";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static void AddClaimTrackerTaxii(this IServiceCollection services) => services.AddSingleton<TaxiiTimeline>();

    public static void MapClaimTrackerTaxii(this IEndpointRouteBuilder app)
    {
        // Polling claims is reading them: the same scope as the API's reads.
        var taxii = app.MapGroup(string.Empty).RequireAuthorization(Scopes.ClaimsRead);
        taxii.MapGet(DiscoveryPath, Discovery);
        taxii.MapGet(ApiRootPath, ApiRoot);
        taxii.MapGet(ApiRootPath + "collections/", Collections);
        taxii.MapGet(ApiRootPath + "collections/{id}/", Collection);
        taxii.MapGet(ApiRootPath + "collections/{id}/objects/", (HttpContext http, string id, TaxiiTimeline timeline,
            IClaimReadSide readSide) => PollAsync(http, id, new TaxiiPager(timeline, new ReadSideExportReader(readSide)), manifest: false));
        taxii.MapGet(ApiRootPath + "collections/{id}/manifest/", (HttpContext http, string id, TaxiiTimeline timeline,
            IClaimReadSide readSide) => PollAsync(http, id, new TaxiiPager(timeline, new ReadSideExportReader(readSide)), manifest: true));
    }

    private static Task Discovery(HttpContext http) => RespondAsync(http, writer =>
    {
        writer.WriteString("title", "ClaimTracker");
        writer.WriteString("description", "Claims in news reporting, who made them, through whom, and how well they hold up, as STIX 2.1");
        var root = new Uri(new Uri(BaseUrl(http)), ApiRootPath).ToString();
        writer.WriteString("default", root);
        writer.WriteStartArray("api_roots");
        writer.WriteStringValue(root);
        writer.WriteEndArray();
    });

    private static Task ApiRoot(HttpContext http) => RespondAsync(http, writer =>
    {
        writer.WriteString("title", "ClaimTracker claims");
        writer.WriteString("description", "Read-only collections of claims: all of them, and one per corroboration status");
        writer.WriteStartArray("versions");
        writer.WriteStringValue(MediaType);
        writer.WriteEndArray();
        writer.WriteNumber("max_content_length", 0);
    });

    private static Task Collections(HttpContext http) => RespondAsync(http, writer =>
    {
        writer.WriteStartArray("collections");
        foreach (var collection in TaxiiCollection.All)
        {
            writer.WriteStartObject();
            WriteCollection(writer, collection);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static Task Collection(HttpContext http, string id) =>
        TaxiiCollection.Find(id) is { } collection
            ? RespondAsync(http, writer => WriteCollection(writer, collection))
            : ErrorAsync(http, StatusCodes.Status404NotFound, "Unknown collection", NoSuchCollection(id));

    private static async Task PollAsync(HttpContext http, string id, TaxiiPager pager, bool manifest)
    {
        if (!Acceptable(http))
        {
            await ErrorAsync(http, StatusCodes.Status406NotAcceptable, "Not acceptable", $"send Accept: {MediaType}");
            return;
        }

        if (TaxiiCollection.Find(id) is not { } collection)
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "Unknown collection", NoSuchCollection(id));
            return;
        }

        if (ParseRequest(http.Request.Query, collection, out var request) is { } problem)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "Invalid filter", problem);
            return;
        }

        var page = await pager.ReadAsync(request!, http.RequestAborted);
        if (page.Items.Count > 0)
        {
            http.Response.Headers["X-TAXII-Date-Added-First"] = TaxiiTime(page.Items[0].AddedAt);
            http.Response.Headers["X-TAXII-Date-Added-Last"] = TaxiiTime(page.Items[^1].AddedAt);
        }

        await RespondAsync(http, writer =>
        {
            writer.WriteBoolean("more", page.More);
            if (page.Next is not null)
            {
                writer.WriteString("next", page.Next);
            }

            if (page.Items.Count == 0)
            {
                return;
            }

            writer.WriteStartArray("objects");
            foreach (var item in page.Items)
            {
                if (!manifest)
                {
                    item.Stix.WriteTo(writer);
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("id", item.Id);
                writer.WriteString("date_added", TaxiiTime(item.AddedAt));
                writer.WriteString("version", item.Version);
                writer.WriteString("media_type", StixMediaType);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>The poll's parameters; the reason when one is not valid.</summary>
    private static string? ParseRequest(IQueryCollection query, TaxiiCollection collection, out TaxiiRequest? request)
    {
        request = null;
        DateTimeOffset? addedAfter = null;
        if (query["added_after"].FirstOrDefault() is { Length: > 0 } afterText)
        {
            if (!DateTimeOffset.TryParse(afterText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var after))
            {
                return $"added_after '{afterText}' is not an RFC 3339 timestamp such as 2026-12-06T08:00:00.000000Z";
            }

            addedAfter = after;
        }

        TaxiiNext? next = null;
        if (query["next"].FirstOrDefault() is { Length: > 0 } nextText && !TaxiiNext.TryParse(nextText, out next))
        {
            return $"next '{nextText}' is not a value this server returned; pass the next of the previous response";
        }

        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return $"limit '{limitText}' must be a positive number of objects";
        }

        if (query["match[version]"].FirstOrDefault() is { Length: > 0 } version && version != "last")
        {
            return "only the latest version of each object is served: leave out match[version] or pass 'last'";
        }

        request = new TaxiiRequest(
            collection, addedAfter, next, Math.Min(limit, MaxLimit), Set(query["match[type]"]), Set(query["match[id]"]));
        return null;
    }

    private static HashSet<string> Set(StringValues values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    private static void WriteCollection(Utf8JsonWriter writer, TaxiiCollection collection)
    {
        writer.WriteString("id", collection.Id);
        writer.WriteString("title", collection.Title);
        writer.WriteString("description", collection.Description);
        writer.WriteString("alias", collection.Alias);
        writer.WriteBoolean("can_read", true);
        writer.WriteBoolean("can_write", false);
        writer.WriteStartArray("media_types");
        writer.WriteStringValue(StixMediaType);
        writer.WriteEndArray();
    }

    /// <summary>TAXII's Accept rule: the TAXII media type (any version parameter of 2.1) or a wildcard.</summary>
    private static bool Acceptable(HttpContext http)
    {
        var accept = http.Request.Headers.Accept.ToString();
        return accept.Length == 0
            || accept.Contains("*/*", StringComparison.Ordinal)
            || (accept.Contains("application/taxii+json", StringComparison.OrdinalIgnoreCase)
                && (!accept.Contains("version=", StringComparison.OrdinalIgnoreCase)
                    || accept.Contains("version=2.1", StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task RespondAsync(HttpContext http, Action<Utf8JsonWriter> writeProperties)
    {
        http.Response.ContentType = MediaType;
        await using var writer = new Utf8JsonWriter(http.Response.Body, ExportJson.WriterOptions(indented: false));
        writer.WriteStartObject();
        writeProperties(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }

    /// <summary>A TAXII error message (§3.6.1).</summary>
    private static Task ErrorAsync(HttpContext http, int status, string title, string description)
    {
        http.Response.StatusCode = status;
        return RespondAsync(http, writer =>
        {
            writer.WriteString("title", title);
            writer.WriteString("description", description);
            writer.WriteString("http_status", status.ToString(CultureInfo.InvariantCulture));
        });
    }

    private static string NoSuchCollection(string id) =>
        $"no collection '{id}'; list them at {ApiRootPath}collections/ (aliases: {string.Join(", ", TaxiiCollection.All.Select(c => c.Alias))})";

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    /// <summary>RFC 3339 in UTC at microsecond precision: the precision date_added is kept at, so added_after round-trips.</summary>
    private static string TaxiiTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
