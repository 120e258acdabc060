namespace ClaimTracker.Extraction.Text;

/// <summary>
/// Splits a body paragraph into sentences. A sentence ends at ".", "!", "?" or "…" when the next
/// token opens a sentence (capital, digit, opening quote) and the dot is not an abbreviation's.
/// Inside a balanced double quote nothing splits, so a quote of several sentences and its
/// "…,” he said" stay together; a quote left open runs to the paragraph's end.
/// </summary>
internal static class SentenceSplitter
{
    public static void Split(Document doc, Paragraph paragraph, List<Sentence> output)
    {
        var closes = MatchingCloses(doc, paragraph.First, paragraph.End);
        var start = paragraph.First;
        var i = paragraph.First;
        while (i < paragraph.End)
        {
            var token = doc.Tokens[i];
            if (token.Kind == TokenKind.OpenQuote && closes.TryGetValue(i, out var close))
            {
                // Skip the whole balanced quote; a sentence may end right after it ("… needs.” The …).
                i = close + 1;
                if (doc.IsTerminal(close - 1) && !doc.Is(close - 1, ',') && StartsSentence(doc, i, paragraph.End)
                    && !IsSpeakerTail(doc, i, paragraph.End))
                {
                    output.Add(new Sentence(start, i, paragraph));
                    start = i;
                }

                continue;
            }

            if (doc.IsTerminal(i))
            {
                var end = i + 1;
                while (end < paragraph.End && doc.Tokens[end].Kind is TokenKind.CloseQuote or TokenKind.CloseSingleQuote
                       || doc.Is(end, ')'))
                {
                    end++;
                }

                var isDot = doc.Is(i, '.');
                if (end < paragraph.End && StartsSentence(doc, end, paragraph.End) && !(isDot && Abbreviations.Suppresses(doc, i - 1, end)))
                {
                    output.Add(new Sentence(start, end, paragraph));
                    start = end;
                }

                i = end;
                continue;
            }

            if (token.Kind == TokenKind.Word && doc.Text[token.End - 1] == '.' && i + 1 < paragraph.End
                && StartsSentence(doc, i + 1, paragraph.End) && !Abbreviations.Suppresses(doc, i, i + 1))
            {
                // "… in the U.S. He said": the word swallowed the sentence's dot.
                output.Add(new Sentence(start, i + 1, paragraph));
                start = i + 1;
            }

            i++;
        }

        if (start < paragraph.End)
        {
            output.Add(new Sentence(start, paragraph.End, paragraph));
        }
    }

    /// <summary>
    /// "“Can she stay?” Trump said Friday.": a name of up to five words and a verb of saying that end the
    /// sentence belong to the quote before them.
    /// </summary>
    private static bool IsSpeakerTail(Document doc, int i, int end)
    {
        var k = i;
        while (k < end && k - i < 5 && (doc.IsCapitalized(k) || (k > i && doc.Is(k, '.'))))
        {
            k++;
        }

        if (k == i || k >= end || !doc.IsLowerWord(k) || doc.Lower(k) is not ("said" or "says" or "asked" or "asks" or "added"
            or "adds" or "wrote" or "writes" or "tweeted" or "told" or "recalled" or "explained" or "continued" or "replied"
            or "responded" or "shouted" or "joked" or "quipped"))
        {
            return false;
        }

        for (var j = k + 1; j < end && j - k <= 4; j++)
        {
            if (doc.IsTerminal(j))
            {
                return j + 1 >= end || StartsSentence(doc, j + 1, end) || doc.Tokens[j + 1].Kind is TokenKind.CloseQuote;
            }

            if (!doc.IsWord(j))
            {
                return false;
            }
        }

        return false;
    }

    private static bool StartsSentence(Document doc, int i, int end)
    {
        if (i >= end)
        {
            return false;
        }

        var token = doc.Tokens[i];
        return token.Kind switch
        {
            TokenKind.Word => char.IsUpper(doc.First(i)),
            TokenKind.Number => true,
            TokenKind.OpenQuote or TokenKind.OpenSingleQuote => true,
            TokenKind.Punct => doc.Is(i, '(') || doc.Is(i, '['),
            _ => false,
        };
    }

    /// <summary>Pairs opening and closing double quotes within the paragraph; unmatched ones are left out.</summary>
    private static Dictionary<int, int> MatchingCloses(Document doc, int first, int end)
    {
        var result = new Dictionary<int, int>();
        var open = -1;
        for (var i = first; i < end; i++)
        {
            var kind = doc.Tokens[i].Kind;
            if (kind == TokenKind.OpenQuote)
            {
                open = i;
            }
            else if (kind == TokenKind.CloseQuote && open >= 0)
            {
                result[open] = i;
                open = -1;
            }
        }

        return result;
    }
}
