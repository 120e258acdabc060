using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cli.Tests;

/// <summary>history and timeline against a real server: tables for people, JSON that parses back, exit codes for bad input.</summary>
public sealed class HistoryCommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    [Fact]
    public async Task History_and_timeline_show_versions_the_past_and_the_turn_to_contested()
    {
        var client = fixture.Server.Client;
        var claimId = string.Empty;
        string[] speakers = ["Valley water board", "Regional governor", "Dam operator"];
        for (var i = 0; i < speakers.Length; i++)
        {
            var request = new V1.RegisterReportRequest
            {
                ReportId = $"history-cli-{i}",
                Source = $"Paper {i}",
                PublishedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 1 + i, 9, 0, 0, TimeSpan.Zero)),
            };
            request.Statements.Add(new V1.StatementInput
            {
                Speaker = speakers[i],
                Content = "The Marava levee was breached overnight",
                ClaimId = claimId,
                Stance = i == 2 ? V1.Stance.Contradicts : V1.Stance.Supports,
            });
            claimId = (await client.RegisterReportAsync(request)).Outcomes[0].ClaimId;
        }

        var table = await fixture.RunAsync("history", claimId);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("status CORROBORATED → CONTESTED", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 of 3 versions", table.Stdout, StringComparison.Ordinal);

        var first = await fixture.RunAsync("history", claimId, "--version", "1", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var then = Parser.Parse<V1.Claim>(first.Stdout);
        Assert.Equal(V1.CorroborationStatus.Uncorroborated, then.Status);
        Assert.Single(then.Statements);

        var timeline = await fixture.RunAsync("timeline", claimId);
        Assert.True(timeline.ExitCode == 0, timeline.ToString());
        Assert.Contains("first appeared 2024-03-01 09:00:00 in Paper 0", timeline.Stdout, StringComparison.Ordinal);
        Assert.Contains("CORROBORATED → CONTESTED", timeline.Stdout, StringComparison.Ordinal);
        var timelineJson = Parser.Parse<V1.ClaimTimeline>((await fixture.RunAsync("timeline", claimId, "--json")).Stdout);
        Assert.Equal(["history-cli-0", "history-cli-1", "history-cli-2"], timelineJson.Entries.Select(e => e.ReportId));

        var actor = await fixture.RunAsync("history", "a-dam-operator", "--actor");
        Assert.True(actor.ExitCode == 0, actor.ToString());
        Assert.Contains("new alias “Dam operator”", actor.Stdout, StringComparison.Ordinal);

        var both = await fixture.RunAsync("history", claimId, "--version", "1", "--as-of", "2024-03-01T00:00:00Z");
        Assert.Equal(2, both.ExitCode);
        var tooFar = await fixture.RunAsync("history", claimId, "--version", "9");
        Assert.Equal(1, tooFar.ExitCode);
        Assert.Contains("OutOfRange", tooFar.Stderr, StringComparison.Ordinal);
        var missing = await fixture.RunAsync("timeline", "c-0000000000000000");
        Assert.Equal(3, missing.ExitCode);
    }
}
