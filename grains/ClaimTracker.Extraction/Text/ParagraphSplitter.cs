namespace ClaimTracker.Extraction.Text;

/// <summary>
/// Splits the tokens into paragraphs at line breaks (a single break after an unfinished line
/// followed by a lower-case word is a hard wrap, not a paragraph) and classifies each block.
/// </summary>
internal static class ParagraphSplitter
{
    public static List<Paragraph> Split(Document doc)
    {
        var ranges = new List<(int First, int End)>();
        var start = 0;
        for (var i = 1; i < doc.Count; i++)
        {
            var token = doc.Tokens[i];
            if (token.NewlinesBefore == 0)
            {
                continue;
            }

            var wrapped = token.NewlinesBefore == 1 && doc.IsLowerWord(i) && !doc.IsTerminal(i - 1)
                && doc.Tokens[i - 1].Kind is TokenKind.Word or TokenKind.Number or TokenKind.Punct && !doc.Is(i - 1, ':');
            if (!wrapped)
            {
                ranges.Add((start, i));
                start = i;
            }
        }

        if (doc.Count > 0)
        {
            ranges.Add((start, doc.Count));
        }

        var result = new List<Paragraph>(ranges.Count);
        var afterRelatedHeader = false;
        for (var p = 0; p < ranges.Count; p++)
        {
            var (first, end) = ranges[p];
            var kind = BlockClassifier.Classify(doc, first, end, ranges.Count, afterRelatedHeader, out var relatedHeader);
            afterRelatedHeader = relatedHeader;
            result.Add(new Paragraph(p, first, end, kind));
        }

        return result;
    }
}
