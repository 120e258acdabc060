using ClaimTracker.Storage.Postgres;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store for <paramref name="mode"/> and, one by one, the roles it plays, so each
    /// consumer asks for the role it uses. <see cref="StorageOptions"/> must be bound by the caller; in
    /// PostgreSQL mode the caller also registers the <see cref="IFeedTail"/> that notifications wake.
    /// </summary>
    public static IServiceCollection AddClaimTrackerStorage(this IServiceCollection services, StorageMode mode)
    {
        if (mode == StorageMode.Postgres)
        {
            // Migrations run in StartingAsync, before the feed and the silo start.
            services.AddHostedService<PostgresMigrationService>();
            services.AddSingleton<PostgresStore>();
            AddRoles<PostgresStore>(services);
            services.AddHostedService<PostgresFeedListener>();
        }
        else
        {
            services.AddSingleton<SqliteStore>();
            AddRoles<SqliteStore>(services);
        }

        return services;
    }

    private static void AddRoles<TStore>(IServiceCollection services)
        where TStore : SqlStore
    {
        services.AddSingleton<IClaimJournal>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IActorJournal>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IReportStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IAliasDirectory>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IClaimFeedLog>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IClaimFeedRetention>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IClaimIndexLog>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IProjectionQueries>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ICorrectionLog>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IReliabilityOverrides>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IListQueries>(sp => sp.GetRequiredService<TStore>());
    }
}
