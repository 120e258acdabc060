using System.Text.Json;
using ClaimTracker.Server.Tests;
using Google.Protobuf;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cli.Tests;

/// <summary>
/// Every command of <c>claimtracker</c> against a real server: tables for people, protobuf JSON that parses
/// back for scripts, and the documented exit codes (2 invalid input, 3 not found, 4 already exists, 5 unavailable).
/// </summary>
public sealed class CommandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    [Fact]
    public async Task Ingest_registers_a_file_and_prints_its_statements()
    {
        var run = await fixture.RunAsync("ingest", fixture.StoryPath, "--source", "Harbour Daily", "--report-id", "ingest-table");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("10 statements", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tamas Varga", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Lena Varga", run.Stdout, StringComparison.Ordinal);

        var report = await fixture.Server.Client.GetReportAsync(new V1.GetReportRequest { ReportId = "ingest-table" });
        Assert.Equal("Harbour Daily", report.Source);
        Assert.Equal(10, report.StatementIds.Count);
    }

    [Fact]
    public async Task Ingest_json_prints_one_response_per_file_of_a_directory()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-cli-dir-");
        try
        {
            File.Copy(fixture.StoryPath, Path.Combine(directory, "a.txt"));
            File.Copy(fixture.FollowUpPath, Path.Combine(directory, "b.txt"));
            File.WriteAllText(Path.Combine(directory, "ignored.md"), "Not an article.");
            var run = await fixture.RunAsync("ingest", directory, "--source", "Valley Courier", "--json");
            Assert.True(run.ExitCode == 0, run.ToString());
            var responses = Lines(run.Stdout).Select(Parser.Parse<V1.RegisterReportResponse>).ToList();
            Assert.Equal([10, 2], responses.Select(r => r.Outcomes.Count));
            Assert.All(responses, r => Assert.Equal("Valley Courier", r.Report.Source));
            Assert.All(responses, r => Assert.StartsWith("file-", r.Report.ReportId, StringComparison.Ordinal));
            Assert.All(responses.SelectMany(r => r.Outcomes), o => Assert.NotEmpty(o.ClaimId));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_rejects_bad_input_with_exit_code_2()
    {
        var missing = await fixture.RunAsync("ingest", Path.Combine(fixture.ArticleDirectory, "no-such-article.txt"), "--source", "X");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("error: no such file or directory", missing.Stderr, StringComparison.Ordinal);
        Assert.Empty(missing.Stdout);

        var oneIdForMany = await fixture.RunAsync("ingest", fixture.ArticleDirectory, "--source", "X", "--report-id", "r");
        Assert.Equal(2, oneIdForMany.ExitCode);
        Assert.Contains("--report-id", oneIdForMany.Stderr, StringComparison.Ordinal);

        var noSource = await fixture.RunAsync("ingest", fixture.StoryPath);
        Assert.Equal(2, noSource.ExitCode);
        Assert.Contains("--source", noSource.Stderr, StringComparison.Ordinal);

        var unknownCommand = await fixture.RunAsync("ingets", fixture.StoryPath);
        Assert.Equal(2, unknownCommand.ExitCode);
    }

    [Fact]
    public async Task Ingest_of_other_text_under_a_taken_report_id_exits_4()
    {
        var run = await fixture.RunAsync("ingest", fixture.FollowUpPath, "--source", "Harbour Daily", "--report-id", ServerFixture.StoryId);
        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith("error: AlreadyExists", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_shows_one_report_and_exits_3_for_an_unknown_one()
    {
        var story = await fixture.StoryAsync();
        var json = await fixture.RunAsync("report", ServerFixture.StoryId, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var report = Parser.Parse<V1.Report>(json.Stdout);
        Assert.Equal(story.Outcomes.Select(o => o.StatementId), report.StatementIds);
        Assert.Equal("Harbour Daily", report.Source);

        var table = await fixture.RunAsync("report", ServerFixture.StoryId);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Dam operators open every spillway on the Marava", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("10 statements", table.Stdout, StringComparison.Ordinal);

        var unknown = await fixture.RunAsync("report", "no-such-report");
        Assert.Equal(3, unknown.ExitCode);
        Assert.StartsWith("error: NotFound", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_lists_and_filters_claims()
    {
        await fixture.StoryAsync();
        var run = await fixture.RunAsync("claims", "--query", "spillway gate", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var claim = Assert.Single(Parser.Parse<V1.ListClaimsResponse>(run.Stdout).Claims);
        Assert.Contains("eastern spillway gate was stuck half open", claim.Text, StringComparison.Ordinal);

        var limited = Parser.Parse<V1.ListClaimsResponse>((await fixture.RunAsync("claims", "--limit", "3", "--json")).Stdout);
        Assert.Equal(3, limited.Claims.Count);

        var contradicted = await fixture.RunAsync("claims", "--status", "CONTRADICTED", "--json");
        Assert.Equal(0, contradicted.ExitCode);
        var contradictedClaims = Parser.Parse<V1.ListClaimsResponse>(contradicted.Stdout).Claims;
        Assert.All(contradictedClaims, c => Assert.Equal(V1.CorroborationStatus.Contradicted, c.Status));

        var table = await fixture.RunAsync("claims", "--query", "spillway gate");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(claim.ClaimId, table.Stdout, StringComparison.Ordinal);
        Assert.Contains("UNCORROBORATED", table.Stdout, StringComparison.Ordinal);

        var badStatus = await fixture.RunAsync("claims", "--status", "MAYBE");
        Assert.Equal(2, badStatus.ExitCode);
    }

    [Fact]
    public async Task Claim_shows_status_and_statements_and_exits_3_for_an_unknown_one()
    {
        var story = await fixture.StoryAsync();
        var hedged = await fixture.ClaimAsync(story, "may keep rising");
        var json = await fixture.RunAsync("claim", hedged.ClaimId, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var claim = Parser.Parse<V1.Claim>(json.Stdout);
        Assert.Equal(hedged.ClaimId, claim.ClaimId);
        Assert.NotEmpty(claim.Statements);
        Assert.All(claim.Statements, s =>
        {
            Assert.Equal("Tamas Varga", s.Speaker);
            Assert.Equal(V1.Modality.Hedged, s.Modality);
            Assert.Equal(["AFP"], s.Via);
        });

        var table = await fixture.RunAsync("claim", hedged.ClaimId);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Harbour Daily → AFP → Tamas Varga", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Harbour Daily F, Tamas Varga F", table.Stdout, StringComparison.Ordinal);

        var unknown = await fixture.RunAsync("claim", "c-no-such-claim");
        Assert.Equal(3, unknown.ExitCode);
    }

    [Fact]
    public async Task Actors_and_actor_show_the_two_Vargas_apart()
    {
        await fixture.StoryAsync();
        var run = await fixture.RunAsync("actors", "--query", "varga", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var actors = Parser.Parse<V1.ListActorsResponse>(run.Stdout).Actors;
        Assert.Equal(["Lena Varga", "Tamas Varga"], actors.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(actors, a => Assert.Equal(V1.ActorKind.Person, a.Kind));

        var hydrologist = actors.Single(a => a.Name == "Tamas Varga");
        var json = await fixture.RunAsync("actor", hydrologist.ActorId, "--json");
        Assert.Equal(0, json.ExitCode);
        var actor = Parser.Parse<V1.Actor>(json.Stdout);
        Assert.Contains(actor.AliasSightings, s => s.ReportId == ServerFixture.StoryId);
        Assert.True(actor.ClaimIds.Count >= 2);

        var table = await fixture.RunAsync("actor", hydrologist.ActorId);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Tamas Varga (Person)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("in " + ServerFixture.StoryId, table.Stdout, StringComparison.Ordinal);

        Assert.Equal(3, (await fixture.RunAsync("actor", "a-no-such-actor")).ExitCode);
    }

    [Fact]
    public async Task Watch_prints_claim_events_from_a_cursor_as_json_lines()
    {
        var story = await fixture.StoryAsync();
        var gate = await fixture.ClaimAsync(story, "spillway gate was stuck");
        var server = fixture.Server.Address.ToString();
        using var watch = CliProcess.Start("watch", "--json", "--cursor", "f0", "--claim", gate.ClaimId, "--server", server);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await watch.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            var claimEvent = Parser.Parse<V1.ClaimEvent>(line);
            Assert.Equal(gate.ClaimId, claimEvent.Claim.ClaimId);
            Assert.Equal(V1.ClaimEventKind.ClaimCreated, claimEvent.Kind);
            Assert.NotEmpty(claimEvent.Cursor);
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }

        var badCursor = await fixture.RunAsync("watch", "--json", "--cursor", "not-a-cursor");
        Assert.Equal(2, badCursor.ExitCode);
        Assert.Contains("cursor", badCursor.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_with_a_snapshot_prints_the_claims_current_state_first_and_refuses_a_cursor_beside_it()
    {
        var story = await fixture.StoryAsync();
        var gate = await fixture.ClaimAsync(story, "spillway gate was stuck");
        var server = fixture.Server.Address.ToString();
        using var watch = CliProcess.Start("watch", "--json", "--snapshot", "--claim", gate.ClaimId, "--server", server);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await watch.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            var claimEvent = Parser.Parse<V1.ClaimEvent>(line);
            Assert.Equal(V1.ClaimEventKind.ClaimSnapshot, claimEvent.Kind);
            Assert.Equal(gate.ClaimId, claimEvent.Claim.ClaimId);
            Assert.Equal(gate.Status, claimEvent.Claim.Status);
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }

        var both = await fixture.RunAsync("watch", "--json", "--snapshot", "--cursor", "f0");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("include_snapshot and cursor cannot be combined", both.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_STIX_and_ClaimReview_and_rejects_bad_options()
    {
        var story = await fixture.StoryAsync();
        var gate = await fixture.ClaimAsync(story, "spillway gate was stuck");
        var stix = await fixture.RunAsync("export", "stix", "--claim", gate.ClaimId, "--compact");
        Assert.True(stix.ExitCode == 0, stix.ToString());
        var bundle = JsonDocument.Parse(stix.Stdout).RootElement;
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        var objects = bundle.GetProperty("objects").EnumerateArray().ToList();
        var note = Assert.Single(objects, o => o.GetProperty("type").GetString() == "note");
        Assert.Contains("spillway gate", note.GetProperty("abstract").GetString(), StringComparison.Ordinal);
        var identities = objects.Where(o => o.GetProperty("type").GetString() == "identity");
        Assert.Contains(identities, o => o.GetProperty("name").GetString() == "Tamas Varga");

        var file = Path.Combine(fixture.ArticleDirectory, "reviews.json");
        var review = await fixture.RunAsync(
            "export", "claimreview", "--claim", gate.ClaimId, "--out", file, "--base-url", "https://factcheck.example/claims/");
        Assert.True(review.ExitCode == 0, review.ToString());
        Assert.Contains("exported 1 claims", review.Stdout, StringComparison.Ordinal);
        var reviews = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        var only = Assert.Single(reviews.EnumerateArray().ToList());
        Assert.Equal(gate.ClaimId, only.GetProperty("identifier").GetString());
        Assert.Equal("https://factcheck.example/claims/" + gate.ClaimId, only.GetProperty("url").GetString());

        var both = await fixture.RunAsync("export", "stix", "--claim", gate.ClaimId, "--status", "CONTESTED");
        Assert.Equal(2, both.ExitCode);
        var relativeUrl = await fixture.RunAsync("export", "claimreview", "--base-url", "claims/");
        Assert.Equal(2, relativeUrl.ExitCode);
        var elsewhere = Path.Combine(fixture.ArticleDirectory, "no-such-dir", "x.json");
        var noDirectory = await fixture.RunAsync("export", "stix", "--out", elsewhere);
        Assert.Equal(2, noDirectory.ExitCode);
        var negativeLimit = await fixture.RunAsync("export", "stix", "--limit", "-1");
        Assert.Equal(2, negativeLimit.ExitCode);
    }

    [Fact]
    public async Task An_unreachable_server_exits_5()
    {
        var run = await CliProcess.RunAsync("claims", "--server", $"http://127.0.0.1:{RunningServer.FreePort()}");
        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith("error: Unavailable", run.Stderr, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
