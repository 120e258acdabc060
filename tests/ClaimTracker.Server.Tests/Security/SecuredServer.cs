using System.Security.Claims;
using ClaimTracker.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Security;

/// <summary>A running server with authentication on: three API keys (reader, feeder, admin) and a JWT issuer it trusts.</summary>
public sealed class SecuredServer : IAsyncLifetime
{
    public const string Issuer = "https://id.example.test";
    public const string Audience = "claimtracker";

    private RunningServer? server;

    public string ReaderKey { get; } = ApiKeys.Generate();

    public string FeederKey { get; } = ApiKeys.Generate();

    public string AdminKey { get; } = ApiKeys.Generate();

    public byte[] SigningKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public RunningServer Server => server ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(
        null,
        [
            RunningServer.ExactMatching,
            "--Web:Dashboard=true",
            .. Key(0, "reader", ReaderKey, Scopes.ClaimsRead),
            .. Key(1, "feeder", FeederKey, Scopes.ReportsWrite, Scopes.ClaimsRead),
            .. Key(2, "operator", AdminKey, Scopes.Admin),
            $"--Security:Jwt:Issuer={Issuer}",
            $"--Security:Jwt:Audience={Audience}",
            $"--Security:Jwt:SigningKey={Convert.ToBase64String(SigningKey)}",
        ]);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public V1.ClaimTracker.ClaimTrackerClient Client(string? token) =>
        V1.Client.ClaimTrackerChannel.CreateClient(Server.Channel, token);

    public HttpClient Http(string? token)
    {
        var http = new HttpClient { BaseAddress = Server.WebAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A JWT as an identity provider would issue it; <paramref name="signingKey"/> defaults to the trusted one.</summary>
    public string Jwt(string subject, string scope, byte[]? signingKey = null, DateTime? expires = null, string issuer = Issuer) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", scope)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddHours(-1),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });

    private static string[] Key(int index, string name, string key, params string[] scopes) =>
    [
        $"--Security:ApiKeys:{index}:Name={name}",
        $"--Security:ApiKeys:{index}:Hash={ApiKeys.Hash(key)}",
        .. scopes.Select((scope, i) => $"--Security:ApiKeys:{index}:Scopes:{i}={scope}"),
    ];
}
