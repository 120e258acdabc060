using System.Globalization;
using System.Text;

namespace ClaimTracker.Analysis.Identity;

/// <summary>Normalises claim text so that case, punctuation and spacing do not make two claims.</summary>
public static class ClaimText
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(raw))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(raw));
            }
            else if (char.GetUnicodeCategory(raw) != UnicodeCategory.NonSpacingMark)
            {
                // Whitespace, punctuation and symbols all separate words.
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
