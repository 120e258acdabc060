using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Storage;
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
        services.AddSingleton<IClaimTrackerStore, SqliteClaimTrackerStore>();
        services.AddSingleton<ClaimFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimFeed>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Extraction.ArticleExtractor>();
        return silo;
    }
}
