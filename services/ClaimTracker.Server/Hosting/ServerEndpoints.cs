using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// The server's two kinds of endpoint: gRPC (HTTP/2, cleartext or TLS) and web (HTTP/1.1, from <c>Web:Url</c>). The gRPC
/// endpoints are, by precedence, the <c>Kestrel:Endpoints</c> an operator configured, else <c>--urls</c> /
/// <c>ASPNETCORE_URLS</c>, else <c>Grpc:Url</c>; all become Kestrel endpoints, so https ones take their certificate the
/// ASP.NET Core way (the endpoint's <c>Certificate</c>, else <c>Kestrel:Certificates:Default</c>). After start the bound
/// addresses (port 0 resolved) can be read here.
/// </summary>
public sealed class ServerEndpoints
{
    /// <summary>Where gRPC clients connect (';' between several).</summary>
    public const string GrpcUrlKey = "Grpc:Url";

    private const string KestrelEndpointsKey = "Kestrel:Endpoints";

    private ListenOptions? web;
    private IServer? server;

    /// <summary>The first gRPC address, as clients dial it.</summary>
    public Uri Grpc => GrpcAddresses is [var first, ..] ? first : throw new InvalidOperationException("the server has no gRPC endpoint");

    /// <summary>Every bound gRPC address (the server's addresses but the web one).</summary>
    public IReadOnlyList<Uri> GrpcAddresses =>
        (server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(Dialable)
            .Where(address => web is null || address != AddressOf(web))
            .ToList();

    /// <summary>The web address, or null when <c>Web:Url</c> is empty.</summary>
    public Uri? Web => web is null ? null : AddressOf(web);

    /// <summary>Declares the endpoints; returns every URL the server will listen on, for the security check.</summary>
    internal static IReadOnlyList<string> Configure(WebApplicationBuilder builder, string? webUrl)
    {
        var endpoints = new ServerEndpoints();
        builder.Services.AddSingleton(endpoints);
        var configured = builder.Configuration.GetSection(KestrelEndpointsKey).GetChildren().ToList();
        List<string> listening = [.. configured.Select(endpoint => endpoint["Url"] ?? string.Empty)];
        if (configured.Count == 0)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            var grpcUrls = (string.IsNullOrWhiteSpace(urls) ? builder.Configuration[GrpcUrlKey] ?? "http://127.0.0.1:5000" : urls)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var entries = new Dictionary<string, string?>();
            for (var i = 0; i < grpcUrls.Length; i++)
            {
                entries[$"{KestrelEndpointsKey}:Grpc{i}:Url"] = grpcUrls[i];
                entries[$"{KestrelEndpointsKey}:Grpc{i}:Protocols"] = nameof(HttpProtocols.Http2);
            }

            builder.Configuration.AddInMemoryCollection(entries);
            listening.AddRange(grpcUrls);
        }

        // Consumed above: left set, Kestrel would warn that the endpoints override it.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        if (!string.IsNullOrWhiteSpace(webUrl))
        {
            listening.Add(webUrl);
            builder.WebHost.ConfigureKestrel(kestrel => ListenWeb(kestrel, webUrl, options => endpoints.web = options));
        }

        return listening;
    }

    /// <summary>Gives the endpoints the started server, whose addresses they report.</summary>
    internal void Attach(IServer startedServer) => server = startedServer;

    private static void ListenWeb(KestrelServerOptions kestrel, string url, Action<ListenOptions> created)
    {
        var address = BindingAddress.Parse(url);
        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Web:Url '{url}': the web endpoint is http:// only; serve it through a TLS proxy, or configure an https " +
                "endpoint in Kestrel:Endpoints with Protocols Http1AndHttp2");
        }

        void Configure(ListenOptions options)
        {
            options.Protocols = HttpProtocols.Http1;
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

    /// <summary>A bound address as a client dials it: a wildcard host becomes loopback.</summary>
    private static Uri Dialable(string address)
    {
        var parsed = BindingAddress.Parse(address);
        var host = parsed.Host is "0.0.0.0" or "[::]" or "*" or "+" ? IPAddress.Loopback.ToString() : parsed.Host;
        return new UriBuilder(parsed.Scheme, host, parsed.Port).Uri;
    }

    private static Uri AddressOf(ListenOptions options) =>
        options.IPEndPoint is { } endPoint
            ? new UriBuilder(
                "http",
                (endPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : endPoint.Address).ToString(),
                endPoint.Port).Uri
            : new Uri(options.ToString() ?? throw new InvalidOperationException("endpoint without an address"));
}
