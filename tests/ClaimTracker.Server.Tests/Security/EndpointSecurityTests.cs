using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClaimTracker.Server.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Security;

/// <summary>
/// Where the server listens: gRPC over TLS (HTTP/2, a certificate configured the ASP.NET Core way), <c>--urls</c> honoured
/// for the gRPC endpoint, and no open server beyond loopback unless it is asked for explicitly.
/// </summary>
public sealed class EndpointSecurityTests
{
    [Fact]
    public async Task Grpc_over_tls_serves_http2_with_the_configured_certificate()
    {
        var directory = RunningServer.NewDataDirectory();
        using var certificate = SelfSigned();
        var pfx = Path.Combine(directory, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));

        await using var server = await RunningServer.StartAsync(
            directory,
            RunningServer.ExactMatching,
            "--Grpc:Url=https://127.0.0.1:0",
            $"--Kestrel:Certificates:Default:Path={pfx}",
            "--Kestrel:Certificates:Default:Password=test-password");
        Assert.Equal("https", server.Address.Scheme);

        X509Certificate2? presented = null;
        using var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    presented = cert is null ? null : X509CertificateLoader.LoadCertificate(cert.GetRawCertData());
                    return presented?.Thumbprint == certificate.Thumbprint;
                },
            },
        };
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler });
        var client = new V1.ClaimTracker.ClaimTrackerClient(channel);
        await client.RegisterReportAsync(Reports.A());
        var report = await client.GetReportAsync(new V1.GetReportRequest { ReportId = "story-a" });
        Assert.Equal("anonymous", report.RegisteredBy);
        Assert.Equal(certificate.Thumbprint, presented?.Thumbprint);

        // A client that does not trust the certificate is refused at the handshake.
        using var untrusting = GrpcChannel.ForAddress(server.Address);
        var refused = await Assert.ThrowsAsync<RpcException>(
            () => new V1.ClaimTracker.ClaimTrackerClient(untrusting).ListClaimsAsync(new V1.ListClaimsRequest()).ResponseAsync);
        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.Status.DebugException?.InnerException);
    }

    [Fact]
    public async Task Urls_from_the_command_line_are_where_grpc_listens_even_with_a_grpc_url_configured()
    {
        var port = RunningServer.FreePort();
        // RunningServer passes --Grpc:Url=http://127.0.0.1:0 as well; --urls wins, as in every ASP.NET Core app.
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching, $"--urls=http://127.0.0.1:{port}");
        Assert.Equal(port, server.Address.Port);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        await new V1.ClaimTracker.ClaimTrackerClient(channel).ListClaimsAsync(new V1.ListClaimsRequest());
    }

    [Fact]
    public void An_open_server_refuses_to_listen_beyond_loopback_unless_told_to()
    {
        string[][] exposed =
        [
            ["--Grpc:Url=http://0.0.0.0:0"],
            ["--urls=http://0.0.0.0:0"],
            ["--Web:Url=http://0.0.0.0:0"],
            ["--Kestrel:Endpoints:Public:Url=http://0.0.0.0:0"],
        ];
        foreach (var args in exposed)
        {
            var error = Assert.Throws<InvalidOperationException>(() => ClaimTrackerServer.Build(Args(args)));
            Assert.Contains("Security:AllowAnonymous=true", error.Message, StringComparison.Ordinal);
        }

        // Said explicitly, or with authentication configured, it builds.
        using var allowed = ClaimTrackerServer.Build(Args(["--Grpc:Url=http://0.0.0.0:0", "--Security:AllowAnonymous=true"]));
        using var secured = ClaimTrackerServer.Build(Args(
        [
            "--Grpc:Url=http://0.0.0.0:0",
            "--Security:ApiKeys:0:Name=feeder",
            $"--Security:ApiKeys:0:Hash={ClaimTracker.Security.ApiKeys.Hash("ct_example")}",
            "--Security:ApiKeys:0:Scopes:0=reports:write",
        ]));
    }

    private static string[] Args(string[] extra) =>
    [
        "--Grpc:Url=http://127.0.0.1:0",
        "--Web:Url=http://127.0.0.1:0",
        $"--Storage:DataDirectory={RunningServer.NewDataDirectory()}",
        .. extra,
    ];

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
