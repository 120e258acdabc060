using ClaimTracker.Security;
using ClaimTracker.Exports.ClaimReview;
using ClaimTracker.Exports.Fetching;
using ClaimTracker.Exports.Stix;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Grains.Reliability;
using Microsoft.AspNetCore.Http;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Exports;

/// <summary>
/// <c>GET /v1/exports/stix</c> and <c>GET /v1/exports/claimreview</c>: the CLI's exports, computed in the server and
/// streamed (claims are read and written <see cref="ChunkSize"/> at a time). The query string takes the CLI's
/// filters: <c>claim</c> (repeatable) or <c>status</c>, <c>actor</c>, <c>query</c>, <c>limit</c>; and <c>compact</c>.
/// Invalid input is refused before anything is written, with 400 and <c>{"code": 3, "message": …}</c> as the
/// HTTP/JSON API does.
/// </summary>
internal static class ExportEndpoints
{
    public const int ChunkSize = 50;

    /// <summary>Response header with the number of claims the export holds.</summary>
    public const string ClaimCountHeader = "X-ClaimTracker-Claims";

    public static void MapClaimTrackerExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/exports/stix", ExportStixAsync).RequireAuthorization(Scopes.ClaimsRead);
        app.MapGet("/v1/exports/claimreview", ExportClaimReviewAsync).RequireAuthorization(Scopes.ClaimsRead);
    }

    private static async Task ExportStixAsync(HttpContext http, IClaimReadSide readSide, SourceGrades grades)
    {
        if (Parse(http.Request.Query, out var selection, out var indented) is { } error)
        {
            await RefuseAsync(http, error);
            return;
        }

        if (await SelectAsync(http, readSide, selection) is not { } claimIds)
        {
            return;
        }

        var board = await grades.LatestAsync(http.RequestAborted);
        var reader = new ReadSideExportReader(readSide, board);
        var chunks = new ExportFetcher(reader).FetchChunksAsync(claimIds, ChunkSize, http.RequestAborted);
        http.Response.ContentType = "application/stix+json;version=2.1";
        await StixExporter.WriteStreamingAsync(http.Response.Body, chunks, indented, http.RequestAborted);
    }

    private static async Task ExportClaimReviewAsync(HttpContext http, IClaimReadSide readSide, SourceGrades grades)
    {
        if (Parse(http.Request.Query, out var selection, out var indented) is { } error)
        {
            await RefuseAsync(http, error);
            return;
        }

        var query = http.Request.Query;
        var options = new ClaimReviewOptions
        {
            BaseUrl = query["base_url"].FirstOrDefault(),
            ReviewerName = query["reviewer"].FirstOrDefault() is { Length: > 0 } name ? name : "ClaimTracker",
            ReviewerUrl = query["reviewer_url"].FirstOrDefault(),
        };
        foreach (var (value, field) in new[] { (options.BaseUrl, "base_url"), (options.ReviewerUrl, "reviewer_url") })
        {
            // Only web addresses: the exported ClaimReview links to them (javascript: or file: would be followed by readers).
            if (!string.IsNullOrEmpty(value)
                && !(Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
            {
                await RefuseAsync(http, $"{field} must be an absolute http(s) URL, e.g. https://factcheck.example/claims/");
                return;
            }
        }

        if (await SelectAsync(http, readSide, selection) is not { } claimIds)
        {
            return;
        }

        var board = await grades.LatestAsync(http.RequestAborted);
        var reader = new ReadSideExportReader(readSide, board);
        var chunks = new ExportFetcher(reader).FetchChunksAsync(claimIds, ChunkSize, http.RequestAborted);
        http.Response.ContentType = "application/ld+json";
        await ClaimReviewExporter.WriteStreamingAsync(http.Response.Body, chunks, options, indented, http.RequestAborted);
    }

    /// <summary>
    /// The ids of the claims to export, their number in the <see cref="ClaimCountHeader"/> header; null (and 404 sent)
    /// when a claim named by id does not exist.
    /// </summary>
    private static async Task<List<string>?> SelectAsync(HttpContext http, IClaimReadSide readSide, ExportSelection selection)
    {
        foreach (var claimId in selection.ClaimIds)
        {
            if (await readSide.GetClaimAsync(claimId, 1, string.Empty) is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                await http.Response.WriteAsJsonAsync(
                    new { code = (int)Grpc.Core.StatusCode.NotFound, message = $"claim '{claimId}' does not exist" });
                return null;
            }
        }

        var claimIds = await new ExportFetcher(new ReadSideExportReader(readSide)).SelectClaimIdsAsync(selection, http.RequestAborted);
        http.Response.Headers[ClaimCountHeader] = claimIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return claimIds;
    }

    /// <summary>The selection in the query string; the reason when it is not valid.</summary>
    private static string? Parse(IQueryCollection query, out ExportSelection selection, out bool indented)
    {
        selection = new ExportSelection();
        indented = !IsTrue(query["compact"].FirstOrDefault());
        string? error = null;
        var status = V1.CorroborationStatus.Unspecified;
        if (query["status"].FirstOrDefault() is { Length: > 0 } statusText
            && (!Enum.TryParse(statusText.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out status)
                || !Enum.IsDefined(status) || status == V1.CorroborationStatus.Unspecified))
        {
            error = $"status '{statusText}' is not one of UNCORROBORATED, CORROBORATED, CONTESTED, CONTRADICTED";
        }

        var limit = 0;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } limitText && (!int.TryParse(limitText, out limit) || limit < 0))
        {
            error = $"limit '{limitText}' must be 0 (all) or a positive number of claims";
        }

        selection = new ExportSelection
        {
            ClaimIds = [.. query["claim"].Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!)],
            Status = status,
            ActorId = query["actor"].FirstOrDefault() ?? string.Empty,
            Query = query["query"].FirstOrDefault() ?? string.Empty,
            Limit = limit,
        };
        if (selection.ClaimIds.Count > 0 && selection.HasFilter)
        {
            error = "claim names claims by id; leave out status, actor and query with it";
        }

        return error;
    }

    private static Task RefuseAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return http.Response.WriteAsJsonAsync(new { code = (int)Grpc.Core.StatusCode.InvalidArgument, message });
    }

    private static bool IsTrue(string? value) => value is "" or "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
