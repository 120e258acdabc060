using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Tests;

public sealed class ReportGrainTests
{
    [Fact]
    public async Task Registration_links_statements_to_claims_and_actors()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var submission = Statements.Report("r1", "Daily Planet", "Mayor Jane Roe", "The dam will be opened on Friday");

        var result = await cluster.Grains.GetGrain<IReportGrain>("r1").Register(submission);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.ClaimCreated);
        Assert.Equal("a-mayor-jane-roe", outcome.ActorId);
        var claim = await cluster.Grains.GetGrain<IClaimGrain>(outcome.ClaimId).GetDetails(10, string.Empty);
        Assert.Equal("The dam will be opened on Friday", claim!.Summary.Text);
        var speaker = await cluster.Grains.GetGrain<IActorGrain>("a-mayor-jane-roe").Get();
        Assert.Equal(ActorKind.Person, speaker!.Kind);
        Assert.Equal([outcome.ClaimId], speaker.ClaimIds);
        var outlet = await cluster.Grains.GetGrain<IActorGrain>("a-daily-planet").Get();
        Assert.Equal(ActorKind.Outlet, outlet!.Kind);
        Assert.Equal(0, outlet.StatementCount);
    }

    [Fact]
    public async Task A_claim_from_text_reads_as_its_proposition_and_keeps_the_words_as_written()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var published = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
        const string Text = "The dam held overnight. But with river levels rising by 40 cm an hour, according to the water board, "
            + "the town must be evacuated, said Mayor Jane Roe.";
        var submission = new ReportSubmission("r4", "Daily Planet", "https://example.org/r4", published, "Floods in the valley", Text, []);

        var result = await cluster.Grains.GetGrain<IReportGrain>("r4").Register(submission);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        var summaries = new List<ClaimSummary>();
        foreach (var outcome in result.Outcomes)
        {
            summaries.Add((await cluster.Grains.GetGrain<IClaimGrain>(outcome.ClaimId).GetDetails(10, string.Empty))!.Summary);
        }

        var levels = Assert.Single(summaries, s => s.Text.Contains("40 cm", StringComparison.Ordinal));
        Assert.Equal("River levels are rising by 40 cm an hour", levels.Text);
        Assert.Equal("with river levels rising by 40 cm an hour", levels.Verbatim);
        Assert.All(summaries.Where(s => s != levels), s => Assert.Empty(s.Verbatim));
    }

    [Fact]
    public async Task The_same_id_with_other_content_is_a_conflict_and_the_original_stays()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IReportGrain>("r2");
        await grain.Register(Statements.Report("r2", "Daily Planet", "Mayor", "The dam will be opened on Friday"));

        var conflict = await grain.Register(Statements.Report("r2", "Daily Planet", "Mayor", "The dam will be opened on Saturday"));
        var replay = await grain.Register(Statements.Report("r2", "Daily Planet", "Mayor", "The dam will be opened on Friday"));

        Assert.Equal(RegistrationStatus.Conflict, conflict.Status);
        Assert.Equal(RegistrationStatus.AlreadyRegistered, replay.Status);
        Assert.Equal("The dam will be opened on Friday", (await grain.Get())!.Title);
    }

    [Fact]
    public async Task Registrations_of_one_report_at_once_all_get_its_outcomes()
    {
        // A client retrying while its first call still runs, or several feeders sending the same wire copy.
        await using var cluster = await GrainCluster.StartAsync();
        var submission = Statements.Report("r-dup", "Daily Planet", "Mayor Jane Roe", "The dam will be opened on Friday");

        var results = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => cluster.Grains.GetGrain<IReportGrain>("r-dup").Register(submission)));

        Assert.All(results, r => Assert.Contains(r.Status, new[] { RegistrationStatus.Registered, RegistrationStatus.AlreadyRegistered }));
        Assert.All(results, r => Assert.Equal(results[0].Outcomes, r.Outcomes));
    }

    [Fact]
    public async Task A_statement_naming_an_unknown_claim_stores_nothing()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var grain = cluster.Grains.GetGrain<IReportGrain>("r3");

        var result = await grain.Register(
            Statements.Report("r3", "Daily Planet", "Mayor", "No", claimId: "c-missing", stance: Stance.Contradicts));

        Assert.Equal(RegistrationStatus.UnknownClaim, result.Status);
        Assert.Null(await grain.Get());
    }
}
