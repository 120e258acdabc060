using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Telemetry;

/// <summary>Feeds <see cref="ClaimTrackerMetrics"/> from the calls themselves, gRPC and HTTP/JSON alike.</summary>
internal sealed class MetricsInterceptor(ClaimTrackerMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await continuation(request, context);
        if (response is V1.RegisterReportResponse registered)
        {
            metrics.ReportRegistered(
                registered.Outcomes.Count,
                registered.Outcomes.Count(outcome => outcome.ClaimCreated),
                Stopwatch.GetElapsedTime(started));
        }

        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        metrics.WatchOpened();
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            metrics.WatchClosed();
        }
    }
}
