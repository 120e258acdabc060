using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ClaimTracker.Matching;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>
/// <c>index-recall</c>: how much of the exact scan's answer the approximate claim index (inverted lists, a few probed)
/// keeps on real sentence embeddings, which cluster by topic as synthetic vectors do not. The BBC articles' sentences,
/// encoded by MiniLM, are stored in two indexes, one exact and one approximate with as many phrasings per list as gives
/// the list count of a production index at <c>--scale</c> phrasings (4,000 per list by default: 250 lists at a million).
/// Two kinds of probe: held-out sentences (no stored sentence says the same), and stored sentences reworded by dropping
/// their first words (the stored sentence is the right answer).
/// </summary>
internal static partial class IndexRecall
{
    public static int Run(Arguments args)
    {
        var path = args.Positional(1, "path-to-bbc.txt");
        var wanted = args.Int("sentences", 40_000);
        var queries = args.Int("queries", 500);
        var scale = args.Int("scale", 1_000_000);
        var probes = args.Int("probes", ClaimIndexOptions.Default.Probes);
        var sentences = Sentences(path).Take(wanted + queries).ToList();
        var shuffled = sentences.OrderBy(s => Stable(s)).ToList();
        var held = shuffled.Take(queries).ToList();
        var stored = shuffled.Skip(queries).ToList();

        var encoder = new CachingEncoder(MiniLmEncoder.Shared, args.Option("embedding-cache"));
        var clock = Stopwatch.StartNew();
        var vectors = new List<float[]>(sentences.Count);
        foreach (var chunk in stored.Concat(held).Chunk(256))
        {
            vectors.AddRange(encoder.Encode(chunk));
        }

        encoder.Save();
        Console.WriteLine(
            $"BBC: {stored.Count:N0} stored sentences, {held.Count:N0} held out; encoded in {clock.Elapsed.TotalSeconds:0} s");

        var perList = Math.Max(1, (int)Math.Round(stored.Count * (double)ClaimIndexOptions.Default.PhrasingsPerList / scale));
        var exactOptions = new ClaimIndexOptions { ApproximateFrom = long.MaxValue };
        var approximateOptions = new ClaimIndexOptions { ApproximateFrom = 1, PhrasingsPerList = perList, Probes = probes };
        using var exact = new ClaimIndex(8, encoder.Dimensions, Bm25Parameters.Default, exactOptions);
        using var approximate = new ClaimIndex(8, encoder.Dimensions, Bm25Parameters.Default, approximateOptions);
        for (var i = 0; i < stored.Count; i++)
        {
            var id = "c" + i.ToString(CultureInfo.InvariantCulture);
            exact.Add(id, stored[i], vectors[i]);
            approximate.Add(id, stored[i], vectors[i]);
        }

        approximate.Search(new StatementProbe(stored[0], vectors[0], [], []), 10);
        approximate.WaitForCentroids();
        var lists = (int)Math.Ceiling(stored.Count / (double)perList);
        Console.WriteLine($"approximate: {perList} phrasings per list, about {lists} lists, {probes} probed " +
            $"({100.0 * Math.Min(probes, lists) / lists:0.0} % of the phrasings scanned, as at {scale:N0} phrasings)");

        var heldProbes = held.Select((text, i) => new StatementProbe(text, vectors[stored.Count + i], [], [])).ToList();
        var (heldRecall, heldBest) = Compare(exact, approximate, heldProbes);
        Console.WriteLine($"held-out sentences ({heldProbes.Count}): recall@10 {heldRecall:0.000}, exact best found {heldBest:0.000}");

        var random = new Random(3);
        var reworded = new List<(StatementProbe Probe, string Original)>();
        while (reworded.Count < queries)
        {
            var i = random.Next(stored.Count);
            var words = stored[i].Split(' ');
            if (words.Length < 10)
            {
                continue;
            }

            var text = string.Join(' ', words.Skip(3));
            reworded.Add((new StatementProbe(text, encoder.Encode([text])[0], [], []), "c" + i.ToString(CultureInfo.InvariantCulture)));
        }

        var (rewordedRecall, rewordedBest) = Compare(exact, approximate, reworded.Select(r => r.Probe).ToList());
        var exactFinds = reworded.Count(r => Top(exact, r.Probe).Contains(r.Original)) / (double)reworded.Count;
        var approximateFinds = reworded.Count(r => Top(approximate, r.Probe).Contains(r.Original)) / (double)reworded.Count;
        Console.WriteLine($"stored sentences without their first three words ({reworded.Count}): recall@10 {rewordedRecall:0.000}, " +
            $"exact best found {rewordedBest:0.000}; the original in the top 10: exact {exactFinds:0.000}, approximate {approximateFinds:0.000}");
        return 0;
    }

    /// <summary>Mean overlap of the two indexes' ten nearest by cosine, and how often the exact nearest is among the approximate's.</summary>
    private static (double Recall, double Best) Compare(ClaimIndex exact, ClaimIndex approximate, IReadOnlyList<StatementProbe> probes)
    {
        double recall = 0, best = 0;
        foreach (var probe in probes)
        {
            var want = Top(exact, probe);
            var got = Top(approximate, probe);
            recall += want.Count(got.Contains) / (double)Math.Max(1, want.Count);
            best += want.Count > 0 && got.Contains(want[0]) ? 1 : 0;
        }

        return (recall / probes.Count, best / probes.Count);
    }

    private static List<string> Top(ClaimIndex index, StatementProbe probe) =>
        index.Search(probe, 10).OrderByDescending(c => c.Cosine).Take(10).Select(c => c.Claim.ClaimId).ToList();

    /// <summary>The articles' sentences of 6 to 60 words, once each, in file order.</summary>
    private static IEnumerable<string> Sentences(string path) =>
        File.ReadLines(path)
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => s.Trim())
            .Where(s => s.Split(' ').Length is >= 6 and <= 60)
            .Distinct(StringComparer.Ordinal);

    /// <summary>An order that does not depend on the process (string hash codes are randomised per process).</summary>
    private static ulong Stable(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    [GeneratedRegex(@"(?<=[.!?][""”]?)\s+(?=[A-Z""“])")]
    private static partial Regex SentenceEnd();
}
