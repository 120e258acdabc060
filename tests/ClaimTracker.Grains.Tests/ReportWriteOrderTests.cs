using System.Collections.Concurrent;
using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// A claim's change reaches watchers as soon as it is stored, so a report records its actors before it adds any
/// statement to a claim: every actor a live event names is one the actor grains already know.
/// </summary>
public sealed class ReportWriteOrderTests
{
    [Fact]
    public async Task A_report_adds_statements_to_claims_only_after_its_actors_are_recorded()
    {
        var calls = new CallLog();
        await using var cluster = await GrainCluster.StartAsync(configureSilo: silo => silo.AddIncomingGrainCallFilter(calls.Filter));
        var submission = Statements.Report("order-1", "Daily Planet", "Mayor Jane Roe", "The dam will be opened on Friday") with
        {
            Statements =
            [
                new StatementSubmission("Mayor Jane Roe", "The dam will be opened on Friday", string.Empty, ["Wire Agency"],
                    Stance.Unspecified, Modality.Unspecified, string.Empty),
                new StatementSubmission("Water board", "River levels rise by 40 cm an hour", string.Empty, [],
                    Stance.Unspecified, Modality.Unspecified, string.Empty),
            ],
        };

        var result = await cluster.Grains.GetGrain<IReportGrain>("order-1").Register(submission);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        var entries = calls.Entries.ToArray();
        var lastRecorded = Array.FindLastIndex(entries, e => e == "recorded");
        var firstAdded = Array.FindIndex(entries, e => e == "adding");
        Assert.Equal(4, entries.Count(e => e == "recorded")); // the outlet, two speakers and the agency
        Assert.Equal(2, entries.Count(e => e == "adding"));
        Assert.True(lastRecorded < firstAdded, string.Join(", ", entries));
    }

    [Fact]
    public async Task Actors_already_recorded_are_recorded_beside_the_claims_changes()
    {
        var calls = new CallLog();
        await using var cluster = await GrainCluster.StartAsync(configureSilo: silo => silo.AddIncomingGrainCallFilter(calls.Filter));
        await cluster.Grains.GetGrain<IReportGrain>("order-3").Register(
            Statements.Report("order-3", "Daily Planet", "Mayor Jane Roe", "The dam will be opened on Friday"));
        calls.Entries.Clear();

        var again = await cluster.Grains.GetGrain<IReportGrain>("order-4").Register(
            Statements.Report("order-4", "Daily Planet", "Mayor Jane Roe", "The bridge will be closed on Monday"));

        Assert.Equal(RegistrationStatus.Registered, again.Status);
        // Both actors (the outlet and the mayor) exist: the claim's change does not wait for their records.
        Assert.Equal(["adding", "recorded", "recorded"], calls.Entries.ToArray());
    }

    [Fact]
    public async Task A_corrected_report_records_its_new_speaker_before_adding_the_new_statement()
    {
        var calls = new CallLog();
        await using var cluster = await GrainCluster.StartAsync(configureSilo: silo => silo.AddIncomingGrainCallFilter(calls.Filter));
        var report = cluster.Grains.GetGrain<IReportGrain>("order-2");
        var original = Statements.Report("order-2", "Daily Planet", "Mayor Jane Roe", "The dam will be opened on Friday");
        Assert.Equal(RegistrationStatus.Registered, (await report.Register(original)).Status);
        calls.Entries.Clear();

        var revision = Statements.Report("order-2", "Daily Planet", "Water board", "River levels rise by 40 cm an hour");
        var outcome = await report.Correct(revision, new Correction
        {
            CorrectionId = "k-order-2",
            Analyst = "desk",
            Reason = "the wrong quote was printed",
            RecordedAt = DateTimeOffset.UnixEpoch,
        });

        Assert.Equal(CorrectionRefusal.None, outcome.Refusal);
        var entries = calls.Entries.ToArray();
        Assert.Equal(["recorded", "adding"], entries);
    }

    [Fact]
    public async Task A_split_to_a_new_actor_records_it_before_any_claim_names_it()
    {
        var calls = new CallLog();
        await using var cluster = await GrainCluster.StartAsync(configureSilo: silo => silo.AddIncomingGrainCallFilter(calls.Filter));
        var text = "North Korean leader Kim Jong Un said the summit was a success. Kim said the talks would continue next year.";
        var registered = await cluster.Grains.GetGrain<IReportGrain>("order-5").Register(
            new ReportSubmission("order-5", "Daily Planet", "https://example.org/order-5", DateTimeOffset.UnixEpoch, "Summit", text, []));
        var kim = registered.Outcomes.Select(o => o.ActorId).Distinct().Single(id => id.Contains("kim", StringComparison.Ordinal));
        calls.Entries.Clear();

        var split = await cluster.Grains.GetGrain<IActorCorrectionGrain>(kim).Split(
            new Correction { CorrectionId = "k-order-5", Analyst = "desk", Reason = "another Kim", RecordedAt = DateTimeOffset.UnixEpoch },
            "Kim",
            string.Empty);

        Assert.Equal(CorrectionRefusal.None, split.Refusal);
        var entries = calls.Entries.ToArray();
        // The new actor takes the alias in, the claim's statement moves to it, the old actor gives the alias up.
        Assert.Equal(["corrected", "reattributing", "corrected"], entries);
    }

    /// <summary>Holds every actor's record and correction a moment, so that a claim written beside it would come first.</summary>
    private sealed class CallLog
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public async Task Filter(IIncomingGrainCallContext context)
        {
            if (context.Grain is IActorGrain && context.InterfaceMethod?.Name == nameof(IActorGrain.Record))
            {
                await Task.Delay(200);
                await context.Invoke();
                Entries.Enqueue("recorded");
                return;
            }

            if (context.Grain is IActorGrain && context.InterfaceMethod?.Name == nameof(IActorGrain.Correct))
            {
                await Task.Delay(200);
                await context.Invoke();
                Entries.Enqueue("corrected");
                return;
            }

            if (context.Grain is IClaimGrain && context.InterfaceMethod?.Name is { } name
                && name is nameof(IClaimGrain.AddStatement) or nameof(IClaimGrain.Reattribute))
            {
                Entries.Enqueue(name == nameof(IClaimGrain.AddStatement) ? "adding" : "reattributing");
            }

            await context.Invoke();
        }
    }
}
