using System.Globalization;

namespace ClaimTracker.Server.Api;

/// <summary>List page tokens: the list position to continue before.</summary>
internal static class PageTokens
{
    private const string Prefix = "p";

    public static string Format(long? before) => before is { } value ? Prefix + value.ToString(CultureInfo.InvariantCulture) : string.Empty;

    public static long? Parse(string token, string field)
    {
        if (token.Length == 0)
        {
            return null;
        }

        if (token.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(token.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var before))
        {
            return before;
        }

        throw RequestValidator.Invalid(
            $"{field} '{token}' is not a token this server issued; pass next_page_token from the previous response");
    }

    /// <summary>0 means the default; negative is refused; above the maximum is clamped.</summary>
    public static int PageSize(int requested, int defaultSize, int maxSize, string field)
    {
        if (requested < 0)
        {
            throw RequestValidator.Invalid($"{field} must not be negative");
        }

        return requested == 0 ? defaultSize : Math.Min(requested, maxSize);
    }
}
