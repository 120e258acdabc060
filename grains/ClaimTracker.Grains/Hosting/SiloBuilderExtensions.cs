using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.Storage;
using ClaimTracker.Grains.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimTracker.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers the grains' storage (by <c>Storage:Mode</c>), the claim feed and the event-sourcing
    /// provider. Options come from the "Storage" configuration section.
    /// </summary>
    public static ISiloBuilder AddClaimTrackerGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddCustomStorageBasedLogConsistencyProvider(GrainProviders.LogConsistency);
        var services = silo.Services;
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<PayloadSerializer>();
        var mode = configuration.GetSection(StorageOptions.SectionName).GetValue(nameof(StorageOptions.Mode), StorageMode.Embedded);
        if (mode == StorageMode.Postgres)
        {
            // Migrations run in StartingAsync, before the feed and the silo start.
            services.AddHostedService<PostgresMigrationService>();
            services.AddSingleton<IClaimTrackerStore, PostgresClaimTrackerStore>();
        }
        else
        {
            services.AddSingleton<IClaimTrackerStore, SqliteClaimTrackerStore>();
        }

        services.AddSingleton<ClaimFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimFeed>());
        if (mode == StorageMode.Postgres)
        {
            services.AddHostedService<PostgresFeedListener>();
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Extraction.ArticleExtractor>();
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IClaimTrackerStore>() as IClaimIndexStore
            ?? throw new InvalidOperationException($"the {sp.GetRequiredService<IClaimTrackerStore>().GetType().Name} does not keep a claim index"));
        services.AddSingleton<Func<Matching.ISentenceEncoder>>(_ => () => Matching.MiniLmEncoder.Shared);
        services.AddSingleton<ClaimLinker>();
        return silo;
    }
}
