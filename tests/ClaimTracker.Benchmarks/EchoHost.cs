using ClaimTracker.Benchmarks.Echo;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;

namespace ClaimTracker.Benchmarks;

/// <summary>The baseline server of scenario 1: a gRPC echo on <see cref="BaselineWebHost"/>, doing nothing.</summary>
internal static class EchoHost
{
    public static async Task<WebApplication> StartAsync(int port)
    {
        var app = BaselineWebHost.CreateBuilder(port).Build();
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
