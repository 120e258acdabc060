using ClaimTracker.Analysis;
using ClaimTracker.Grains;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>Statements for scenarios that drive claim grains directly, bypassing gRPC and reports.</summary>
internal static class BenchStatements
{
    /// <summary>The n-th statement on a claim, from one of <paramref name="origins"/> origins through one of 13 outlets.</summary>
    public static StatementRecord Make(string claimId, int n, int origins) => new()
    {
        StatementId = $"{claimId}-s{n}",
        ReportId = $"{claimId}-r{n}",
        ClaimId = claimId,
        ActorId = $"a-origin-{n % origins}",
        Speaker = $"Origin {n % origins}",
        Content = "The harbour is closed",
        OriginActorId = $"a-origin-{n % origins}",
        OriginName = $"Origin {n % origins}",
        Source = $"Outlet {n % 13}",
        SourceActorId = $"a-outlet-{n % 13}",
        Stance = Stance.Supports,
        Modality = Modality.Asserted,
        RecordedAt = DateTimeOffset.UtcNow,
    };
}
