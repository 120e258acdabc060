using System.Globalization;

namespace ClaimTracker.Grains;

/// <summary>
/// The token of a page of a claim's statements (<see cref="IClaimGrain.GetDetails"/>): the journal
/// version the page ends before. Opaque to clients; the front door checks it before asking the grain.
/// </summary>
public static class StatementPageToken
{
    private const string Prefix = "before:";

    public static string Format(int beforeVersion) => Prefix + beforeVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// True if <paramref name="token"/> is empty (the first page: <paramref name="beforeVersion"/> null)
    /// or one <see cref="Format"/> made.
    /// </summary>
    public static bool TryParse(string token, out int? beforeVersion)
    {
        beforeVersion = null;
        if (token.Length == 0)
        {
            return true;
        }

        if (token.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            beforeVersion = version;
            return true;
        }

        return false;
    }
}
