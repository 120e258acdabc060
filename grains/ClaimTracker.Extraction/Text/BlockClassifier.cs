namespace ClaimTracker.Extraction.Text;

/// <summary>
/// Tells body paragraphs from headings ("1) Military cooperation", "So what's the verdict?"),
/// bylines and web boilerplate ("Leave a Reply", "Source :", "More on this topic" and the
/// headline that follows it). A text that is a single paragraph is always body: a bare headline
/// is the whole report.
/// </summary>
internal static class BlockClassifier
{
    private const int MaxHeadingWords = 14;

    private static readonly string[] BoilerplatePrefixes =
    [
        "leave a reply", "leave a comment", "source :", "source:", "sources :", "sources:", "more on this topic",
        "your email address will not be published", "required fields are marked", "read more", "read the rest",
        "related:", "related articles", "related stories", "related coverage", "share this", "share on", "follow us",
        "sign up", "subscribe", "click here", "advertisement", "copyright", "©", "all rights reserved", "photo:",
        "image:", "picture:", "reporting by", "editing by", "writing by", "additional reporting", "posted in",
        "posted on", "filed under", "tags:", "comments", "published:", "updated:", "print this", "email this",
        "sponsored", "recommended", "watch:", "video:", "listen:", "see also", "also read",
    ];

    private static readonly string[] RelatedHeaders =
    [
        "more on this topic", "related", "related articles", "related stories", "read more", "see also", "also read",
        "more from", "recommended",
    ];

    public static BlockKind Classify(
        Document doc,
        int first,
        int end,
        int paragraphCount,
        bool afterRelatedHeader,
        out bool isRelatedHeader)
    {
        isRelatedHeader = false;
        if (end <= first)
        {
            return BlockKind.Boilerplate;
        }

        var begin = doc.Tokens[first].Begin;
        var length = Math.Min(doc.Tokens[end - 1].End - begin, 80);
        var head = doc.Text.AsSpan(begin, length).Trim();
        foreach (var header in RelatedHeaders)
        {
            if (head.Equals(header, StringComparison.OrdinalIgnoreCase)
                || (head.StartsWith(header, StringComparison.OrdinalIgnoreCase) && end - first <= 5))
            {
                isRelatedHeader = true;
                return BlockKind.Boilerplate;
            }
        }

        foreach (var prefix in BoilerplatePrefixes)
        {
            if (head.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (end - first <= 12 || prefix.EndsWith(':')))
            {
                return BlockKind.Boilerplate;
            }
        }

        if (paragraphCount <= 1)
        {
            return BlockKind.Body;
        }

        var words = 0;
        for (var i = first; i < end && words <= MaxHeadingWords; i++)
        {
            if (doc.IsWord(i))
            {
                words++;
            }
        }

        if (words == 0)
        {
            return BlockKind.Boilerplate;
        }

        if (IsByline(doc, first, end, words))
        {
            return BlockKind.Boilerplate;
        }

        var last = end - 1;
        var endsAsSentence = doc.Is(last, '.') || doc.Is(last, '!')
            || (doc.Tokens[last].Kind is TokenKind.CloseQuote && words > 4 && EndsWithTerminalInsideQuote(doc, last));
        if (words <= MaxHeadingWords && !endsAsSentence)
        {
            // A teaser or heading ("Here are the key takeaways…"), or a related story's headline.
            return afterRelatedHeader ? BlockKind.Boilerplate : BlockKind.Heading;
        }

        if (words <= 6 && StartsWithNumbering(doc, first))
        {
            return BlockKind.Heading;
        }

        return BlockKind.Body;
    }

    private static bool EndsWithTerminalInsideQuote(Document doc, int closeQuote)
        => closeQuote > 0 && (doc.IsTerminal(closeQuote - 1) || doc.Is(closeQuote - 1, ','));

    private static bool StartsWithNumbering(Document doc, int first)
        => doc.Tokens[first].Kind == TokenKind.Number && (doc.Is(first + 1, ')') || doc.Is(first + 1, '.'));

    private static bool IsByline(Document doc, int first, int end, int words)
        => words <= 6 && doc.Is(first, "by") && doc.IsCapitalized(first + 1) && !doc.IsTerminal(end - 1);
}
