using ClaimTracker.Security;
using ClaimTracker.Server.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>
/// <c>POST /v1/reports:batch</c>: batch registration over HTTP. The body is NDJSON, one <c>RegisterReportRequest</c> (in
/// the HTTP/JSON API's JSON) per line; the answer is NDJSON too, one <c>ReportRegistration</c> per report, in order,
/// each written as soon as it is known; <c>?ordered=true</c> registers them one after the other (see
/// <c>RegisterReportsRequest.ordered</c>). A line that is not a request fails alone, with INVALID_ARGUMENT. The batch as
/// a whole is refused, before anything is registered and with <c>{"code": …, "message": …}</c> like the HTTP/JSON API,
/// when it is not NDJSON (415), is over Limits:MaxMessageBytes (413) or Ingest:MaxReportsPerBatch (400), or would take
/// the caller over its write rate (429 with Retry-After).
/// </summary>
internal static class ReportBatchEndpoint
{
    public const string Path = "/v1/reports:batch";
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void MapReportBatchEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, RegisterAsync).RequireAuthorization(Scopes.ReportsWrite);

    private static async Task RegisterAsync(
        HttpContext http,
        ReportBatchRegistrar registrar,
        CallerLimitsInterceptor callerLimits,
        IOptionsMonitor<LimitsOptions> limits)
    {
        if (http.Request.ContentType is not { } type
            || !(type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase)))
        {
            await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, StatusCode.InvalidArgument,
                $"the body must be NDJSON (Content-Type: {ContentType}), one RegisterReportRequest per line");
            return;
        }

        List<BatchEntry> entries;
        try
        {
            entries = await ReadEntriesAsync(http.Request.Body, http.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, StatusCode.ResourceExhausted,
                $"the body is over {limits.CurrentValue.MaxMessageBytes:N0} bytes (Limits:MaxMessageBytes); " +
                "split it into smaller batches");
            return;
        }

        if (registrar.Oversized(entries.Count) is { } oversized)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument, oversized.Status.Detail);
            return;
        }

        var caller = CallerIdentity.Of(http);
        if (!callerLimits.TryAcquireWrites(caller, entries.Count, out var wait))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            await RefuseAsync(http, StatusCodes.Status429TooManyRequests, StatusCode.ResourceExhausted,
                $"caller '{caller}' is over its write rate limit (Limits:WritesPerSecond; a batch costs one write per report); " +
                "retry later");
            return;
        }

        http.Response.ContentType = ContentType;
        var ordered = IsTrue(http.Request.Query["ordered"]);
        await foreach (var registration in registrar.RegisterAsync(entries, ordered, caller, http.RequestAborted))
        {
            await http.Response.WriteAsync(Formatter.Format(registration) + "\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }
    }

    /// <summary>The body's non-blank lines, each a request or the reason it is not one.</summary>
    private static async Task<List<BatchEntry>> ReadEntriesAsync(Stream body, CancellationToken cancellation)
    {
        var entries = new List<BatchEntry>();
        using var reader = new StreamReader(body);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                entries.Add(new BatchEntry(Parser.Parse<V1.RegisterReportRequest>(line), null));
            }
            catch (Exception unreadable) when (unreadable is InvalidProtocolBufferException or InvalidJsonException)
            {
                entries.Add(new BatchEntry(null, RequestValidator.Invalid(
                    $"line {lineNumber} is not a RegisterReportRequest in JSON: {unreadable.Message}")));
            }
        }

        return entries;
    }

    private static bool IsTrue(string? value) => value is "" or "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static Task RefuseAsync(HttpContext http, int httpStatus, StatusCode code, string message)
    {
        http.Response.StatusCode = httpStatus;
        return http.Response.WriteAsJsonAsync(new { code = (int)code, message });
    }
}
