using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.ReadSide;
using ClaimTracker.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimTracker.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers the grains' storage roles (by <c>Storage:Mode</c>), the claim feed, the read side,
    /// the source reliability grades and the claim linker. Options come from the "Storage", "Matching" and "Reliability"
    /// configuration sections.
    /// </summary>
    public static ISiloBuilder AddClaimTrackerGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<PayloadSerializer>();
        var mode = configuration.GetSection(StorageOptions.SectionName).GetValue(nameof(StorageOptions.Mode), StorageMode.Embedded);
        services.AddClaimTrackerStorage(mode);

        services.AddSingleton<ClaimFeed>();
        services.AddSingleton<IFeedTail>(sp => sp.GetRequiredService<ClaimFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<ClaimFeed>());
        services.AddSingleton<FeedRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedRetention>());
        services.AddSingleton<IClaimReadSide, ClaimReadSide>();
        services.AddSingleton<History.ClaimHistory>().AddSingleton<History.ActorHistory>();
        services.AddSingleton<Corrections.CorrectionDesk>();
        services.AddSingleton<IListReadSide, ListReadSide>();
        services.AddOptions<Reliability.ReliabilityOptions>().Bind(configuration.GetSection(Reliability.ReliabilityOptions.SectionName));
        services.AddSingleton<Reliability.SourceGrades>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Extraction.ArticleExtractor>();
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.SectionName))
            .PostConfigure<Microsoft.Extensions.Options.IOptions<StorageOptions>>((matching, storage) =>
            {
                if (matching.IndexSnapshotPath is null && storage.Value.Mode == StorageMode.Embedded)
                {
                    matching.IndexSnapshotPath = Path.Combine(Path.GetDirectoryName(storage.Value.DatabasePath)!, "claim-index.snapshot");
                }
            })
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MatchingOptions>, MatchingOptionsValidation>();
        // One encoder queue for the process, created (and the model loaded) on the first statement to encode.
        services.AddOptions<Matching.EncoderQueueOptions>().Bind(configuration.GetSection(Matching.EncoderQueueOptions.SectionName));
        services.AddSingleton(sp => new Matching.EncoderQueue(
            Matching.MiniLmEncoder.Shared,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Matching.EncoderQueueOptions>>().Value));
        services.AddSingleton<Func<Matching.ISentenceEncoder>>(sp => () => sp.GetRequiredService<Matching.EncoderQueue>());
        services.AddSingleton<ClaimLinker>();
        services.AddSingleton<Reports.RecordedActors>();
        return silo;
    }
}
