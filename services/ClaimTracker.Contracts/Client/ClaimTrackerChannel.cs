using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace ClaimTracker.V1.Client;

/// <summary>
/// Channels for ClaimTracker clients. Unary calls that fail with UNAVAILABLE are retried with
/// backoff: safe for RegisterReport because registration is idempotent on report_id.
/// </summary>
public static class ClaimTrackerChannel
{
    public static GrpcChannel Create(string address, int maxAttempts = 5) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = maxAttempts,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(5),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });

    /// <summary>A client for <paramref name="channel"/> that sends <paramref name="token"/> as a bearer token, if given.</summary>
    public static ClaimTracker.ClaimTrackerClient CreateClient(GrpcChannel channel, string? token = null) =>
        string.IsNullOrEmpty(token)
            ? new ClaimTracker.ClaimTrackerClient(channel)
            : new ClaimTracker.ClaimTrackerClient(channel.Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return metadata;
            }));
}
