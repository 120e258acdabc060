using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The service is bound as generated (WatchClaims writes its entries' pre-encoded frames into the
/// response body itself, not through a marshaller), and reflection describes the whole service.
/// </summary>
public sealed class ServiceBindingTests
{
    [Fact]
    public async Task Every_method_is_bound_as_generated()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var methods = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<IMethod>()
            .Where(m => m.ServiceName == "claimtracker.v1.ClaimTracker")
            .ToLookup(m => m.Name);

        // Each method has its gRPC endpoint and, with JSON transcoding, HTTP routes bound to the same method.
        Assert.Equal(V1.ClaimTracker.Descriptor.Methods.Count, methods.Count);
        Assert.All(methods["WatchClaims"], method =>
        {
            var watch = Assert.IsType<Method<V1.WatchClaimsRequest, V1.ClaimEvent>>(method);
            Assert.Same(V1.ClaimTracker.Descriptor.FindMethodByName("WatchClaims").OutputType.ClrType, typeof(V1.ClaimEvent));
            Assert.Equal(MethodType.ServerStreaming, watch.Type);
        });
    }

    [Fact]
    public async Task Reflection_lists_the_ClaimTracker_service_and_describes_WatchClaims()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var reflection = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream
            .WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "claimtracker.v1.ClaimTracker.WatchClaims" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("claimtracker.v1.ClaimTracker", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.NotEmpty(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto);
    }
}
