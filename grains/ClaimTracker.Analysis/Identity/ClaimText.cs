using System.Buffers;
using System.Globalization;
using System.Text;

namespace ClaimTracker.Analysis.Identity;

/// <summary>Normalises claim text so that case, punctuation and spacing do not make two claims.</summary>
public static class ClaimText
{
    public static string Normalize(string text)
    {
        // Called several times per statement, so the result is its only allocation. Every character of
        // the composed text yields at most one of the output, so the composed length bounds the buffer.
        var composed = text.Normalize(NormalizationForm.FormKC);
        char[]? rented = null;
        var buffer = composed.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(composed.Length));
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in composed)
        {
            if (char.IsLetterOrDigit(raw))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(raw);
            }
            else if (char.GetUnicodeCategory(raw) != UnicodeCategory.NonSpacingMark)
            {
                // Whitespace, punctuation and symbols all separate words.
                pendingSpace = true;
            }
        }

        var normalized = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return normalized;
    }
}
