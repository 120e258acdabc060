using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Bad input gets a status a person can act on, and never changes what is stored.</summary>
public sealed class InputValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private V1.ClaimTracker.ClaimTrackerClient Client => fixture.Server.Client;

    [Fact]
    public async Task Missing_report_id_is_invalid_and_names_the_field()
    {
        var request = Reports.Report("", "Outlet", "Speaker", [], "Something happened");
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("report_id", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_without_text_or_statements_is_invalid()
    {
        var request = new V1.RegisterReportRequest { ReportId = "validation-empty", Source = "Outlet" };
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("text or statements", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "content", "statements[1].speaker")]
    [InlineData("Speaker", " ", "statements[1].content")]
    public async Task Empty_speaker_or_content_is_invalid_and_names_the_statement(string speaker, string content, string field)
    {
        var request = Reports.Report("validation-statement-" + field, "Outlet", "Speaker", [], "A valid first statement");
        request.Statements.Add(new V1.StatementInput { Speaker = speaker, Content = content });
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
        await AssertNotStored(request.ReportId);
    }

    [Fact]
    public async Task Text_over_the_configured_limit_is_invalid()
    {
        var request = new V1.RegisterReportRequest { ReportId = "validation-big-text", Source = "Outlet", Text = new string('x', 65537) };
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("text is 65,537 bytes; the limit is 65,536 bytes", error.Status.Detail, StringComparison.Ordinal);
        await AssertNotStored(request.ReportId);
    }

    [Fact]
    public async Task More_statements_than_the_configured_limit_is_invalid()
    {
        var request = new V1.RegisterReportRequest { ReportId = "validation-many", Source = "Outlet" };
        for (var i = 0; i < 51; i++)
        {
            request.Statements.Add(new V1.StatementInput { Speaker = "Speaker", Content = $"Claim number {i}" });
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("statements has 51 entries; the limit is 50", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stance_value_is_invalid()
    {
        var request = Reports.Report("validation-stance", "Outlet", "Speaker", [], "Something happened");
        request.Statements[0].Stance = (V1.Stance)42;
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("statements[0].stance", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_report_id_with_other_content_already_exists_and_keeps_the_original()
    {
        var original = Reports.Report("validation-conflict", "Outlet", "Speaker", [], "The bridge was closed on Monday");
        var first = await Client.RegisterReportAsync(original);

        var changed = Reports.Report("validation-conflict", "Outlet", "Speaker", [], "The bridge was open on Monday");
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(changed).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("validation-conflict", error.Status.Detail, StringComparison.Ordinal);

        var claim = await Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = first.Outcomes[0].ClaimId });
        Assert.Equal("The bridge was closed on Monday", claim.Text);
        Assert.Equal(1, claim.StatementCount);
    }

    [Fact]
    public async Task The_same_report_twice_returns_the_same_outcome_and_stores_nothing_twice()
    {
        var request = Reports.Report("validation-idempotent", "Outlet", "Mayor Jane Roe", ["AP"], "The mayor announced a curfew");
        var first = await Client.RegisterReportAsync(request);
        var second = await Client.RegisterReportAsync(request);

        Assert.Equal(first, second);
        var claim = await Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = first.Outcomes[0].ClaimId });
        Assert.Equal(1, claim.StatementCount);
        var actor = await Client.GetActorAsync(new V1.GetActorRequest { ActorId = first.Outcomes[0].ActorId });
        Assert.Equal(1, actor.StatementCount);
        Assert.Single(actor.AliasSightings);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var report = await Assert.ThrowsAsync<RpcException>(
            () => Client.GetReportAsync(new V1.GetReportRequest { ReportId = "no-such-report" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, report.StatusCode);
        var claim = await Assert.ThrowsAsync<RpcException>(
            () => Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = "c-nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, claim.StatusCode);
        Assert.Contains("c-nope", claim.Status.Detail, StringComparison.Ordinal);
        var actor = await Assert.ThrowsAsync<RpcException>(
            () => Client.GetActorAsync(new V1.GetActorRequest { ActorId = "a-nobody" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, actor.StatusCode);
    }

    [Fact]
    public async Task A_statement_naming_an_unknown_claim_is_not_found_and_nothing_is_stored()
    {
        var request = Reports.Report("validation-unknown-claim", "Outlet", "Speaker", [], "Something happened");
        request.Statements[0].ClaimId = "c-does-not-exist";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterReportAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("c-does-not-exist", error.Status.Detail, StringComparison.Ordinal);
        await AssertNotStored(request.ReportId);
    }

    [Fact]
    public async Task Malformed_page_tokens_and_cursors_are_invalid()
    {
        var list = await Assert.ThrowsAsync<RpcException>(
            () => Client.ListClaimsAsync(new V1.ListClaimsRequest { PageToken = "garbage" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, list.StatusCode);
        var size = await Assert.ThrowsAsync<RpcException>(
            () => Client.ListActorsAsync(new V1.ListActorsRequest { PageSize = -1 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, size.StatusCode);

        using var watch = Client.WatchClaims(new V1.WatchClaimsRequest { Cursor = "not-a-cursor" });
        var cursor = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, cursor.StatusCode);
        Assert.Contains("cursor", cursor.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_only_report_is_stored_and_returned()
    {
        var request = new V1.RegisterReportRequest {
            ReportId = "validation-text-only",
            Source = "Outlet",
            Title = "Headline",
            Text = "Body text of the article." };
        var response = await Client.RegisterReportAsync(request);
        Assert.Equal("Body text of the article.", response.Report.Text);

        var stored = await Client.GetReportAsync(new V1.GetReportRequest { ReportId = "validation-text-only" });
        Assert.Equal("Headline", stored.Title);
        Assert.Equal("Outlet", stored.Source);
        Assert.NotNull(stored.RegisteredAt);
    }

    private async Task AssertNotStored(string reportId)
    {
        if (reportId.Length == 0)
        {
            return;
        }

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Client.GetReportAsync(new V1.GetReportRequest { ReportId = reportId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
