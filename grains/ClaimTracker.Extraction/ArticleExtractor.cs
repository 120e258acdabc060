using ClaimTracker.Extraction.Attribution.Ranking;

namespace ClaimTracker.Extraction;

/// <summary>
/// Reads an article like an analyst: who said what, through whom, how firmly, with which numbers.
/// Pure and stateless: no I/O, nothing shared between calls, so one instance serves any number of
/// threads. Every stage is a bounded forward scan, so the cost grows linearly with the text; each
/// statement then gets a proposition readable out of context beside its verbatim content.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly AttributionFilter? filter;

    /// <summary>An extractor with the shipped learned attribution filter (see Models/attribution-filter.json).</summary>
    public ArticleExtractor()
        : this(AttributionFilter.Shipped)
    {
    }

    /// <summary>An extractor with the given attribution filter, or the rules alone when it is null.</summary>
    public ArticleExtractor(AttributionFilter? filter) => this.filter = filter;

    public ExtractionResult Extract(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.Text))
        {
            return ExtractionResult.Empty;
        }

        return Propositions.PropositionPass.Apply(input.Text, new ExtractionRun(input, filter).Run());
    }
}
