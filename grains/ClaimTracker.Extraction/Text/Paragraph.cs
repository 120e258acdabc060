namespace ClaimTracker.Extraction.Text;

internal enum BlockKind
{
    Body,
    Heading,
    Boilerplate,
}

/// <summary>Tokens [<see cref="First"/>, <see cref="End"/>) of one paragraph and what kind of block it is.</summary>
internal sealed record Paragraph(int Index, int First, int End, BlockKind Kind);

/// <summary>Tokens [<see cref="First"/>, <see cref="End"/>) of one sentence; balanced quotes never straddle two.</summary>
internal sealed record Sentence(int First, int End, Paragraph Paragraph);
