namespace ClaimTracker.Text;

public enum TokenKind
{
    Word,
    Number,
    Punct,
    OpenQuote,
    CloseQuote,
    OpenSingleQuote,
    CloseSingleQuote,
    Symbol,
}

/// <summary>A word, number or punctuation mark; <see cref="NewlinesBefore"/> counts line breaks in the gap before it.</summary>
public readonly record struct Token(int Begin, int End, TokenKind Kind, int NewlinesBefore)
{
    public int Length => End - Begin;

    public bool IsDoubleQuote => Kind is TokenKind.OpenQuote or TokenKind.CloseQuote;
}
