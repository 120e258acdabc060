using Orleans.Metadata;
using Orleans.Runtime;

namespace ClaimTracker.Server.Hosting;

/// <summary>
/// Holds the server's start until this silo's grain types are in its cluster manifest. The silo reports started as
/// soon as it is active, but placement learns what it hosts only when the manifest provider has fetched the silo's own
/// manifest, in the background; on a busy machine that takes seconds, and every call in between fails placement ("No
/// active nodes are compatible with grain …") until it times out. Registered after the silo, and Kestrel starts after
/// every other hosted service, so the ports open when calls can be placed.
/// </summary>
internal sealed partial class SiloPlacementGate(
    IClusterManifestProvider manifests,
    ILocalSiloDetails silo,
    ILogger<SiloPlacementGate> logger) : IHostedService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Knows(manifests.Current))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await foreach (var manifest in manifests.Updates.WithCancellation(timeout.Token))
            {
                if (Knows(manifest))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotInManifest(logger, silo.SiloAddress, Patience.TotalSeconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool Knows(ClusterManifest manifest) => manifest.Silos.ContainsKey(silo.SiloAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} was still not in its cluster manifest after {Seconds} s: " +
        "starting anyway; calls fail placement until it is")]
    private static partial void LogNotInManifest(ILogger logger, SiloAddress silo, double seconds);
}
