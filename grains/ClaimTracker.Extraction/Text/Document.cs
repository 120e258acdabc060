namespace ClaimTracker.Extraction.Text;

/// <summary>The text with its tokens and lower-cased token strings, shared by every stage.</summary>
internal sealed class Document
{
    private readonly string?[] lower;

    public Document(string text)
    {
        Text = text;
        Tokens = Tokenizer.Tokenize(text);
        this.lower = new string?[Tokens.Length];
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public int Count => Tokens.Length;

    public string Lower(int i)
    {
        if ((uint)i >= (uint)Tokens.Length)
        {
            return string.Empty;
        }

        return this.lower[i] ??= TextOf(i).ToLowerInvariant();
    }

    public string TextOf(int i) => Text.Substring(Tokens[i].Begin, Tokens[i].Length);

    public char First(int i) => (uint)i < (uint)Tokens.Length ? Text[Tokens[i].Begin] : '\0';

    public bool IsWord(int i) => (uint)i < (uint)Tokens.Length && Tokens[i].Kind is TokenKind.Word or TokenKind.Number;

    public bool IsCapitalized(int i) => (uint)i < (uint)Tokens.Length && Tokens[i].Kind == TokenKind.Word && char.IsUpper(First(i));

    public bool IsLowerWord(int i) => (uint)i < (uint)Tokens.Length && Tokens[i].Kind == TokenKind.Word && char.IsLower(First(i));

    public bool Is(int i, char punct) => (uint)i < (uint)Tokens.Length && Tokens[i].Length == 1 && Text[Tokens[i].Begin] == punct
        && Tokens[i].Kind is TokenKind.Punct or TokenKind.Symbol;

    public bool Is(int i, string lowerWord) => (uint)i < (uint)Tokens.Length && Tokens[i].Kind == TokenKind.Word
        && Tokens[i].Length == lowerWord.Length && string.Equals(Lower(i), lowerWord, StringComparison.Ordinal);

    public bool IsTerminal(int i)
    {
        if ((uint)i >= (uint)Tokens.Length || Tokens[i].Kind != TokenKind.Punct)
        {
            return false;
        }

        var c = Text[Tokens[i].Begin];
        return c is '.' or '!' or '?' or '…';
    }

    /// <summary>Text from the start of token <paramref name="first"/> to the end of token <paramref name="last"/> (inclusive).</summary>
    public string Slice(int first, int last) => first > last ? string.Empty : Text[Tokens[first].Begin..Tokens[last].End];

    public TextSpan SpanOf(int first, int last) => first > last
        ? new TextSpan(Tokens[Math.Min(first, Tokens.Length - 1)].Begin, Tokens[Math.Min(first, Tokens.Length - 1)].Begin)
        : new TextSpan(Tokens[first].Begin, Tokens[last].End);
}
