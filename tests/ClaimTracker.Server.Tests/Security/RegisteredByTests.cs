using ClaimTracker.Security;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Security;

/// <summary>
/// Who registered a report is stored with it: it survives a restart, and a repeat by someone else does not change it.
/// A correction records the authenticated caller, whatever analyst the request names.
/// </summary>
public sealed class RegisteredByTests
{
    [Fact]
    public async Task The_first_registrant_is_stored_with_the_report_and_read_back_after_a_restart()
    {
        var feeder = ApiKeys.Generate();
        var other = ApiKeys.Generate();
        string[] keys =
        [
            RunningServer.ExactMatching,
            "--Security:ApiKeys:0:Name=wire-feeder",
            $"--Security:ApiKeys:0:Hash={ApiKeys.Hash(feeder)}",
            $"--Security:ApiKeys:0:Scopes:0={Scopes.ReportsWrite}",
            "--Security:ApiKeys:1:Name=desk",
            $"--Security:ApiKeys:1:Hash={ApiKeys.Hash(other)}",
            $"--Security:ApiKeys:1:Scopes:0={Scopes.Admin}",
        ];
        var request = Reports.Report("who-1", "Harbour Daily", "Port authority", [], "The harbour closes for repairs in July");
        var dataDirectory = RunningServer.NewDataDirectory();
        await using (var server = await RunningServer.StartAsync(dataDirectory, keys))
        {
            var registered = await V1.Client.ClaimTrackerChannel.CreateClient(server.Channel, feeder).RegisterReportAsync(request);
            Assert.Equal("wire-feeder", registered.Report.RegisteredBy);
            var repeated = await V1.Client.ClaimTrackerChannel.CreateClient(server.Channel, other).RegisterReportAsync(request);
            Assert.Equal("wire-feeder", repeated.Report.RegisteredBy);
        }

        await using var restarted = await RunningServer.StartAsync(dataDirectory, keys);
        var report = await V1.Client.ClaimTrackerChannel.CreateClient(restarted.Channel, other)
            .GetReportAsync(new V1.GetReportRequest { ReportId = "who-1" });
        Assert.Equal("wire-feeder", report.RegisteredBy);

        var desk = V1.Client.ClaimTrackerChannel.CreateClient(restarted.Channel, other);
        var retraction = await desk.RetractReportAsync(new V1.RetractReportRequest
        {
            CorrectionId = "who-retract-1",
            Analyst = "someone-else",
            Reason = "the outlet withdrew the story",
            ReportId = "who-1",
        });
        Assert.Equal("desk", retraction.Correction.Analyst);
        var trail = await desk.ListCorrectionsAsync(new V1.ListCorrectionsRequest { ReportId = "who-1" });
        Assert.Equal("desk", Assert.Single(trail.Corrections).Analyst);
    }
}
