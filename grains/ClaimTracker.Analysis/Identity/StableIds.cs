using System.Security.Cryptography;
using System.Text;

namespace ClaimTracker.Analysis.Identity;

/// <summary>
/// Deterministic identifiers. Deriving ids from content (rather than allocating them) lets every silo
/// compute the same id without a central allocator, and makes retried registrations land on the same
/// grains.
/// </summary>
public static class StableIds
{
    private const int MaxSlugLength = 48;

    public static string ClaimIdForText(string claimText) => "c-" + Hash(ClaimText.Normalize(claimText), 16);

    public static string StatementId(string reportId, int index) =>
        "s-" + Hash(reportId, 16) + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A readable id from an actor's canonical name: "Kremlin spokesman" → "a-kremlin-spokesman".</summary>
    public static string ActorIdForName(string name)
    {
        var normalized = ClaimText.Normalize(name);
        var slug = normalized.Replace(' ', '-');
        if (slug.Length == 0)
        {
            return "a-" + Hash(name, 12);
        }

        return slug.Length <= MaxSlugLength ? "a-" + slug : "a-" + slug[..MaxSlugLength].TrimEnd('-') + "-" + Hash(normalized, 8);
    }

    /// <summary>A lowercase hex prefix of the SHA-256 of <paramref name="value"/>.</summary>
    public static string Hash(string value, int hexChars)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest)[..hexChars];
    }
}
