using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// The server's two kinds of endpoint: gRPC (HTTP/2 cleartext, from <c>Grpc:Url</c>) and web (HTTP/1.1,
/// from <c>Web:Url</c>). Both are declared in code so that each gets its own protocol; after start
/// the bound addresses (port 0 resolved) can be read here.
/// </summary>
public sealed class ServerEndpoints
{
    /// <summary>Where gRPC clients connect (';' between several).</summary>
    public const string GrpcUrlKey = "Grpc:Url";

    private readonly List<ListenOptions> grpc = [];
    private ListenOptions? web;

    /// <summary>The first gRPC address, as clients dial it.</summary>
    public Uri Grpc => grpc.Count > 0 ? AddressOf(grpc[0]) : throw new InvalidOperationException("the server has no gRPC endpoint");

    /// <summary>The web address, or null when <c>Web:Url</c> is empty.</summary>
    public Uri? Web => web is null ? null : AddressOf(web);

    internal static void Configure(WebApplicationBuilder builder, string? webUrl)
    {
        var endpoints = new ServerEndpoints();
        builder.Services.AddSingleton(endpoints);
        // These replace ASP.NET Core's "urls" (Kestrel says so in a warning if it is set).
        var grpcUrls = (builder.Configuration[GrpcUrlKey] ?? "http://127.0.0.1:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in grpcUrls)
            {
                Listen(kestrel, url, HttpProtocols.Http2, endpoints.grpc.Add);
            }

            if (!string.IsNullOrWhiteSpace(webUrl))
            {
                Listen(kestrel, webUrl, HttpProtocols.Http1, options => endpoints.web = options);
            }
        });
    }

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols, Action<ListenOptions> created)
    {
        var address = BindingAddress.Parse(url);
        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"'{url}': only http:// endpoints are served; terminate TLS in a proxy in front of the server");
        }

        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            created(options);
        }

        if (IPAddress.TryParse(address.Host, out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else if (address.Host is "*" or "+")
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else
        {
            throw new InvalidOperationException($"'{url}': listen on an IP address, localhost or *, not a host name");
        }
    }

    private static Uri AddressOf(ListenOptions options) =>
        options.IPEndPoint is { } endPoint
            ? new UriBuilder(
                "http",
                (endPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : endPoint.Address).ToString(),
                endPoint.Port).Uri
            : new Uri(options.ToString() ?? throw new InvalidOperationException("endpoint without an address"));
}
