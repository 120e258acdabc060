using ClaimTracker.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace ClaimTracker.Server.Security;

/// <summary>
/// Authentication (JWT bearer and hashed API keys, both as <c>Authorization: Bearer</c>) and one authorization policy per
/// scope. The fallback policy demands <c>admin</c>, so an endpoint nobody annotated is closed, not open.
/// </summary>
internal static partial class SecurityHosting
{
    /// <summary>Chooses the handler for a bearer token: API keys carry a prefix, everything else is taken for a JWT.</summary>
    private const string BearerScheme = "BearerToken";

    public static SecurityOptions AddClaimTrackerSecurity(this WebApplicationBuilder builder, IEnumerable<string> boundUrls)
    {
        var section = builder.Configuration.GetSection(SecurityOptions.SectionName);
        var security = section.Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddOptions<SecurityOptions>().Bind(section);
        Validate(security);
        if (!security.AuthenticationEnabled && !security.AllowAnonymous && boundUrls.FirstOrDefault(url => !IsLoopback(url)) is { } exposed)
        {
            throw new InvalidOperationException(
                $"refusing to serve '{exposed}' without authentication: configure Security:ApiKeys or Security:Jwt " +
                "(see docs/security.md), or set Security:AllowAnonymous=true to run open on purpose");
        }

        if (security.AuthenticationEnabled)
        {
            AddBearerAuthentication(builder.Services, security);
        }
        else
        {
            builder.Services.AddAuthentication(OpenAccessAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, OpenAccessAuthenticationHandler>(OpenAccessAuthenticationHandler.SchemeName, null);
        }

        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, ScopePolicy(scope));
        }

        authorization.SetFallbackPolicy(ScopePolicy(Scopes.Admin));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ScopeRefusals>();
        return security;
    }

    /// <summary>Warns, once and loudly, when the server runs open.</summary>
    public static void UseClaimTrackerSecurity(this WebApplication app, SecurityOptions security)
    {
        if (!security.AuthenticationEnabled)
        {
            LogOpen(app.Logger);
        }

        app.UseAuthentication();
        app.UseAuthorization();
    }

    private static AuthorizationPolicy ScopePolicy(string scope) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => ScopeClaims.Has(context.User, scope))
            .Build();

    private static void AddBearerAuthentication(IServiceCollection services, SecurityOptions security)
    {
        var authentication = services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, "API key or JWT", scheme => scheme.ForwardDefaultSelector = context =>
                BearerToken.From(context.Request)?.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) == false && security.Jwt.Enabled
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (security.Jwt.Enabled)
        {
            authentication.AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = security.Jwt.RequireHttpsMetadata;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = security.Jwt.Issuer,
                    ValidAudience = security.Jwt.Audience,
                    ValidateAudience = !string.IsNullOrWhiteSpace(security.Jwt.Audience),
                    NameClaimType = CallerIdentity.NameClaim,
                };
                if (string.IsNullOrWhiteSpace(security.Jwt.SigningKey))
                {
                    jwt.Authority = security.Jwt.Issuer;
                }
                else
                {
                    var signingKey = Convert.FromBase64String(security.Jwt.SigningKey);
                    jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(signingKey);
                }
            });
        }
    }

    private static void Validate(SecurityOptions security)
    {
        foreach (var key in security.ApiKeys)
        {
            var hashed = key.Hash.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) && key.Hash.Length == "sha256:".Length + 64;
            if (string.IsNullOrWhiteSpace(key.Name) || !hashed)
            {
                throw new InvalidOperationException(
                    $"Security:ApiKeys entry '{key.Name}' needs a Name and a Hash \"sha256:<64 hex digits>\" " +
                    "(claimtracker token prints both)");
            }

            if (key.Scopes.Count == 0 || key.Scopes.Any(scope => !Scopes.All.Contains(scope)))
            {
                throw new InvalidOperationException(
                    $"Security:ApiKeys entry '{key.Name}' needs scopes among {string.Join(", ", Scopes.All)}");
            }
        }

        if (!string.IsNullOrWhiteSpace(security.Jwt.SigningKey))
        {
            Span<byte> buffer = stackalloc byte[512];
            if (!Convert.TryFromBase64String(security.Jwt.SigningKey, buffer, out var length) || length < 32)
            {
                throw new InvalidOperationException("Security:Jwt:SigningKey must be base64 of at least 32 bytes");
            }
        }
    }

    /// <summary>Loopback addresses and Unix sockets are reachable from this machine only.</summary>
    internal static bool IsLoopback(string url)
    {
        var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
        return address.IsUnixPipe
            || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SECURITY: authentication is OFF. Anyone who can reach this server can read " +
        "and write every claim. It listens on loopback only; configure Security:ApiKeys or Security:Jwt (docs/security.md) " +
        "before exposing it.")]
    private static partial void LogOpen(ILogger logger);
}
