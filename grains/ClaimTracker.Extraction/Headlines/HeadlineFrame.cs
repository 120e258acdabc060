using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Headlines;

/// <summary>
/// The tokens of a headline that carry its proposition, without the labels around them: a format
/// label ("Video:", "WATCH:", "UPDATE:", "SEE IT:", "… UPDATED", "… (VIDEO)"), a repeat after "Read
/// more:", and an unnamed-source label ("Sources: …", "…: report") that makes the headline hedged.
/// </summary>
internal sealed record HeadlineFrame(int First, int End, bool CitesUnnamedSource)
{
    private static readonly HashSet<string> FormatLabels = new(StringComparer.Ordinal)
    {
        "video", "videos", "watch", "update", "updated", "breaking", "pictured", "photo", "photos", "exclusive", "live",
        "listen", "see it", "watch it", "just in", "breaking news", "opinion", "analysis",
    };

    private static readonly HashSet<string> TrailingLabels = new(StringComparer.Ordinal)
    {
        "video", "videos", "update", "updated", "photos",
    };

    private static readonly HashSet<string> SourceLabels = new(StringComparer.Ordinal)
    {
        "source", "sources", "report", "reports", "rumor", "rumors", "rumour", "rumours",
    };

    public static HeadlineFrame Read(Document doc)
    {
        var first = 0;
        var end = doc.Count;
        var citesSource = false;

        // Leading labels, each one or two words and a colon: "Video: …", "SEE IT: …", "Sources: …".
        for (var changed = true; changed && end - first > 2;)
        {
            changed = false;
            for (var words = 1; words <= 2 && !changed; words++)
            {
                if (!doc.Is(first + words, ':') || !AllWords(doc, first, first + words))
                {
                    continue;
                }

                var label = Label(doc, first, first + words);
                if (FormatLabels.Contains(label) || SourceLabels.Contains(label))
                {
                    citesSource |= SourceLabels.Contains(label);
                    first += words + 1;
                    changed = true;
                }
            }
        }

        // "… Read more: <the headline again>".
        for (var i = first + 1; i + 2 < end; i++)
        {
            if (doc.Is(i, "read") && doc.Is(i + 1, "more") && doc.Is(i + 2, ':'))
            {
                end = i;
                break;
            }
        }

        // Trailing labels: "…: reports", "… - report", "… UPDATED", "… (VIDEO)", "… [Video]".
        for (var changed = true; changed && end - first > 2;)
        {
            changed = false;
            var last = end - 1;
            if (doc.Tokens[last].Kind == TokenKind.Word && TrailingLabels.Contains(doc.Lower(last)))
            {
                end = last;
                changed = true;
            }
            else if (last - 2 >= first && (doc.Is(last, ')') || doc.Is(last, ']')) && (doc.Is(last - 2, '(') || doc.Is(last - 2, '['))
                && FormatLabels.Contains(doc.Lower(last - 1)))
            {
                end = last - 2;
                changed = true;
            }
            else if (last - 1 > first && doc.Tokens[last].Kind == TokenKind.Word && SourceLabels.Contains(doc.Lower(last))
                && (doc.Is(last - 1, ':') || doc.Is(last - 1, '-') || doc.Is(last - 1, '–') || doc.Is(last - 1, '—')))
            {
                end = last - 1;
                citesSource = true;
                changed = true;
            }
        }

        while (end - first > 1 && doc.Tokens[end - 1].Kind == TokenKind.Punct && !doc.Is(end - 1, '?') && !doc.Is(end - 1, '!')
            && doc.Tokens[end - 1].Kind != TokenKind.CloseQuote)
        {
            end--;
        }

        return new HeadlineFrame(first, end, citesSource);
    }

    private static bool AllWords(Document doc, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (doc.Tokens[i].Kind != TokenKind.Word)
            {
                return false;
            }
        }

        return true;
    }

    private static string Label(Document doc, int first, int end) =>
        string.Join(' ', Enumerable.Range(first, end - first).Select(doc.Lower));
}
