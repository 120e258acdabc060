using ClaimTracker.Server.Hosting;
using ClaimTracker.Grains.ReadSide;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Server.Telemetry;

/// <summary>
/// The claims-by-status gauge's numbers, refreshed in the background: a scrape must not wait on a
/// database query, and a count a few seconds old is what a dashboard needs. In a cluster every
/// silo reports the same (cluster-wide) counts: aggregate with max, not sum.
/// </summary>
public sealed class ClaimStatusCounts(IClaimReadSide readSide, IOptions<TelemetryOptions> options, ILogger<ClaimStatusCounts> logger)
    : BackgroundService
{
    private volatile IReadOnlyList<KeyValuePair<string, long>> current = [];

    /// <summary>Status name (as in the API: CORROBORATED, …) → claims; every status present, zeros included.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Current => current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClaimCountInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var counts = await readSide.CountClaimsByStatusAsync(stoppingToken);
                current = Enum.GetValues<Analysis.CorroborationStatus>()
                    .Where(status => status != Analysis.CorroborationStatus.Unspecified)
                    .Select(status => KeyValuePair.Create(
                        Api.ProtoMapper.ToProto(status).ToString().ToUpperInvariant(),
                        counts.GetValueOrDefault(status)))
                    .ToArray();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Counting claims by status failed; the gauge keeps its last values");
            }
        }
    }
}
