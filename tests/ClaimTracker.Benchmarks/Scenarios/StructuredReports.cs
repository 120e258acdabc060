namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1's load: reports of k structured statements on Zipf(1.0)-hot claims among 10,000, by 50
/// speakers and 20 outlets; every report id is new (unique to this generator and the caller's call number).
/// </summary>
internal sealed class StructuredReports(int statementsPerReport)
{
    public const int Claims = 10_000;

    private readonly Zipf zipf = new(Claims, 1.0, seed: 42);
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    public V1.RegisterReportRequest Next(int caller, long n)
    {
        var request = new V1.RegisterReportRequest { ReportId = $"bench-{run}-{caller}-{n}", Source = $"Outlet {(caller + n) % 20}" };
        for (var s = 0; s < statementsPerReport; s++)
        {
            var claim = zipf.Next();
            request.Statements.Add(new V1.StatementInput {
                Speaker = $"Origin {(claim + s + n) % 50}",
                Content = $"Claim number {claim} about the harbour is true" });
        }

        return request;
    }
}
