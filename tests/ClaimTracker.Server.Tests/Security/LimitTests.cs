using System.Net;
using System.Text;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Security;

/// <summary>
/// Per-caller limits from configuration: the write rate (RESOURCE_EXHAUSTED with a retry-after trailer; HTTP 429 with
/// Retry-After), open watches per caller, and the length of a search query (INVALID_ARGUMENT, not INTERNAL).
/// </summary>
public sealed class LimitTests
{
    [Fact]
    public async Task Writes_over_the_rate_watches_over_the_cap_and_long_queries_are_refused_with_the_right_status()
    {
        await using var server = await RunningServer.StartAsync(
            null,
            RunningServer.ExactMatching,
            "--Limits:WritesPerSecond=1",
            "--Limits:WriteBurst=2",
            "--Limits:MaxWatchesPerCaller=1",
            "--Limits:MaxQueryChars=200");

        // A 100 KB query (the default limit is 1,000 characters) and one just over the configured limit.
        var huge = await Assert.ThrowsAsync<RpcException>(
            () => server.Client.ListClaimsAsync(new V1.ListClaimsRequest { Query = new string('q', 100_000) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, huge.StatusCode);
        Assert.Contains("Limits:MaxQueryChars", huge.Status.Detail, StringComparison.Ordinal);
        var actors = await Assert.ThrowsAsync<RpcException>(
            () => server.Client.ListActorsAsync(new V1.ListActorsRequest { Query = new string('q', 201) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, actors.StatusCode);
        await server.Client.ListClaimsAsync(new V1.ListClaimsRequest { Query = new string('q', 200) });

        // Six writes at once against a bucket of two: some are refused, each with a retry hint; reads are not limited.
        var calls = Enumerable.Range(0, 6)
            .Select(i => server.Client.RegisterReportAsync(
                Reports.Report($"rate-{i}", "Harbour Daily", "Port authority", [], $"The harbour closes on day {i}")))
            .ToList();
        var refused = new List<RpcException>();
        foreach (var call in calls)
        {
            try
            {
                await call.ResponseAsync;
            }
            catch (RpcException ex)
            {
                refused.Add(ex);
            }
        }

        Assert.InRange(refused.Count, 3, 4);
        Assert.All(refused, ex =>
        {
            Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
            Assert.True(int.Parse(ex.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        });
        for (var i = 0; i < 5; i++)
        {
            await server.Client.ListClaimsAsync(new V1.ListClaimsRequest());
        }

        using var http = new HttpClient { BaseAddress = server.WebAddress };
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5 && limited is null; i++)
        {
            var response = await http.PostAsync("/v1/reports", new StringContent(
                $$"""
                {"reportId": "rate-http-{{i}}", "source": "Le Monde",
                 "statements": [{"speaker": "Port authority", "content": "Day {{i}}"}]}
                """,
                Encoding.UTF8,
                "application/json"));
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);

        // One watch per caller: the second is refused while the first is open, accepted once it is closed.
        var first = server.Client.WatchClaims(new V1.WatchClaimsRequest());
        await first.ResponseHeadersAsync;
        using (var second = server.Client.WatchClaims(new V1.WatchClaimsRequest()))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => second.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        }

        first.Dispose();
        await WaitUntilAsync(async () =>
        {
            using var third = server.Client.WatchClaims(new V1.WatchClaimsRequest());
            try
            {
                await third.ResponseHeadersAsync;
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                return false;
            }
        });
    }

    [Fact]
    public async Task A_registration_past_its_deadline_answers_deadline_exceeded_and_a_retry_gets_the_stored_report()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var request = Reports.Report("deadline-1", "Harbour Daily", "Port authority", [], "The harbour closes for repairs in June");
        var late = await Assert.ThrowsAsync<RpcException>(
            () => server.Client.RegisterReportAsync(request, deadline: DateTime.UtcNow.AddMilliseconds(1)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, late.StatusCode);

        var retried = await server.Client.RegisterReportAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal("deadline-1", retried.Report.ReportId);
        Assert.Single(retried.Outcomes);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(100);
        }
    }
}
