using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Benchmarks;

/// <summary>The baseline servers' web host: gRPC on Kestrel with the server's settings (HTTP/2 cleartext on loopback, same limits), no
/// logging.</summary>
internal static class BaselineWebHost
{
    public static WebApplicationBuilder CreateBuilder(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2);
            k.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        return builder;
    }
}
