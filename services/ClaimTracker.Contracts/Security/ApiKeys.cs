using System.Security.Cryptography;
using System.Text;

namespace ClaimTracker.Security;

/// <summary>
/// API keys for tools that cannot do JWT: a random secret the caller sends as a bearer token; the server keeps only its
/// SHA-256 hash, so a leaked configuration file grants nothing.
/// </summary>
public static class ApiKeys
{
    /// <summary>Every key starts so; it tells keys from JWTs (which start with "ey") and secrets scanners can spot it.</summary>
    public const string Prefix = "ct_";

    /// <summary>A new key: the prefix and 256 random bits, base64url.</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What configuration stores for <paramref name="key"/>: "sha256:" and the lowercase hex digest of its UTF-8 bytes.</summary>
    public static string Hash(string key) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
