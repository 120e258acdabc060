namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// "The deal, which officials said was worth $2 billion, …": the noun phrase that ", which" or ", who" just before a
/// statement's source stands for. The content ("was worth $2 billion") has no subject of its own; this is it.
/// </summary>
internal static class RelativeAntecedent
{
    private const int MaxWords = 8;

    /// <summary>The antecedent of a relative pronoun that ends right before <paramref name="sourceBegin"/>, or null.</summary>
    public static string? Before(string text, int sourceBegin)
    {
        var k = SkipSpaceBack(text, Math.Min(sourceBegin, text.Length));
        var pronounStart = WordStartBack(text, k);
        var pronoun = text[pronounStart..k];
        if (pronoun is not ("which" or "who"))
        {
            return null;
        }

        var comma = SkipSpaceBack(text, pronounStart) - 1;
        if (comma < 0 || text[comma] != ',')
        {
            return null;
        }

        // The words before the comma, nearest first, within the clause.
        var words = new List<(int Start, int End)>();
        var end = SkipSpaceBack(text, comma);
        while (words.Count < MaxWords && end > 0 && IsWordChar(text[end - 1]))
        {
            var start = WordStartBack(text, end);
            words.Add((start, end));
            var before = SkipSpaceBack(text, start);
            if (before == start || before == 0 || !IsWordChar(text[before - 1]))
            {
                break;
            }

            end = before;
        }

        var first = NounPhraseStart(text, words);
        if (first < 0 || LooksLikeAClause(text, words[..(first + 1)]))
        {
            return null;
        }

        return text[words[first].Start..words[0].End];
    }

    /// <summary>
    /// Of the words before the comma (nearest first), the index of the noun phrase's first: back to the nearest determiner
    /// or possessive ("the deal", "Boeing's new plane"), else the proper name just before the comma ("Rosneft, which …"),
    /// else -1.
    /// </summary>
    private static int NounPhraseStart(string text, List<(int Start, int End)> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = text[words[i].Start..words[i].End];
            if (PropositionLexicon.Determiners.Contains(word.ToLowerInvariant()))
            {
                return i;
            }

            if (IsPossessive(word))
            {
                var determined = i + 1 < words.Count
                    && PropositionLexicon.Determiners.Contains(text[words[i + 1].Start..words[i + 1].End].ToLowerInvariant());
                return determined ? i + 1 : i;
            }
        }

        var name = 0;
        while (name < words.Count && char.IsUpper(text[words[name].Start]))
        {
            name++;
        }

        return name - 1;
    }

    /// <summary>
    /// "The minister resigned, which officials said was a surprise": the pronoun stands for the clause, not a noun phrase;
    /// told by a verb before the comma (a form in -ed last, or an auxiliary or "said" among the words).
    /// </summary>
    private static bool LooksLikeAClause(string text, List<(int Start, int End)> words)
    {
        var last = text[words[0].Start..words[0].End];
        if (words.Count > 2 && char.IsLower(last[0]) && last.EndsWith("ed", StringComparison.Ordinal))
        {
            return true;
        }

        return words.Any(w => text[w.Start..w.End] is var word
            && (PropositionLexicon.FiniteAuxiliaries.Contains(word) || word is "said" or "says"));
    }

    private static bool IsPossessive(string word) =>
        word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-';

    private static int SkipSpaceBack(string text, int k)
    {
        while (k > 0 && text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        return k;
    }

    private static int WordStartBack(string text, int end)
    {
        var start = end;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        return start;
    }
}
