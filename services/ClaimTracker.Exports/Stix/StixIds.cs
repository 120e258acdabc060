using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ClaimTracker.Exports.Stix;

/// <summary>
/// STIX identifiers (<c>type--UUID</c>) derived from ClaimTracker's stable ids, so that exporting the
/// same thing twice gives the same identifier and importers deduplicate instead of piling up copies.
/// The UUID is an RFC 4122 version 5 (name-based, SHA-1) UUID of <c>"{type}:{key}"</c> under
/// <see cref="Namespace"/>. STIX 2.1 recommends version 4 for domain objects; version 5 is an
/// RFC 4122 UUID all the same, and it is the only way to make re-exports line up.
/// </summary>
public static class StixIds
{
    /// <summary>ClaimTracker's UUIDv5 namespace: fixed once, never to change (every exported id would change with it).</summary>
    public static readonly Guid Namespace = new("1cc5ddd3-dca5-4e37-b4e8-424a3c9169ea");

    public static string For(string stixType, string key) =>
        stixType + "--" + UuidV5(Namespace, stixType + ":" + key).ToString("D");

    /// <summary>RFC 4122 §4.3: SHA-1 over the namespace (network byte order) and the UTF-8 name, then version 5 and the RFC
    /// variant.</summary>
    [SuppressMessage(
        "Security",
        "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "UUIDv5 is defined over SHA-1; it names things, it protects nothing.")]
    public static Guid UuidV5(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input.AsSpan(0, 16), bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
