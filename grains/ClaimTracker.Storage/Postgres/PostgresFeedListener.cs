using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// Wakes this silo's feed tail (<see cref="IFeedTail"/>) as soon as any silo commits a claim append: every append
/// transaction runs <c>NOTIFY claimtracker_feed</c>, delivered on commit. The feed's poll stays the
/// fallback (a notification lost while this connection reconnects costs at most one poll interval),
/// and a notification only wakes the tail: order and completeness still come from reading the feed.
/// </summary>
public sealed partial class PostgresFeedListener(IOptions<StorageOptions> options, IFeedTail feed, ILogger<PostgresFeedListener> logger)
    : BackgroundService
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
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgresStore.FeedChannel, connection))
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

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Listening for claim feed notifications failed; reconnecting (the feed poll covers the gap)")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
