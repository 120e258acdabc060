using System.Globalization;

namespace ClaimTracker.Text;

/// <summary>
/// A single forward pass over the text: words (with inner hyphens, apostrophes and "U.S."-style
/// dots), numbers ("60,000", "1.7"), quote marks classified as opening or closing, punctuation.
/// Control characters are skipped; surrogate pairs (emoji) become one symbol token.
/// </summary>
public static class Tokenizer
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        var newlines = 0;
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || (char.IsControl(c) && !char.IsSurrogate(c)))
            {
                if (c is '\n' or '\u2028' or '\u2029')
                {
                    newlines++;
                }

                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (IsWordChar(c))
            {
                i = ScanWord(text, i);
                kind = IsNumber(text, start, i) ? TokenKind.Number : TokenKind.Word;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
                kind = TokenKind.Symbol;
            }
            else if ((c == '\'' && i + 1 < n && text[i + 1] == '\'' && !ClosesSingleBeforeDouble(text, i))
                || (c == '`' && i + 1 < n && text[i + 1] == '`'))
            {
                // '' and `` stand for double quotes in some wire copy.
                var prevOpen = i == 0 || char.IsWhiteSpace(text[i - 1]) || "([{—–-/".Contains(text[i - 1], StringComparison.Ordinal);
                var nextSpace = i + 2 >= n || char.IsWhiteSpace(text[i + 2]);
                kind = c == '`' || (prevOpen && !nextSpace) ? TokenKind.OpenQuote : TokenKind.CloseQuote;
                i += 2;
            }
            else if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.')
            {
                while (i < n && text[i] == '.')
                {
                    i++;
                }

                kind = TokenKind.Punct;
            }
            else
            {
                i++;
                kind = QuoteKind(text, start) ?? (char.IsPunctuation(c) ? TokenKind.Punct : TokenKind.Symbol);
            }

            tokens.Add(new Token(start, i, kind, newlines));
            newlines = 0;
        }

        return [.. tokens];
    }

    /// <summary>"the word 'old-school,'''": three apostrophes after a word close the inner single quote, then the double.</summary>
    private static bool ClosesSingleBeforeDouble(string text, int i)
        => i > 0 && i + 2 < text.Length && text[i + 2] == '\'' && !char.IsWhiteSpace(text[i - 1])
            && (i + 3 >= text.Length || text[i + 3] != '\'');

    public static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static int ScanWord(string text, int i)
    {
        var n = text.Length;
        var segmentStart = i;
        var dotted = false;
        while (i < n)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                i++;
                continue;
            }

            var next = i + 1 < n ? text[i + 1] : '\0';
            var prev = text[i - 1];
            if (c is '-' or '\'' or '’' or '‐' && IsWordChar(next))
            {
                i++;
                segmentStart = i;
                continue;
            }

            if (c is ',' or '.' && char.IsDigit(prev) && char.IsDigit(next))
            {
                i++;
                continue;
            }

            if (c == '.' && i - segmentStart == 1 && char.IsLetter(prev) && char.IsLetter(next)
                && (i + 2 >= n || !char.IsLetter(text[i + 2])))
            {
                // "U.S", "a.m": single letters joined by dots.
                dotted = true;
                i++;
                segmentStart = i;
                continue;
            }

            break;
        }

        if (dotted && i < text.Length && text[i] == '.' && i - segmentStart == 1)
        {
            i++; // the closing dot of "U.S."
        }

        return i;
    }

    private static bool IsNumber(string text, int begin, int end)
    {
        if (!char.IsDigit(text[begin]))
        {
            return false;
        }

        for (var k = begin; k < end; k++)
        {
            var c = text[k];
            if (!char.IsDigit(c) && c != ',' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static TokenKind? QuoteKind(string text, int i)
    {
        var c = text[i];
        switch (c)
        {
            case '“' or '„' or '«':
                return TokenKind.OpenQuote;
            case '”' or '»':
                return TokenKind.CloseQuote;
            case '‘':
                return TokenKind.OpenSingleQuote;
            case '’':
                return TokenKind.CloseSingleQuote;
            case '"' or '\'':
                var prevOpen = i == 0 || char.IsWhiteSpace(text[i - 1]) || "([{—–-/".Contains(text[i - 1], StringComparison.Ordinal);
                var nextSpace = i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]);
                var open = prevOpen && !nextSpace;
                if (c == '"')
                {
                    return open ? TokenKind.OpenQuote : TokenKind.CloseQuote;
                }

                return open ? TokenKind.OpenSingleQuote : TokenKind.CloseSingleQuote;
            default:
                return null;
        }
    }
}
