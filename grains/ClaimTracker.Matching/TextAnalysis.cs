using System.Globalization;
using System.Text;
using ClaimTracker.Text;

namespace ClaimTracker.Matching;

/// <summary>
/// Word splitting shared by the lexical index and the stance rules: lower-case words with numbers
/// normalised ("60,000" → "60000"), possessives dropped, plus a light suffix stemmer so that
/// "fires", "fired" and "firing" meet. Deliberately small: the index needs agreement, not linguistics.
/// </summary>
public static class TextAnalysis
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
        "about", "over", "after", "before", "than", "then", "that", "this", "these", "those", "it", "its", "is", "are",
        "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
        "should", "can", "could", "may", "might", "must", "he", "she", "they", "them", "his", "her", "their", "we",
        "our", "you", "your", "i", "me", "my", "him", "who", "whom", "which", "what", "when", "where", "why", "how",
        "there", "here", "so", "if", "up", "out", "just", "also", "said", "says", "say", "s", "per", "all", "some",
        "any", "very", "more", "most", "such", "other", "only", "own", "same", "too", "now", "new",
    };

    /// <summary>
    /// Lower-case words and numbers in reading order, from the shared <see cref="Tokenizer"/>'s word and
    /// number tokens: compounds split at hyphens ("long-range" → "long", "range"), clitics dropped
    /// ("Ukraine's" → "ukraine") except "n't", which becomes "not"; digit groups joined ("60,000" → "60000").
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                SplitWordToken(text, token, current, words);
            }
        }

        return words;
    }

    private static void SplitWordToken(string text, Token token, StringBuilder current, List<string> words)
    {
        for (var i = token.Begin; i < token.End; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            var joinsDigits = (c == ',' || c == '.') && current.Length > 0 && char.IsDigit(current[^1])
                && i + 1 < token.End && char.IsDigit(text[i + 1]);
            if (joinsDigits)
            {
                if (c == '.')
                {
                    current.Append('.');
                }

                continue;
            }

            var isApostrophe = c is '\'' or '\u2019';
            if (isApostrophe && current.Length > 0 && i + 1 < token.End && char.IsLetter(text[i + 1]))
            {
                var next = char.ToLowerInvariant(text[i + 1]);
                var tail = i + 2 >= token.End || !char.IsLetter(text[i + 2]);
                if (next == 't' && tail && current[^1] == 'n')
                {
                    current.Length--;
                    Flush(current, words);
                    words.Add("not");
                    i++;
                    continue;
                }

                Flush(current, words);
                while (i + 1 < token.End && char.IsLetter(text[i + 1]))
                {
                    i++;
                }

                continue;
            }

            Flush(current, words);
        }

        Flush(current, words);
    }

    /// <summary>Whether a lower-case word is a function word the index ignores.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Index terms: <see cref="Words"/> without stop words, stemmed.</summary>
    public static List<string> Terms(string text) => Terms(Words(text));

    /// <summary>The terms of <see cref="Terms(string)"/>, from words <see cref="Words"/> already read.</summary>
    public static List<string> Terms(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var terms = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (!StopWords.Contains(word))
            {
                terms.Add(Stem(word));
            }
        }

        return terms;
    }

    /// <summary>A light English suffix stemmer (plural, -ed, -ing, final -e).</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4
            && (w[^3] is 's' or 'x' or 'z' || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = Undouble(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = Undouble(w[..^2]);
        }

        if (w.EndsWith('e') && w.Length > 3)
        {
            w = w[..^1];
        }

        return w;
    }

    /// <summary>Parses a normalised number word ("60000", "2.5").</summary>
    public static bool TryNumber(string word, out double value) =>
        double.TryParse(word, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static string Undouble(string stem)
    {
        if (stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o') && !IsVowel(stem[^1]))
        {
            return stem[..^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
