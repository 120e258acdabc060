using ClaimTracker.Grains.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClaimTracker.Grains.Storage.Postgres;

/// <summary>
/// Wakes this silo's <see cref="ClaimFeed"/> as soon as any silo commits a claim append: every append
/// transaction runs <c>NOTIFY claimtracker_feed</c>, delivered on commit. The feed's poll stays the
/// fallback (a notification lost while this connection reconnects costs at most one poll interval),
/// and a notification only wakes the tail: order and completeness still come from reading the feed.
/// </summary>
public sealed partial class PostgresFeedListener(IOptions<StorageOptions> options, ClaimFeed feed, ILogger<PostgresFeedListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(options.Value.RequireConnectionString())
        {
            // A dedicated connection: a pooled one would be reset on return and lose its LISTEN.
            Pooling = false,
            KeepAlive = 15,
        }.ToString();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => feed.NotifyAppended();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgresClaimTrackerStore.FeedChannel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while we were not listening is picked up now, not at the next poll.
                feed.NotifyAppended();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for claim feed notifications failed; reconnecting (the feed poll covers the gap)")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Applies pending migrations before anything else starts (Orleans clustering reads its queries at
/// silo start, and the claim feed reads the feed head): <see cref="IHostedLifecycleService.StartingAsync"/>
/// runs before every hosted service's StartAsync.
/// </summary>
public sealed partial class PostgresMigrationService(IOptions<StorageOptions> options, ILogger<PostgresMigrationService> logger) : IHostedLifecycleService
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
