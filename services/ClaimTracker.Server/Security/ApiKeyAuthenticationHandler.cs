using System.Security.Claims;
using System.Text.Encodings.Web;
using ClaimTracker.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Server.Security;

/// <summary>Authenticates <c>Authorization: Bearer ct_…</c> against the hashes in <c>Security:ApiKeys</c>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<SecurityOptions> security) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = BearerToken.From(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = ApiKeys.Hash(key);
        var match = security.CurrentValue.ApiKeys.FirstOrDefault(k => string.Equals(k.Hash, hash, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var claims = new List<Claim> { new(CallerIdentity.NameClaim, match.Name) };
        claims.AddRange(match.Scopes.Select(scope => new Claim(ScopeClaims.Scope, scope)));
        var identity = new ClaimsIdentity(claims, SchemeName, CallerIdentity.NameClaim, null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>The open server's caller: "anonymous", holding every scope. Used only when no authentication is configured.</summary>
internal sealed class OpenAccessAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OpenAccess";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var claims = new List<Claim> { new(CallerIdentity.NameClaim, CallerIdentity.Anonymous) };
        claims.AddRange(Scopes.All.Select(scope => new Claim(ScopeClaims.Scope, scope)));
        var identity = new ClaimsIdentity(claims, SchemeName, CallerIdentity.NameClaim, null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

internal static class BearerToken
{
    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && header.Length > Bearer.Length
            ? header[Bearer.Length..].Trim()
            : null;
    }
}
