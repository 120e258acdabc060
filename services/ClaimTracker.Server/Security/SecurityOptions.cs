namespace ClaimTracker.Server.Security;

/// <summary>Who may call the server; bound from "Security". With neither API keys nor JWT configured the server is open.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Lets an open server (no keys, no JWT) listen beyond loopback; without it such a server refuses to start.</summary>
    public bool AllowAnonymous { get; set; }

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();

    public bool AuthenticationEnabled => ApiKeys.Count > 0 || Jwt.Enabled;
}

/// <summary>One API key: who it is, the hash of its secret (<c>claimtracker token</c> prints both) and its scopes.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The caller's identity, recorded as <c>registered_by</c> on what it writes.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>"sha256:" and the hex SHA-256 of the key; the key itself is never stored.</summary>
    public string Hash { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];
}

/// <summary>JWT bearer tokens from an identity provider; the subject (<c>sub</c>) is the caller's identity.</summary>
public sealed class JwtOptions
{
    /// <summary>The expected <c>iss</c>; also where signing keys are discovered (OpenID Connect metadata) without a SigningKey.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>A shared HMAC-SHA256 key, base64 (at least 32 bytes); from a secret, never from a committed file.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OpenID Connect discovery over plain HTTP, for a test identity provider only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);
}
