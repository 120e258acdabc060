namespace ClaimTracker.Extraction.Text;

/// <summary>A double-quoted region: tokens strictly between <see cref="Open"/> and <see cref="Close"/>.</summary>
/// <param name="Open">Index of the opening mark.</param>
/// <param name="Close">Index of the closing mark, or the sentence end when the quote is left open.</param>
/// <param name="Closed">Whether a closing mark was found.</param>
internal readonly record struct QuoteRegion(int Open, int Close, bool Closed)
{
    public int InnerFirst => Open + 1;

    /// <summary>Exclusive end of the inner tokens.</summary>
    public int InnerEnd => Close;

    /// <summary>Exclusive end including the closing mark.</summary>
    public int OuterEnd => Closed ? Close + 1 : Close;

    public bool Contains(int token) => token > Open && token < Close;
}

/// <summary>Finds the double-quoted regions of a sentence in one pass.</summary>
internal static class QuoteScanner
{
    public static List<QuoteRegion> Scan(Document doc, int first, int end)
    {
        var result = new List<QuoteRegion>();
        var open = -1;
        for (var i = first; i < end; i++)
        {
            var kind = doc.Tokens[i].Kind;
            if (kind == TokenKind.OpenQuote)
            {
                if (open >= 0 && i - open > 1)
                {
                    // Two openings in a row: the first was never closed in this sentence.
                    result.Add(new QuoteRegion(open, i, false));
                }

                open = i;
            }
            else if (kind == TokenKind.CloseQuote)
            {
                if (open >= 0)
                {
                    result.Add(new QuoteRegion(open, i, true));
                    open = -1;
                }
                else if (i == end - 1 || (i > first && doc.IsTerminal(i - 1)))
                {
                    // A closing mark with no opening: the quote began in an earlier paragraph or sentence.
                    result.Add(new QuoteRegion(first - 1, i, true));
                }
            }
        }

        if (open >= 0 && end - open > 1)
        {
            result.Add(new QuoteRegion(open, end, false));
        }

        return result;
    }
}
