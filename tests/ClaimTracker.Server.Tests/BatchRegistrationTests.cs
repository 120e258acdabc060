using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>One server for the batch tests, with a small batch limit so that going over it is cheap.</summary>
public sealed class BatchServerFixture : IAsyncLifetime
{
    public const int MaxReports = 8;

    private RunningServer? server;

    public RunningServer Server => server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync() =>
        server = await RunningServer.StartAsync(null, RunningServer.ExactMatching, $"--Ingest:MaxReportsPerBatch={MaxReports}");

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>RegisterReports and POST /v1/reports:batch over real sockets: each report on its own, outcomes in order.</summary>
public sealed class BatchRegistrationTests(BatchServerFixture fixture) : IClassFixture<BatchServerFixture>
{
    [Fact]
    public async Task A_batch_registers_each_report_on_its_own_in_order_and_a_retried_batch_changes_nothing()
    {
        var client = fixture.Server.Client;
        var first = Reports.Report("batch-1", "Reuters", "the ministry", [], "The batch bridge opened in 2021");
        var batch = new V1.RegisterReportsRequest
        {
            Reports =
            {
                first,
                new V1.RegisterReportRequest { ReportId = "batch-2", Text = "no source" },
                first.Clone(),
                Reports.Report("batch-1", "Reuters", "the ministry", [], "Other content under the same id"),
                Reports.Report("batch-3", "AFP", "the mayor", [], "The batch bridge opened in 2021"),
                Reports.Report("batch-4", "TASS", "the ministry", [], "A claim that does not exist is denied"),
            },
        };
        batch.Reports[5].Statements[0].ClaimId = "c-0000000000000000";

        var response = await client.RegisterReportsAsync(batch);

        Assert.Equal([0, 1, 2, 3, 4, 5], response.Registrations.Select(r => r.Index));
        Assert.Equal(batch.Reports.Select(r => r.ReportId), response.Registrations.Select(r => r.ReportId));
        var codes = response.Registrations.Select(r => r.Error is null ? StatusCode.OK : (StatusCode)r.Error.Code).ToList();
        Assert.Equal(
            [StatusCode.OK, StatusCode.InvalidArgument, StatusCode.OK, StatusCode.AlreadyExists, StatusCode.OK, StatusCode.NotFound],
            codes);
        Assert.Contains("source", response.Registrations[1].Error.Message, StringComparison.Ordinal);
        Assert.Contains("c-0000000000000000", response.Registrations[5].Error.Message, StringComparison.Ordinal);
        Assert.Equal([false, false, true, false, false, false], response.Registrations.Select(r => r.AlreadyRegistered));
        // The repeat answers exactly as the first; the two outlets' statements share the claim.
        Assert.Equal(response.Registrations[0].Registered, response.Registrations[2].Registered);
        var claimId = response.Registrations[0].Registered.Outcomes[0].ClaimId;
        Assert.Equal(claimId, response.Registrations[4].Registered.Outcomes[0].ClaimId);
        Assert.Equal(2, (await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId })).StatementCount);

        var retried = await client.RegisterReportsAsync(batch);

        Assert.Equal(codes, retried.Registrations.Select(r => r.Error is null ? StatusCode.OK : (StatusCode)r.Error.Code));
        Assert.Equal([true, false, true, false, true, false], retried.Registrations.Select(r => r.AlreadyRegistered));
        Assert.Equal(response.Registrations[4].Registered, retried.Registrations[4].Registered);
        Assert.Equal(2, (await client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = claimId })).StatementCount);
        await Assert.ThrowsAsync<RpcException>(() => client.GetReportAsync(new V1.GetReportRequest { ReportId = "batch-4" }).ResponseAsync);

        var tooMany = new V1.RegisterReportsRequest();
        tooMany.Reports.Add(Enumerable.Range(0, BatchServerFixture.MaxReports + 1).Select(i => first.Clone()));
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterReportsAsync(tooMany).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("Ingest:MaxReportsPerBatch", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordered_batch_registers_each_report_after_the_one_before_it()
    {
        var batch = new V1.RegisterReportsRequest { Ordered = true };
        batch.Reports.Add(Enumerable.Range(0, BatchServerFixture.MaxReports)
            .Select(i => Reports.Report($"ordered-{i}", $"Outlet {i}", "the port authority", [], "The ordered ferry sails at dawn")));

        var response = await fixture.Server.Client.RegisterReportsAsync(batch);

        // The first report founds the claim; every later one, registered after it, joins it.
        Assert.Equal(
            Enumerable.Range(0, BatchServerFixture.MaxReports).Select(i => i == 0),
            response.Registrations.Select(r => r.Registered.Outcomes[0].ClaimCreated));
    }

    [Fact]
    public async Task The_http_route_takes_ndjson_and_streams_one_outcome_per_line()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.WebAddress };
        var good = Reports.Report("ndjson-1", "Le Monde", "the council", [], "The ndjson tram line carries 9,000 riders a day");
        var lines = string.Join('\n',
            JsonFormatter.Default.Format(good),
            "{\"reportId\": \"ndjson-2\", \"source\": ",
            "",
            JsonFormatter.Default.Format(new V1.RegisterReportRequest { ReportId = "ndjson-3", Source = "AFP" }),
            JsonFormatter.Default.Format(good));

        using var response = await http.PostAsync("/v1/reports:batch", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var outcomes = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonParser.Default.Parse<V1.ReportRegistration>(line))
            .ToList();
        Assert.Equal([0, 1, 2, 3], outcomes.Select(o => o.Index));
        Assert.Equal("ndjson-1", outcomes[0].ReportId);
        Assert.Equal(good.Statements[0].Content, (await fixture.Server.Client.GetClaimAsync(
            new V1.GetClaimRequest { ClaimId = outcomes[0].Registered.Outcomes[0].ClaimId })).Text);
        Assert.Equal((int)StatusCode.InvalidArgument, outcomes[1].Error.Code);
        Assert.Contains("line 2", outcomes[1].Error.Message, StringComparison.Ordinal);
        Assert.Equal((int)StatusCode.InvalidArgument, outcomes[2].Error.Code);
        Assert.Contains("text or statements", outcomes[2].Error.Message, StringComparison.Ordinal);
        Assert.True(outcomes[3].AlreadyRegistered);

        using var json = await http.PostAsync("/v1/reports:batch", new StringContent(lines, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("application/x-ndjson", await Message(json), StringComparison.Ordinal);

        var tooMany = string.Join('\n', Enumerable.Repeat(JsonFormatter.Default.Format(good), BatchServerFixture.MaxReports + 1));
        using var refused = await http.PostAsync("/v1/reports:batch", new StringContent(tooMany, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ingest:MaxReportsPerBatch", await Message(refused), StringComparison.Ordinal);
    }

    private static async Task<string> Message(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;
}
