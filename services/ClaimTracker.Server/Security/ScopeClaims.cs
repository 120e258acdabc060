using System.Security.Claims;
using Grpc.Core;
using ClaimTracker.Security;

namespace ClaimTracker.Server.Security;

/// <summary>Reads scopes from a caller: OAuth's space-separated <c>scope</c> claim, or <c>scp</c> (Microsoft Entra ID).</summary>
internal static class ScopeClaims
{
    public const string Scope = "scope";

    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.Claims
            .Where(claim => claim.Type is Scope or "scp")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(held => held == scope || held == Scopes.Admin);
}

/// <summary>The caller's identity, from the one place every handler takes it: the authenticated principal of the call.</summary>
public static class CallerIdentity
{
    /// <summary>The claim holding the identity: the key's name, or the JWT's subject.</summary>
    public const string NameClaim = "sub";

    /// <summary>Who the caller is when the server runs open, without authentication.</summary>
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context) =>
        context.User.FindFirst(NameClaim)?.Value is { Length: > 0 } name ? name : Anonymous;

    public static string Of(ServerCallContext context) => Of(context.GetHttpContext());
}
