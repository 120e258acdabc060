using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>
/// The web endpoint (HTTP/1.1 on its own port) as curl, Prometheus and tracing backends see it:
/// HTTP/JSON routes over the same service, the OpenAPI document, the metrics scrape, and one trace
/// from the call through the grains.
/// </summary>
public sealed class HttpApiTests
{
    [Fact]
    public async Task Claims_can_be_registered_listed_and_read_as_json_and_errors_carry_status_and_message()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        using var http = new HttpClient { BaseAddress = server.WebAddress };

        await server.Client.RegisterReportAsync(Reports.A());
        await server.Client.RegisterReportAsync(Reports.C());
        var posted = await http.PostAsync("/v1/reports", Json("""
            {"reportId": "http-1", "source": "Le Monde",
             "statements": [{"speaker": "Ukrainian data", "via": ["AFP"],
                             "content": "Russian forces fire up to 60,000 artillery shells per day"}]}
            """));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var outcome = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcomes")[0];
        var claimId = outcome.GetProperty("claimId").GetString()!;
        Assert.Equal("CORROBORATED", outcome.GetProperty("claimStatus").GetString());

        var list = await http.GetFromJsonAsync<JsonElement>("/v1/claims?status=CORROBORATED");
        var listed = Assert.Single(list.GetProperty("claims").EnumerateArray());
        Assert.Equal(claimId, listed.GetProperty("claimId").GetString());
        Assert.Equal(Reports.ShellsPerDay, listed.GetProperty("text").GetString());
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/v1/claims?status=CONTESTED")).GetProperty("claims").EnumerateArray());

        var claim = await http.GetFromJsonAsync<JsonElement>($"/v1/claims/{claimId}");
        Assert.Equal(3, claim.GetProperty("statements").GetArrayLength());
        Assert.Equal(3, claim.GetProperty("statementCount").GetInt32());

        var report = await http.GetFromJsonAsync<JsonElement>("/v1/reports/http-1");
        Assert.Equal("Le Monde", report.GetProperty("source").GetString());

        var missing = await http.GetAsync("/v1/claims/c-0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)Grpc.Core.StatusCode.NotFound, error.GetProperty("code").GetInt32());
        Assert.Contains("c-0000000000000000", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var invalid = await http.PostAsync("/v1/reports", Json("""{"source": "Le Monde", "text": "x"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains(
            "report_id",
            (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_watch_stream_over_http_sends_one_json_event_per_line_and_resumes_from_a_cursor()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        using var http = new HttpClient { BaseAddress = server.WebAddress, Timeout = TimeSpan.FromMinutes(1) };
        await server.Client.RegisterReportAsync(Reports.A());
        await server.Client.RegisterReportAsync(Reports.C());

        var first = await ReadEventsAsync(http, "/v1/claims:watch?cursor=f0", 2);
        Assert.Equal("CLAIM_CREATED", first[0].GetProperty("kind").GetString());
        Assert.Equal("CORROBORATED", first[1].GetProperty("claim").GetProperty("status").GetString());
        var resumed = await ReadEventsAsync(http, $"/v1/claims:watch?cursor={first[0].GetProperty("cursor").GetString()}", 1);
        Assert.Equal(first[1].GetProperty("cursor").GetString(), resumed[0].GetProperty("cursor").GetString());

        var bad = await http.GetAsync("/v1/claims:watch?cursor=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_only_when_switched_on()
    {
        await using (var plain = await RunningServer.StartAsync(null, RunningServer.ExactMatching))
        {
            using var http = new HttpClient { BaseAddress = plain.WebAddress };
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard/")).StatusCode);
        }

        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching, "--Web:Dashboard=true");
        using var client = new HttpClient { BaseAddress = server.WebAddress };
        var page = await client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_http_routes()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        using var http = new HttpClient { BaseAddress = server.WebAddress };

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/reports").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/v1/claims").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/v1/claims/{claimId}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/v1/actors/{actorId}").TryGetProperty("get", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("RegisterReportRequest", out _));
    }

    [Fact]
    public async Task A_registration_is_one_trace_from_the_client_through_the_grpc_call_and_the_grains()
    {
        using var testSource = new ActivitySource("ClaimTracker.Server.Tests");
        var activities = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source == testSource || source.Name is "Microsoft.AspNetCore"
                || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching, "--Telemetry:Tracing=true");

        ActivityTraceId traceId;
        using (var root = testSource.StartActivity("register a traced report")!)
        {
            traceId = root.TraceId;
            await server.Client
                .RegisterReportAsync(Reports.Report("traced-report", "Reuters", "Someone", [], "A traced harbour was closed"));
        }

        // The client's traceparent header carries the trace into the server, and Orleans carries it into every grain call.
        // The server stops the request's span only after the response is sent, so it may land a moment after the reply.
        bool IsRequestSpan(Activity a)
            => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("url.path") is "/claimtracker.v1.ClaimTracker/RegisterReport";
        var waited = Stopwatch.StartNew();
        while (!activities.Any(a => a.TraceId == traceId && IsRequestSpan(a)) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        var trace = activities.Where(a => a.TraceId == traceId).ToList();
        Assert.Contains(trace, IsRequestSpan);
        var grainSpans = trace.Where(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))
            .Select(a => a.DisplayName)
            .ToList();
        Assert.Contains(grainSpans, name => name.Contains("IReportGrain", StringComparison.Ordinal));
        Assert.Contains(grainSpans, name => name.Contains("IClaimGrain", StringComparison.Ordinal));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The value of the first Prometheus sample whose line starts with <paramref name="prefix"/> and contains <paramref
    /// name="label"/>.</summary>
    internal static double Sample(string scrape, string prefix, string label = "")
    {
        var line = scrape.Split('\n')
            .FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal));
        return line is null
            ? double.NaN
            : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<JsonElement>> ReadEventsAsync(HttpClient http, string path, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<JsonElement>();
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length > 0)
            {
                events.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return events;
    }
}

// The exporter listens to every meter named "ClaimTracker" in the process (one server per process
// in production); the tests' other servers would be counted too, hence a collection run alone.
[Collection(ProcessWideMetrics.Name)]
/// <summary>The Prometheus scrape endpoint counts what the server did.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Count_reports_statements_claims_by_status_and_open_watches()
    {
        await using var server = await RunningServer.StartAsync(
            null,
            RunningServer.ExactMatching,
            "--Telemetry:ClaimCountInterval=00:00:00.100");
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        await server.Client.RegisterReportAsync(Reports.A());
        await server.Client.RegisterReportAsync(Reports.C());
        await server.Client.RegisterReportAsync(Reports.Report("metrics-other", "Reuters", "Someone", [], "A harbour was closed"));
        using var watchCancel = new CancellationTokenSource();
        using var watch = server.Client.WatchClaims(new V1.WatchClaimsRequest(), cancellationToken: watchCancel.Token);
        await watch.ResponseHeadersAsync;

        string scrape = string.Empty;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            scrape = await http.GetStringAsync("/metrics");
            // The gauge is recounted periodically: a recount taken mid-way may show the second claim not yet created.
            if (HttpApiTests.Sample(scrape, "claimtracker_claims{", "status=\"CORROBORATED\"") == 1
                && HttpApiTests.Sample(scrape, "claimtracker_claims{", "status=\"UNCORROBORATED\"") == 1
                && HttpApiTests.Sample(scrape, "claimtracker_watches_open{") == 1)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(3, HttpApiTests.Sample(scrape, "claimtracker_reports_registered_total{"));
        Assert.Equal(3, HttpApiTests.Sample(scrape, "claimtracker_statements_registered_total{"));
        Assert.Equal(2, HttpApiTests.Sample(scrape, "claimtracker_claims_created_total{"));
        Assert.Equal(1, HttpApiTests.Sample(scrape, "claimtracker_claims{", "status=\"CORROBORATED\""));
        Assert.Equal(1, HttpApiTests.Sample(scrape, "claimtracker_claims{", "status=\"UNCORROBORATED\""));
        Assert.Equal(0, HttpApiTests.Sample(scrape, "claimtracker_claims{", "status=\"CONTESTED\""));
        Assert.Equal(3, HttpApiTests.Sample(scrape, "claimtracker_ingest_duration_seconds_count{"));
        Assert.Equal(1, HttpApiTests.Sample(scrape, "claimtracker_watches_open{"));

        // Group commit: every report wrote at least its plan and its claim and actor appends.
        var commits = HttpApiTests.Sample(scrape, "claimtracker_storage_commits_total{");
        Assert.InRange(commits, 1, 1_000);
        Assert.InRange(HttpApiTests.Sample(scrape, "claimtracker_storage_writes_total{"), Math.Max(commits, 9), 1_000);

        // Every batch held the writer for some time (the two instruments are read one after the other, so one apart at most).
        var batches = HttpApiTests.Sample(scrape, "claimtracker_storage_batch_duration_seconds_count{");
        Assert.InRange(batches, commits - 1, commits + 1);
        Assert.True(HttpApiTests.Sample(scrape, "claimtracker_storage_batch_duration_seconds_sum{") > 0);
    }
}

/// <summary>Tests that read process-wide telemetry: they run after, not beside, the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    public const string Name = "process-wide metrics";
}
