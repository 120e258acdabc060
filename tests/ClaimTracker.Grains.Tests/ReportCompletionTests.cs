using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// A report is written once, when planned; whether it is whole is found out again after a restart by linking it
/// again: a retry answers "already registered" with the same outcomes and adds nothing, a partly linked one is finished,
/// and a correction of a report read back goes through.
/// </summary>
public sealed class ReportCompletionTests
{
    [Fact]
    public async Task After_a_restart_a_registered_report_answers_already_registered_and_can_be_retracted()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-completion-");
        var submission = Statements.Report("rc1", "Daily Planet", "Mayor Jane Roe", "The dam will be opened on Friday") with
        {
            Statements =
            [
                new StatementSubmission("Mayor Jane Roe", "The dam will be opened on Friday", string.Empty, [],
                    Stance.Unspecified, Modality.Unspecified, string.Empty),
                new StatementSubmission("Water board", "River levels rise by 40 cm an hour", string.Empty, [],
                    Stance.Unspecified, Modality.Unspecified, string.Empty),
            ],
        };
        RegistrationResult first;
        await using (var cluster = await GrainCluster.StartAsync(directory))
        {
            first = await cluster.Grains.GetGrain<IReportGrain>("rc1").Register(submission);
            var again = await cluster.Grains.GetGrain<IReportGrain>("rc1").Register(submission);
            Assert.Equal(RegistrationStatus.Registered, first.Status);
            Assert.Equal(RegistrationStatus.AlreadyRegistered, again.Status);
        }

        await using (var restarted = await GrainCluster.StartAsync(directory))
        {
            var report = restarted.Grains.GetGrain<IReportGrain>("rc1");
            var retried = await report.Register(submission);

            Assert.Equal(RegistrationStatus.AlreadyRegistered, retried.Status);
            Assert.Equal(
                first.Outcomes.Select(o => (o.StatementId, o.ClaimId, o.ActorId, o.Stance, o.ClaimCreated)),
                retried.Outcomes.Select(o => (o.StatementId, o.ClaimId, o.ActorId, o.Stance, o.ClaimCreated)));
            foreach (var outcome in first.Outcomes)
            {
                var claim = await restarted.Grains.GetGrain<IClaimGrain>(outcome.ClaimId).GetDetails(10, string.Empty);
                Assert.Equal(1, claim!.Summary.StatementCount);
            }

            var retraction = await report.Retract(new Correction
            {
                CorrectionId = "k-rc1",
                Analyst = "desk",
                Reason = "the dam story was wrong",
                RecordedAt = DateTimeOffset.UnixEpoch,
            });

            Assert.Equal(CorrectionRefusal.None, retraction.Refusal);
            Assert.True((await report.Get())!.Retracted);
        }

        Directory.Delete(directory, recursive: true);
    }
}
