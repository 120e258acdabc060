using System.Text.Json;
using ClaimTracker.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ClaimTracker.Server.Security;

/// <summary>
/// Refusals that say what to do: gRPC calls get a proper status (UNAUTHENTICATED or PERMISSION_DENIED, naming the scope the
/// call needs) instead of a bare HTTP 401/403, and HTTP/JSON callers the same <c>{code, message}</c> body as every other
/// error, after the usual challenge headers.
/// </summary>
internal sealed class ScopeRefusals : IAuthorizationMiddlewareResultHandler
{
    private const int Unauthenticated = 16;
    private const int PermissionDenied = 7;

    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Challenged && !result.Forbidden)
        {
            await standard.HandleAsync(next, context, policy, result);
            return;
        }

        var scope = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).LastOrDefault(
            policyName => policyName is not null && Scopes.All.Contains(policyName)) ?? Scopes.Admin;
        var (code, message) = result.Challenged
            ? (Unauthenticated, $"this call needs credentials with the '{scope}' scope: send 'authorization: Bearer <API key or JWT>' " +
                "(claimtracker --token, or CLAIMTRACKER_TOKEN); a token that was sent is unknown, expired or wrongly signed")
            : (PermissionDenied, $"caller '{CallerIdentity.Of(context)}' lacks the '{scope}' scope this call needs");

        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC response: HTTP 200 with the status in the headers.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        if (result.Challenged)
        {
            await context.ChallengeAsync();
        }
        else
        {
            await context.ForbidAsync();
        }

        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { code, message, details = Array.Empty<object>() }));
        }
    }
}
