using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ClaimTracker.Analysis;
using ClaimTracker.Extraction;
using ClaimTracker.Grains;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Grains.Reports;
using ClaimTracker.Matching;
using ClaimTracker.Storage;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Benchmarks.Scenarios;

/// <summary>
/// The stages of a text report replayed one after the other on one thread, outside the server, on the
/// articles the server ingests: what each costs per statement in CPU time. Extraction is the server's
/// (<see cref="ReportDraft.FromExtraction(ReportSubmission, ArticleExtractor)"/>), linking the server's
/// <see cref="ClaimLinker"/> fed the encoder's vectors, stance the classifier on the statements that
/// joined a claim in that replay.
/// </summary>
internal sealed class TextIngestStages
{
    private const int LinkingReplays = 3;

    private TextIngestStages(IReadOnlyList<IReadOnlyList<LinkRequest>> requests, double extractionSeconds, double rulesOnlySeconds)
    {
        Requests = requests;
        ExtractionSeconds = extractionSeconds;
        RulesOnlyExtractionSeconds = rulesOnlySeconds;
    }

    /// <summary>Each article's statements as the server links them (the texts its encoder queue encodes).</summary>
    public IReadOnlyList<IReadOnlyList<LinkRequest>> Requests { get; }

    public int Statements => Requests.Sum(r => r.Count);

    public double ExtractionSeconds { get; }

    /// <summary>Extraction without the learned attribution filter (its rules alone), for the filter's share.</summary>
    public double RulesOnlyExtractionSeconds { get; }

    public static TextIngestStages Extract(IReadOnlyList<string> articles)
    {
        var extractor = new ArticleExtractor();
        var rulesOnly = new ArticleExtractor(filter: null);
        ReportDraft Draft(ArticleExtractor with, string text, int i) => ReportDraft.FromExtraction(Submission(text, i), with);
        foreach (var with in new[] { extractor, rulesOnly })
        {
            for (var i = 0; i < Math.Min(5, articles.Count); i++)
            {
                Draft(with, articles[i], i);
            }
        }

        var start = CpuSeconds();
        var drafts = articles.Select((text, i) => Draft(extractor, text, i)).ToList();
        var seconds = CpuSeconds() - start;
        start = CpuSeconds();
        for (var i = 0; i < articles.Count; i++)
        {
            Draft(rulesOnly, articles[i], i);
        }

        var rulesSeconds = CpuSeconds() - start;
        return new TextIngestStages(drafts.Select(ReportPlanner.LinkRequests).ToList(), seconds, rulesSeconds);
    }

    /// <summary>
    /// Links every article in order through a <see cref="ClaimLinker"/> (default options but the scorer, an in-memory index log) whose
    /// encoder answers with <paramref name="vectors"/>; then classifies the stance of each statement that joined a claim
    /// again, with the model and by the rules alone, to separate its cost from retrieval and decision.
    /// </summary>
    public async Task<LinkingCost> LinkAsync(IReadOnlyDictionary<string, float[]> vectors, LinkingScorer scorer)
    {
        var options = Options.Create(new MatchingOptions { Scorer = scorer });
        var encoder = new KnownVectors(vectors);
        using (var warm = new ClaimLinker(new MemoryIndexLog(), options, () => encoder))
        {
            foreach (var report in Requests.Take(5))
            {
                await warm.LinkAsync(report);
            }
        }

        // The least of a few replays, each on a fresh linker: the process's CPU (GC threads included) moves with the machine's load.
        List<IReadOnlyList<ClaimLink>> links = [];
        var linkingSeconds = double.MaxValue;
        var threadSeconds = double.MaxValue;
        for (var replay = 0; replay < LinkingReplays; replay++)
        {
            using var linker = new ClaimLinker(new MemoryIndexLog(), options, () => encoder);
            links = new List<IReadOnlyList<ClaimLink>>(Requests.Count);
            var start = CpuSeconds();
            var onThread = ThreadCpu.CurrentThreadSeconds();
            foreach (var report in Requests)
            {
                links.Add(await linker.LinkAsync(report));
            }

            threadSeconds = Math.Min(threadSeconds, ThreadCpu.CurrentThreadSeconds() - onThread);
            linkingSeconds = Math.Min(linkingSeconds, CpuSeconds() - start);
        }

        var founders = new Dictionary<string, LinkRequest>(StringComparer.Ordinal);
        var joined = new List<(LinkRequest Statement, LinkRequest Claim)>();
        for (var r = 0; r < Requests.Count; r++)
        {
            for (var i = 0; i < Requests[r].Count; i++)
            {
                var statement = Requests[r][i];
                if (!founders.TryAdd(links[r][i].ClaimId, statement) && statement.GivenStance == Stance.Unspecified)
                {
                    joined.Add((statement, founders[links[r][i].ClaimId]));
                }
            }
        }

        var pairs = joined.Select(p => (p.Statement.Content, p.Claim.Content, Hints(p.Statement, p.Claim, vectors))).ToList();
        var modelSeconds = Time(pairs, p => StanceClassifier.Classify(p.Item1, p.Item2, p.Item3));
        var rulesSeconds = Time(pairs, p => StanceClassifier.ClassifyByRules(p.Item1, p.Item2, p.Item3));
        var extracted = Requests.SelectMany(report => report)
            .Select(s => $"{s.Content}|{s.Verbatim}|{s.Modality}|{s.IsDenial}|{s.GivenStance}");
        var linked = links.SelectMany(report => report.Select(l => $"{l.ClaimId}|{l.Stance}|{l.Confidence:R}|{l.Reason}"));
        var stances = pairs.Select(p => StanceClassifier.Classify(p.Item1, p.Item2, p.Item3))
            .Select(d => $"{d.Stance}|{d.Confidence:R}|{d.Reason}");
        var decisions = extracted.Concat(linked).Concat(stances);
        return new LinkingCost(linkingSeconds, joined.Count, modelSeconds, rulesSeconds)
        {
            Digest = DigestOf(decisions),
            ThreadSeconds = threadSeconds,
        };
    }

    /// <summary>SHA-256 of the lines, to compare two builds' decisions on the same articles.</summary>
    private static string DigestOf(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];

    private static StanceHints Hints(LinkRequest statement, LinkRequest claim, IReadOnlyDictionary<string, float[]> vectors)
    {
        var (u, v) = (vectors[statement.Content], vectors[claim.Content]);
        var denies = statement.IsDenial && !StanceClassifier.StatesNegation(claim.Content);
        return new StanceHints(statement.Modality, denies, QuantityReader.Read(statement.Content), QuantityReader.Read(claim.Content))
        {
            Similarity = VectorMath.Dot(u, v),
            StatementEmbedding = u,
            ClaimEmbedding = v,
        };
    }

    private static double Time<T>(List<T> items, Action<T> action)
    {
        items.Take(20).ToList().ForEach(action);

        var start = CpuSeconds();
        items.ForEach(action);
        return CpuSeconds() - start;
    }

    /// <summary>
    /// The process's CPU time: the replay runs alone on one thread before the server starts, so this is the replay's own,
    /// however loaded the machine is (wall time is not, on a shared box).
    /// </summary>
    public static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static ReportSubmission Submission(string text, int i) => new($"bbc-{i}", "BBC", "", null, "", text, []);

    /// <param name="Seconds">Linking every statement, stance of the joined ones included.</param>
    /// <param name="Joined">Statements that joined a claim (the ones whose stance is classified).</param>
    /// <param name="StanceSeconds">Classifying those again with the model (features, rules, trees).</param>
    /// <param name="StanceRulesSeconds">Classifying those again by the rules alone.</param>
    public sealed record LinkingCost(double Seconds, int Joined, double StanceSeconds, double StanceRulesSeconds)
    {
        /// <summary>Of every statement's extracted text, claim, stance, confidence and reason: equal across builds that decide
        /// alike.</summary>
        public string Digest { get; init; } = "";

        /// <summary>Linking's CPU on the replay's own thread (its await points complete at once, so it stays on one thread),
        /// without the GC's threads.</summary>
        public double ThreadSeconds { get; init; }
    }

    /// <summary>The encoder's vectors of the replayed texts, already computed.</summary>
    private sealed class KnownVectors(IReadOnlyDictionary<string, float[]> vectors) : ISentenceEncoder
    {
        public int Dimensions => 384;

        public float[][] Encode(IReadOnlyList<string> texts) => texts.Select(t => vectors[t]).ToArray();

        public Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Task.FromResult(Encode(texts));
    }

    /// <summary>The claim index log in memory: what one silo writes, it reads back on its next refresh, as from the store.</summary>
    private sealed class MemoryIndexLog : IClaimIndexLog
    {
        private readonly List<ClaimIndexEntry> entries = [];
        private readonly HashSet<(string, string)> stored = [];

        public Task AddClaimIndexEntriesAsync(IReadOnlyList<ClaimIndexEntry> added)
        {
            lock (entries)
            {
                entries.AddRange(added.Where(e => stored.Add((e.ClaimId, e.Text))));
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<StoredClaimIndexEntry>> ReadClaimIndexAsync(
            long afterPosition, int limit, CancellationToken cancellationToken = default)
        {
            lock (entries)
            {
                IReadOnlyList<StoredClaimIndexEntry> page = entries
                    .Skip((int)afterPosition)
                    .Take(limit)
                    .Select((e, i) => new StoredClaimIndexEntry(afterPosition + i + 1, e))
                    .ToList();
                return Task.FromResult(page);
            }
        }
    }
}
