using ClaimTracker.Benchmarks.Echo;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimTracker.Benchmarks;

/// <summary>The baseline server: gRPC on Kestrel with the server's settings (HTTP/2 cleartext, same limits), doing nothing.</summary>
internal static class EchoHost
{
    public static async Task<WebApplication> StartAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2);
            k.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        return app;
    }

    public static async Task RunForeverAsync(int port)
    {
        await using var app = await StartAsync(port);
        Console.WriteLine("echo listening");
        await app.WaitForShutdownAsync();
    }

    private sealed class EchoService : Echo.Echo.EchoBase
    {
        public override Task<Payload> Call(Payload request, ServerCallContext context) => Task.FromResult(request);
    }
}
