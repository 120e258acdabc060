using System.Net;
using System.Text.Json;
using Grpc.Core;

namespace ClaimTracker.Cli.Commands;

/// <summary>
/// Downloads an export the server streams (<c>GET /v1/exports/...</c>) over the same HTTP/2 address and token as the
/// gRPC calls. A refusal becomes the <see cref="RpcException"/> its status code names, so it exits like a failed call.
/// </summary>
internal static class ExportDownload
{
    /// <summary>Copies the export into <paramref name="destination"/>; returns how many claims it holds.</summary>
    public static async Task<int> CopyToAsync(
        string server, string? token, string pathAndQuery, Stream destination, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server), Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException ex)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, ex.Message));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await RefusalAsync(response, cancellation);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellation);
            await body.CopyToAsync(destination, cancellation);
            return response.Headers.TryGetValues("X-ClaimTracker-Claims", out var values) && int.TryParse(values.First(), out var count)
                ? count
                : -1;
        }
    }

    private static async Task<RpcException> RefusalAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        try
        {
            var error = JsonDocument.Parse(text).RootElement;
            var message = error.GetProperty("message").GetString() ?? text;
            return new RpcException(new Status((StatusCode)error.GetProperty("code").GetInt32(), message));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var code = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
                HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
                HttpStatusCode.NotFound => StatusCode.NotFound,
                HttpStatusCode.BadRequest => StatusCode.InvalidArgument,
                _ => StatusCode.Unknown,
            };
            return new RpcException(new Status(code, $"{(int)response.StatusCode} {response.ReasonPhrase}: {text}"));
        }
    }
}
