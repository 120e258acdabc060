namespace ClaimTracker.Security;

/// <summary>
/// The rights a caller can hold, as OAuth scopes (JWT <c>scope</c> claim, or an API key's scopes). Each is also the name of
/// the server's authorization policy for it: an RPC is annotated <c>[Authorize(Scopes.ClaimsRead)]</c>.
/// <c>admin</c> holds every other scope too.
/// </summary>
public static class Scopes
{
    /// <summary>Read claims, actors, reports; watch the feed; export.</summary>
    public const string ClaimsRead = "claims:read";

    /// <summary>Register reports.</summary>
    public const string ReportsWrite = "reports:write";

    /// <summary>Correct claims and reports (merges, splits, relinks, retractions).</summary>
    public const string CurationWrite = "curation:write";

    /// <summary>Operations: metrics, the dashboard, administrative RPCs; implies every other scope.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [ClaimsRead, ReportsWrite, CurationWrite, Admin];

    /// <summary>The scopes whose calls change data, and so count against the per-caller write rate limit.</summary>
    public static bool IsWrite(string scope) => scope is ReportsWrite or CurationWrite;
}
