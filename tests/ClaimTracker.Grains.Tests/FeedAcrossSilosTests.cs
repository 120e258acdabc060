using ClaimTracker.Grains.Claims;
using ClaimTracker.Grains.Feed;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace ClaimTracker.Grains.Tests;

/// <summary>A watch on one silo sees the changes of claims whose grains live on another silo.</summary>
public sealed class FeedAcrossSilosTests
{
    [Fact]
    public async Task A_watch_on_one_silo_receives_every_change_made_on_the_other_exactly_once()
    {
        await using var cluster = await GrainCluster.StartAsync(silos: 2);
        var watchingSilo = cluster.Cluster.Silos[0];
        var otherSilo = cluster.Cluster.Silos[1];
        var feed = watchingSilo.ServiceProvider.GetRequiredService<ClaimFeed>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var received = new List<FeedEvent>();
        const int StatementCount = 200;
        var watching = Task.Run(async () =>
        {
            await foreach (var feedEvent in feed.WatchAsync(0, _ => true, 64, timeout.Token))
            {
                received.Add(feedEvent);
                if (received.Count(e => e.Change.Statement is not null) == StatementCount)
                {
                    return;
                }
            }
        });

        for (var i = 0; i < StatementCount; i++)
        {
            var claimId = $"c-across-{i % 50}";
            await cluster.Grains.GetGrain<IClaimGrain>(claimId).AddStatement(Statements.Make(claimId, $"s{i}", $"Origin {i % 3}"));
        }

        await watching.WaitAsync(timeout.Token);

        // Some claims really live on the other silo.
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var otherClaims = statistics
            .Where(s => s.SiloAddress.Equals(otherSilo.SiloAddress)
                && s.GrainType.StartsWith(typeof(ClaimGrain).FullName!, StringComparison.Ordinal))
            .Select(s => s.GrainId.Key.ToString())
            .ToHashSet();
        Assert.NotEmpty(otherClaims);
        Assert.Contains(received, e => otherClaims.Contains(e.Change.Claim.ClaimId));

        // Exactly once, in feed order, and each claim's versions in order.
        Assert.Equal(received.Select(e => e.Position).Order(), received.Select(e => e.Position));
        Assert.Equal(received.Count, received.Select(e => e.Position).Distinct().Count());
        foreach (var claim in received.Where(e => e.Change.Statement is not null).GroupBy(e => e.Change.Claim.ClaimId))
        {
            Assert.Equal(Enumerable.Range(1, claim.Count()).Select(v => (long)v), claim.Select(e => e.Change.Claim.Version));
        }
    }
}
