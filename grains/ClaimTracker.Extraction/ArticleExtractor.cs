namespace ClaimTracker.Extraction;

/// <summary>
/// Reads an article like an analyst: who said what, through whom, how firmly, with which numbers.
/// Pure and stateless: no I/O, nothing shared between calls, so one instance serves any number of
/// threads. Every stage is a bounded forward scan, so the cost grows linearly with the text; each
/// statement then gets a proposition readable out of context beside its verbatim content.
/// </summary>
public sealed class ArticleExtractor
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance API, so options can be added without breaking callers.")]
    public ExtractionResult Extract(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.Text))
        {
            return ExtractionResult.Empty;
        }

        return Propositions.PropositionPass.Apply(input.Text, new ExtractionRun(input).Run());
    }
}
