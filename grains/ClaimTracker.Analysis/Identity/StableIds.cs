using System.Buffers;
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

    public static string ClaimIdForText(string claimText)
    {
        Span<char> hash = stackalloc char[16];
        WriteHash(ClaimText.Normalize(claimText), hash);
        return string.Concat("c-", hash);
    }

    public static string StatementId(string reportId, int index)
    {
        Span<char> hash = stackalloc char[16];
        WriteHash(reportId, hash);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"s-{hash}-{index}");
    }

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
        Span<char> hash = stackalloc char[hexChars];
        WriteHash(value, hash);
        return new string(hash);
    }

    /// <summary>Fills <paramref name="hex"/> (at most 64 characters) with the start of <see cref="Hash"/>, allocating nothing for short
    /// values.</summary>
    private static void WriteHash(string value, Span<char> hex)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(value, utf8)], digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        Span<char> all = stackalloc char[64];
        Convert.TryToHexStringLower(digest, all, out _);
        all[..hex.Length].CopyTo(hex);
    }
}
