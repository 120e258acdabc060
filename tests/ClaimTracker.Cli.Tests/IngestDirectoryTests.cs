using Google.Protobuf;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cli.Tests;

/// <summary><c>ingest &lt;dir&gt;</c> registers the directory in batches: a file that fails is named and the others are registered.</summary>
public sealed class IngestDirectoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_file_that_fails_is_named_with_its_status_and_the_rest_of_the_directory_is_registered()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-cli-batch-");
        try
        {
            File.Copy(fixture.FollowUpPath, Path.Combine(directory, "a.txt"));
            File.WriteAllText(Path.Combine(directory, "b-empty.txt"), string.Empty);
            File.Copy(fixture.StoryPath, Path.Combine(directory, "c.txt"));

            var run = await fixture.RunAsync("ingest", directory, "--source", "Batch Courier", "--json");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("b-empty.txt: InvalidArgument: text or statements", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("1 of 3 reports were not registered", run.Stderr, StringComparison.Ordinal);
            var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
            var responses = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(parser.Parse<V1.RegisterReportResponse>)
                .ToList();
            Assert.Equal([2, 10], responses.Select(r => r.Outcomes.Count));
            var stored = await fixture.Server.Client.GetReportAsync(new V1.GetReportRequest { ReportId = responses[1].Report.ReportId });
            Assert.Equal("Batch Courier", stored.Source);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
