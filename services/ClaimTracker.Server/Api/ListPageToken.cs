using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimTracker.Storage;
using Google.Protobuf;

namespace ClaimTracker.Server.Api;

/// <summary>
/// Page tokens of the search-era lists: where the last page ended (a sort key, a rank, a row seq), bound to the list
/// and to the request's filters, with a checksum. A token that was edited, or that comes from another list or other
/// filters, is refused with INVALID_ARGUMENT instead of silently paging something else. The checksum is not a
/// secret (a token reveals only a list position): it catches edits, and every server of a cluster accepts it.
/// </summary>
internal static class ListPageToken
{
    private const string Version = "l1";

    /// <summary>The filters of <paramref name="request"/>: the request without its page token and size.</summary>
    public static string Filters<T>(T request, Action<T> clearPaging)
        where T : IMessage<T>
    {
        var copy = request.Clone();
        clearPaging(copy);
        return Convert.ToHexString(SHA256.HashData(copy.ToByteArray()), 0, 8);
    }

    public static string Format(string list, string filters, ListPosition? position)
    {
        if (position is null)
        {
            return string.Empty;
        }

        var body = string.Join(
            '|',
            Version,
            list,
            filters,
            position.Key.ToString(CultureInfo.InvariantCulture),
            position.Rank.ToString("R", CultureInfo.InvariantCulture),
            position.Seq.ToString(CultureInfo.InvariantCulture));
        return Base64Url(Encoding.UTF8.GetBytes(body + "|" + Checksum(body)));
    }

    /// <summary>Null for an empty token (the first page); throws INVALID_ARGUMENT for one this list with these filters did not
    /// issue.</summary>
    public static ListPosition? Parse(string token, string list, string filters, string field)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var parts = Decode(token)?.Split('|');
        if (parts is not { Length: 7 } || parts[0] != Version
            || parts[6] != Checksum(string.Join('|', parts[..6]))
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            throw RequestValidator.Invalid(
                $"{field} is not a token this server issued; pass next_page_token from the previous response unchanged");
        }

        if (parts[1] != list || parts[2] != filters)
        {
            throw RequestValidator.Invalid(
                $"{field} belongs to another list or other filters; keep the filters of the first page, or start without a token");
        }

        return new ListPosition(key, rank, seq);
    }

    private static string Checksum(string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("claimtracker-list-page|" + body)), 0, 6);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
