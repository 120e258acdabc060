using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution;

internal static partial class AttributionFinder
{
    /// <summary>Shared state of one sentence's search.</summary>
    private sealed partial class Context(Document doc, int first, int end, List<QuoteRegion> quotes, bool[] covered, bool[] inQuote,
        List<int> cues, List<RawAttribution> result)
    {
        private readonly bool[] quoteMask = inQuote;
        private readonly HashSet<int> usedQuotes = [];
        private readonly Dictionary<int, QuoteRegion> byOpen = IndexByOpen(quotes);

        private static Dictionary<int, QuoteRegion> IndexByOpen(List<QuoteRegion> regions)
        {
            var index = new Dictionary<int, QuoteRegion>(regions.Count);
            foreach (var region in regions)
            {
                index.TryAdd(region.Open, region);
            }

            return index;
        }

        private TokenRange Trim(TokenRange range)
        {
            var a = range.First;
            var b = range.End;
            while (a < b && (doc.Is(a, ',') || doc.Is(a, '—') || doc.Is(a, '–')))
            {
                a++;
            }

            while (b > a && (doc.Is(b - 1, ',') || doc.Is(b - 1, '—') || doc.Is(b - 1, '–')))
            {
                b--;
            }

            return new TokenRange(a, b);
        }

        private void Commit(RawAttribution attribution, int coverFirst, int coverEnd)
        {
            Cover(coverFirst, coverEnd);
            if (!attribution.Source.IsEmpty)
            {
                Cover(attribution.Source.First, attribution.Source.End);
            }

            result.Add(attribution);
        }

        private bool IsCueToken(int k) => k >= first && k < end && cues.BinarySearch(k) >= 0;

        private bool Covered(int k) => k >= first && k < end && covered[k - first];

        private void Cover(int from, int to)
        {
            for (var k = Math.Max(from, first); k < Math.Min(to, end); k++)
            {
                covered[k - first] = true;
            }
        }
    }
}
