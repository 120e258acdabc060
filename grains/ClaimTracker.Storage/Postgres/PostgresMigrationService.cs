using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// Applies pending migrations before anything else starts (Orleans clustering reads its queries at
/// silo start, and the claim feed reads the feed head): <see cref="IHostedLifecycleService.StartingAsync"/>
/// runs before every hosted service's StartAsync.
/// </summary>
public sealed partial class PostgresMigrationService(IOptions<StorageOptions> options, ILogger<PostgresMigrationService> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        var applied = await PostgresMigrator.MigrateAsync(options.Value.RequireConnectionString(), logger, cancellationToken);
        LogMigrated(logger, applied.Count);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Applied} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
