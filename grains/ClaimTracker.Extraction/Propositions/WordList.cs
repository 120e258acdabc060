namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// A text as tokens that keep the spacing before them, so words can be dropped, replaced or moved and the
/// text put back together with its own spacing and punctuation.
/// </summary>
internal sealed class WordList
{
    private readonly List<Piece> pieces;

    public WordList(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        pieces = new List<Piece>(tokens.Length);
        var end = 0;
        foreach (var token in tokens)
        {
            pieces.Add(new Piece(text[token.Begin..token.End], text[end..token.Begin], token.Kind));
            end = token.End;
        }
    }

    public int Count => pieces.Count;

    public string this[int index] => pieces[index].Text;

    public string Lower(int index) => (uint)index < (uint)pieces.Count ? pieces[index].Text.ToLowerInvariant() : string.Empty;

    public bool IsWord(int index) => (uint)index < (uint)pieces.Count && pieces[index].Kind is TokenKind.Word or TokenKind.Number;

    public bool IsLowerWord(int index) => IsWord(index) && char.IsLower(pieces[index].Text[0]);

    public bool Is(int index, string punctuation) =>
        (uint)index < (uint)pieces.Count
        && pieces[index].Kind is not (TokenKind.Word or TokenKind.Number)
        && pieces[index].Text == punctuation;

    /// <summary>Whether the lower-case words at <paramref name="index"/> are <paramref name="words"/>.</summary>
    public bool StartsWith(int index, IReadOnlyList<string> words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (!IsWord(index + k) || !string.Equals(Lower(index + k), words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public void RemoveRange(int index, int count) => pieces.RemoveRange(index, count);

    /// <summary>Replaces <paramref name="count"/> tokens with one word, keeping the spacing before the first.</summary>
    public void Replace(int index, int count, string text)
    {
        var gap = pieces[index].Gap;
        pieces.RemoveRange(index, count);
        pieces.Insert(index, new Piece(text, gap, TokenKind.Word));
    }

    public void Insert(int index, string text)
    {
        if (index == 0 && pieces.Count > 0)
        {
            // The first token had no spacing before it; now a word precedes it.
            pieces[0] = pieces[0] with { Gap = " " };
        }

        pieces.Insert(index, new Piece(text, " ", TokenKind.Word));
    }

    /// <summary>Moves the first <paramref name="count"/> tokens to the end, before any closing punctuation, after a comma.</summary>
    public void MoveToEnd(int count)
    {
        var moved = pieces.GetRange(0, count);
        pieces.RemoveRange(0, count);
        var end = pieces.Count;
        while (end > 0 && pieces[end - 1].Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.CloseQuote))
        {
            end--;
        }

        moved[0] = moved[0] with { Gap = " ", Text = moved[0].Text.ToLowerInvariant() };
        pieces.Insert(end, new Piece(",", string.Empty, TokenKind.Punct));
        pieces.InsertRange(end + 1, moved);
    }

    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(pieces[i].Gap);
            }

            builder.Append(pieces[i].Text);
        }

        return builder.ToString();
    }

    private readonly record struct Piece(string Text, string Gap, TokenKind Kind);
}
