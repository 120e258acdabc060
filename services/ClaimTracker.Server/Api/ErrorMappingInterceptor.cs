using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ClaimTracker.Server.Api;

/// <summary>
/// The last line of defence: anything a handler did not turn into an RpcException becomes a status a
/// client can act on, and is logged here, so no input crashes the server or leaks a stack trace.
/// </summary>
internal sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return context.Deadline <= DateTime.UtcNow
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before it completed"))
                : new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        LogFailure(logger, context.Method, ex);
        var status = StatusOf(ex);
        return status.StatusCode == StatusCode.Unavailable ? Unavailable(status.Detail) : new RpcException(status);
    }

    /// <summary>The status a failure that is not an <see cref="RpcException"/> answers with (also per report of a batch).</summary>
    public static Status StatusOf(Exception ex) => ex switch
    {
        TimeoutException => new(StatusCode.Unavailable,
            "the cluster did not answer in time; retry with the same request (registration is idempotent)"),
        Orleans.Runtime.SiloUnavailableException => new(StatusCode.Unavailable,
            "a silo became unavailable; retry with the same request (registration is idempotent)"),
        _ when StoreOutage.IsOutage(ex) => new(StatusCode.Unavailable,
            "the store cannot be reached right now; retry with the same request after the retry-after trailer's seconds " +
            "(registration is idempotent, nothing half-done is kept)"),
        _ => new(StatusCode.Internal, "internal error; the server logged the details"),
    };

    /// <summary>UNAVAILABLE, which clients' retry policies retry, with the wait in seconds as the <c>retry-after</c> trailer.</summary>
    private static RpcException Unavailable(string message)
    {
        var trailers = new Metadata
        {
            { "retry-after", ((int)StoreOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return new RpcException(new Status(StatusCode.Unavailable, message), trailers);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {Method} failed")]
    private static partial void LogFailure(ILogger logger, string method, Exception exception);
}
