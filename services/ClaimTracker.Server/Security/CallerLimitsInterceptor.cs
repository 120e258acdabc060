using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using ClaimTracker.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Security;

/// <summary>
/// Per-caller limits, over gRPC and HTTP/JSON alike: a token bucket on writes (a call whose endpoint requires a write scope,
/// so annotating an RPC with its scope is all it takes) and a cap on concurrent streams. Over a limit the call answers
/// RESOURCE_EXHAUSTED with a <c>retry-after</c> trailer (seconds); over HTTP that is 429 with a Retry-After header.
/// </summary>
internal sealed class CallerLimitsInterceptor : Interceptor, IDisposable
{
    /// <summary>The trailer (and HTTP header) that says how many seconds to wait before retrying.</summary>
    public const string RetryAfter = "retry-after";

    private readonly IOptionsMonitor<LimitsOptions> options;
    private readonly PartitionedRateLimiter<string> writes;
    private readonly ConcurrentDictionary<string, int> openStreams = new(StringComparer.Ordinal);
    private readonly int writeBurst;

    public CallerLimitsInterceptor(IOptionsMonitor<LimitsOptions> options)
    {
        this.options = options;
        var limits = options.CurrentValue;
        writeBurst = Math.Max(1, limits.WriteBurst);
        writes = PartitionedRateLimiter.Create<string, string>(caller => limits.WritesPerSecond <= 0
            ? RateLimitPartition.GetNoLimiter(caller)
            : RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, limits.WriteBurst),
                TokensPerPeriod = limits.WritesPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsWrite(context))
        {
            return await continuation(request, context);
        }

        var caller = CallerIdentity.Of(context);
        // A batch costs one write per report.
        var count = request is V1.RegisterReportsRequest batch ? batch.Reports.Count : 1;
        if (!TryAcquireWrites(caller, count, out var wait))
        {
            throw Exhausted(context, $"caller '{caller}' is over its write rate limit (Limits:WritesPerSecond); retry later", wait);
        }

        return await continuation(request, context);
    }

    /// <summary>Takes <paramref name="count"/> writes from the caller's bucket (at most its burst), or says how long to wait.</summary>
    public bool TryAcquireWrites(string caller, int count, out TimeSpan retryAfter)
    {
        using var lease = writes.AttemptAcquire(caller, Math.Clamp(count, 1, writeBurst));
        retryAfter = lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? TimeSpan.FromSeconds(1) : wait;
        return lease.IsAcquired;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = CallerIdentity.Of(context);
        var max = options.CurrentValue.MaxWatchesPerCaller;
        if (openStreams.AddOrUpdate(caller, 1, (_, open) => open + 1) > max)
        {
            Release(caller);
            throw Exhausted(context, $"caller '{caller}' already holds {max} open watches; close one first", TimeSpan.FromSeconds(5));
        }

        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            Release(caller);
        }
    }

    public void Dispose() => writes.Dispose();

    private void Release(string caller)
    {
        if (openStreams.AddOrUpdate(caller, 0, (_, open) => open - 1) <= 0)
        {
            openStreams.TryRemove(new KeyValuePair<string, int>(caller, 0));
        }
    }

    private static bool IsWrite(ServerCallContext context) =>
        context.GetHttpContext().GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(data => data.Policy is { } policy && Scopes.IsWrite(policy)) == true;

    private static RpcException Exhausted(ServerCallContext context, string message, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // HTTP/JSON clients read the standard header; gRPC clients the trailer.
        var http = context.GetHttpContext();
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            http.Response.Headers.RetryAfter = seconds;
        }

        return new RpcException(new Status(StatusCode.ResourceExhausted, message), new Metadata { { RetryAfter, seconds } });
    }
}
