using System.Net;
using System.Text;
using ClaimTracker.Security;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Security;

/// <summary>
/// Each scope rule over gRPC and over HTTP/JSON, with API keys and with JWTs: missing or invalid credentials are
/// UNAUTHENTICATED (401), a credential without the scope is PERMISSION_DENIED (403); health, reflection and the page stay open.
/// </summary>
public sealed class ScopeTests(SecuredServer secured) : IClassFixture<SecuredServer>
{
    [Fact]
    public async Task Over_grpc_reads_need_claims_read_and_registering_needs_reports_write()
    {
        var anonymous = secured.Client(null);
        await AssertStatus(StatusCode.Unauthenticated, () => anonymous.ListClaimsAsync(new V1.ListClaimsRequest()).ResponseAsync);
        var getReport = new V1.GetReportRequest { ReportId = "x" };
        await AssertStatus(StatusCode.Unauthenticated, () => anonymous.GetReportAsync(getReport).ResponseAsync);
        await AssertStatus(StatusCode.Unauthenticated, () => anonymous.RegisterReportAsync(Report("scope-anon")).ResponseAsync);
        var forged = secured.Client(ApiKeys.Generate());
        await AssertStatus(StatusCode.Unauthenticated, () => forged.ListClaimsAsync(new V1.ListClaimsRequest()).ResponseAsync);

        var reader = secured.Client(secured.ReaderKey);
        await reader.ListClaimsAsync(new V1.ListClaimsRequest());
        await AssertStatus(StatusCode.PermissionDenied, () => reader.RegisterReportAsync(Report("scope-reader")).ResponseAsync);
        var refusedReport = new V1.GetReportRequest { ReportId = "scope-reader" };
        await AssertStatus(StatusCode.NotFound, () => reader.GetReportAsync(refusedReport).ResponseAsync);

        var denied = await Assert.ThrowsAsync<RpcException>(() => reader.RegisterReportAsync(Report("scope-reader")).ResponseAsync);
        Assert.Equal("caller 'reader' lacks the 'reports:write' scope this call needs", denied.Status.Detail);
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(
            () => anonymous.ListClaimsAsync(new V1.ListClaimsRequest()).ResponseAsync);
        Assert.Contains("'claims:read' scope", unauthenticated.Status.Detail, StringComparison.Ordinal);

        var feeder = secured.Client(secured.FeederKey);
        await feeder.RegisterReportAsync(Report("scope-feeder"));
        var stored = await reader.GetReportAsync(new V1.GetReportRequest { ReportId = "scope-feeder" });
        Assert.Equal("feeder", stored.RegisteredBy);

        // admin holds every scope.
        var admin = secured.Client(secured.AdminKey);
        await admin.RegisterReportAsync(Report("scope-admin"));
        Assert.Equal("operator", (await admin.GetReportAsync(new V1.GetReportRequest { ReportId = "scope-admin" })).RegisteredBy);
    }

    [Fact]
    public async Task Jwts_signed_by_the_configured_key_for_the_configured_issuer_work_and_others_do_not()
    {
        var alice = secured.Client(secured.Jwt("alice", $"{Scopes.ClaimsRead} {Scopes.ReportsWrite}"));
        await alice.RegisterReportAsync(Report("scope-jwt"));
        Assert.Equal("alice", (await alice.GetReportAsync(new V1.GetReportRequest { ReportId = "scope-jwt" })).RegisteredBy);

        var bob = secured.Client(secured.Jwt("bob", Scopes.ClaimsRead));
        await bob.ListClaimsAsync(new V1.ListClaimsRequest());
        await AssertStatus(StatusCode.PermissionDenied, () => bob.RegisterReportAsync(Report("scope-jwt-bob")).ResponseAsync);

        string[] rejected =
        [
            secured.Jwt("mallory", Scopes.Admin, signingKey: System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            secured.Jwt("mallory", Scopes.Admin, issuer: "https://elsewhere.example.test"),
            secured.Jwt("carol", Scopes.Admin, expires: DateTime.UtcNow.AddHours(-2)),
            "not-a-jwt",
        ];
        foreach (var token in rejected)
        {
            var client = secured.Client(token);
            await AssertStatus(StatusCode.Unauthenticated, () => client.ListClaimsAsync(new V1.ListClaimsRequest()).ResponseAsync);
        }
    }

    [Fact]
    public async Task The_watch_stream_needs_claims_read_over_grpc_and_http()
    {
        using var anonymous = secured.Client(null).WatchClaims(new V1.WatchClaimsRequest());
        await AssertStatus(StatusCode.Unauthenticated, () => anonymous.ResponseStream.MoveNext());

        using var writeOnly = secured.Client(secured.Jwt("writer", Scopes.ReportsWrite)).WatchClaims(new V1.WatchClaimsRequest());
        await AssertStatus(StatusCode.PermissionDenied, () => writeOnly.ResponseStream.MoveNext());

        using var reader = secured.Client(secured.ReaderKey).WatchClaims(new V1.WatchClaimsRequest());
        await reader.ResponseHeadersAsync;

        using var http = secured.Http(null);
        using var refused = await http.GetAsync("/v1/claims:watch", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var readerHttp = secured.Http(secured.ReaderKey);
        using var watching = await readerHttp.GetAsync("/v1/claims:watch", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, watching.StatusCode);
    }

    [Fact]
    public async Task Over_http_json_the_same_rules_hold_and_metrics_and_dashboard_need_admin()
    {
        using var anonymous = secured.Http(null);
        using var reader = secured.Http(secured.ReaderKey);
        using var feeder = secured.Http(secured.FeederKey);
        using var admin = secured.Http(secured.AdminKey);
        using var jwtReader = secured.Http(secured.Jwt("dana", Scopes.ClaimsRead));

        var refused = await anonymous.GetAsync("/v1/claims");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        using (var body = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal((int)StatusCode.Unauthenticated, body.RootElement.GetProperty("code").GetInt32());
        }

        var forbidden = await reader.PostAsync("/v1/reports", Json("http-reader"));
        using (var body = System.Text.Json.JsonDocument.Parse(await forbidden.Content.ReadAsStringAsync()))
        {
            Assert.Equal((int)StatusCode.PermissionDenied, body.RootElement.GetProperty("code").GetInt32());
            Assert.Contains("reports:write", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1/reports", Json("http-anon"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/claims")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jwtReader.GetAsync("/v1/claims")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/v1/reports", Json("http-reader"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await jwtReader.PostAsync("/v1/reports", Json("http-reader"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await feeder.PostAsync("/v1/reports", Json("http-feeder"))).StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync("/v1/reports/http-feeder"));
        Assert.Equal("feeder", report.RootElement.GetProperty("registeredBy").GetString());

        // (HttpClient drops the Authorization header on redirects: ask for the dashboard's page itself.)
        foreach (var path in new[] { "/metrics", "/dashboard/" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await feeder.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }

        // A route nobody annotated falls to the fallback policy: admin only.
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/no-such-route")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/no-such-route")).StatusCode);

        // The page itself and the API description are public: the page asks for a key when a call answers 401.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_credentials()
    {
        var health = await new Health.HealthClient(secured.Server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.True(Enum.IsDefined(health.Status));

        using var reflection = new ServerReflection.ServerReflectionClient(secured.Server.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        Assert.True(await reflection.ResponseStream.MoveNext());
        Assert.Contains(
            reflection.ResponseStream.Current.ListServicesResponse.Service,
            service => service.Name == "claimtracker.v1.ClaimTracker");
        await reflection.RequestStream.CompleteAsync();
    }

    /// <summary>Every RPC names its scope; one that does not would fall to the admin-only fallback, so this asks for it.</summary>
    [Fact]
    public void Every_rpc_and_route_of_the_service_declares_exactly_one_scope()
    {
        var endpoints = secured.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName == "claimtracker.v1.ClaimTracker")
            .ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint =>
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToList();
            var policy = Assert.Single(policies);
            Assert.Contains(policy, Scopes.All);
        });
    }

    private static V1.RegisterReportRequest Report(string reportId) =>
        Reports.Report(reportId, "Harbour Daily", "Port authority", [], "The harbour will close for repairs in " + reportId);

    private static StringContent Json(string reportId) => new(
        $$"""
        {"reportId": "{{reportId}}", "source": "Le Monde", "statements": [{"speaker": "Port authority", "content": "Quays reopen"}]}
        """,
        Encoding.UTF8,
        "application/json");

    private static async Task AssertStatus(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
    }
}
