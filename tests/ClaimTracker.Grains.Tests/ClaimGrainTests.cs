using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Tests;

public sealed class ClaimGrainTests
{
    [Fact]
    public async Task Statements_move_the_status_and_survive_a_cluster_restart()
    {
        string dataDirectory;
        await using (var cluster = await GrainCluster.StartAsync())
        {
            dataDirectory = cluster.DataDirectory;
            var claim = cluster.Grains.GetGrain<IClaimGrain>("c-reservoir");
            Assert.False(await claim.Exists());

            var first = await claim.AddStatement(Statements.Make("c-reservoir", "s1", "Water Board"));
            Assert.True(first.ClaimCreated);
            Assert.Equal(CorroborationStatus.Uncorroborated, first.Status);

            var second = await claim.AddStatement(Statements.Make("c-reservoir", "s2", "Mayor"));
            Assert.False(second.ClaimCreated);
            Assert.Equal(CorroborationStatus.Corroborated, second.Status);

            var third = await claim.AddStatement(Statements.Make("c-reservoir", "s3", "Engineers Union", Stance.Contradicts));
            Assert.Equal(CorroborationStatus.Contested, third.Status);
        }

        await using (var restarted = await GrainCluster.StartAsync(dataDirectory))
        {
            var details = await restarted.Grains.GetGrain<IClaimGrain>("c-reservoir").GetDetails(10, string.Empty);
            Assert.NotNull(details);
            Assert.Equal(CorroborationStatus.Contested, details.Summary.Status);
            Assert.Equal(3, details.Summary.Version);
            Assert.Equal(["s3", "s2", "s1"], details.Statements.Select(s => s.StatementId));
            Assert.Equal(["a-water-board", "a-mayor"], details.Summary.SupportingOrigins);
        }
    }

    [Fact]
    public async Task Re_adding_a_statement_changes_nothing()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var claim = cluster.Grains.GetGrain<IClaimGrain>("c-idempotent");
        var statement = Statements.Make("c-idempotent", "s1", "Water Board");

        var first = await claim.AddStatement(statement);
        var again = await claim.AddStatement(statement);

        Assert.Equal(first, again);
        var details = await claim.GetDetails(10, string.Empty);
        Assert.Equal(1, details!.Summary.StatementCount);
        Assert.Equal(1, details.Summary.Version);
    }

    [Fact]
    public async Task Statement_pages_are_read_back_from_the_journal_newest_first()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var claim = cluster.Grains.GetGrain<IClaimGrain>("c-pages");
        for (var i = 0; i < 5; i++)
        {
            await claim.AddStatement(Statements.Make("c-pages", $"s{i}", $"Origin {i}", i == 3 ? Stance.Contradicts : Stance.Supports));
        }

        var first = await claim.GetDetails(2, string.Empty);
        var second = await claim.GetDetails(2, first!.NextStatementPageToken);
        var last = await claim.GetDetails(2, second!.NextStatementPageToken);

        Assert.Equal(["s4", "s3"], first.Statements.Select(s => s.StatementId));
        Assert.Equal(["s2", "s1"], second.Statements.Select(s => s.StatementId));
        Assert.Equal(["s0"], last!.Statements.Select(s => s.StatementId));
        Assert.Equal(string.Empty, last.NextStatementPageToken);
        Assert.Equal(
            ("Origin 3", Stance.Contradicts, "report-s3"),
            (first.Statements[1].Speaker, first.Statements[1].Stance, first.Statements[1].ReportId));

        // A statement already recorded answers with its own stance, read back from the journal.
        var again = await claim.AddStatement(Statements.Make("c-pages", "s3", "Origin 3", Stance.Contradicts));
        Assert.Equal(Stance.Contradicts, again.Stance);
        Assert.False(again.ClaimCreated);
        Assert.True((await claim.AddStatement(Statements.Make("c-pages", "s0", "Origin 0"))).ClaimCreated);
    }

    [Fact]
    public async Task A_claim_with_a_long_history_keeps_every_statement_in_order()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var claim = cluster.Grains.GetGrain<IClaimGrain>("c-long");
        for (var i = 0; i < 300; i++)
        {
            await claim.AddStatement(Statements.Make("c-long", $"s{i:D4}", $"Origin {i % 7}"));
        }

        var details = await claim.GetDetails(1000, string.Empty);
        Assert.Equal(300, details!.Summary.StatementCount);
        Assert.Equal(300, details.Summary.Version);
        Assert.Equal(7, details.Summary.SupportingOrigins.Length);
        Assert.Equal("s0299", details.Statements[0].StatementId);
        Assert.Equal("s0000", details.Statements[^1].StatementId);
        Assert.Contains(details.Summary.Reasons, r => r.StartsWith("42 repeats of Origin 0 not counted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_appends_to_one_claim_are_each_recorded_once_in_version_order()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var claim = cluster.Grains.GetGrain<IClaimGrain>("c-hot");
        var statements = Enumerable.Range(0, 200).Select(i => Statements.Make("c-hot", $"s{i:D3}", $"Origin {i % 5}")).ToList();

        // Every statement twice, all at once: the grain batches what queues up, and ignores repeats.
        var results = await Task.WhenAll(statements.Concat(statements).Select(claim.AddStatement));

        Assert.Single(results.Where(r => r.ClaimCreated).Select(r => r.StatementId).Distinct());
        var details = await claim.GetDetails(1000, string.Empty);
        Assert.Equal(200, details!.Summary.StatementCount);
        Assert.Equal(200, details.Summary.Version);
        Assert.Equal(200, details.Statements.Select(s => s.StatementId).Distinct().Count());
        Assert.Equal(CorroborationStatus.Corroborated, details.Summary.Status);
    }
}
