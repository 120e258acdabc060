using System.Globalization;

namespace ClaimTracker.Matching;

/// <summary>
/// Weights and the join threshold of <see cref="ClaimMatcher"/>. The score is
/// <c>Cosine·CosineWeight + Lexical·LexicalWeight + EntityWeight·entities + QuantityWeight·quantities</c>,
/// where <c>entities</c> is the share of the smaller entity set found in the other (−0.5 when both
/// name entities and none is shared, 0 when either names none) and <c>quantities</c> is 1 when both
/// state a figure for the same measure (whatever the values: a different figure for the same measure
/// is a conflict inside one claim, not a new claim).
/// How the weights and threshold were chosen is in docs/evaluation.md. BM25 matters for retrieval
/// whatever its weight here: <see cref="ClaimIndex.Search"/> returns the union of both signals' top k.
/// Entity and quantity weights are set by hand (the evaluation data has no entity annotations).
/// </summary>
public sealed record MatcherOptions
{
    public static MatcherOptions Default { get; } = new();

    /// <summary>The shipped learned scorer with the join threshold chosen for it by grouped cross-validation.</summary>
    public static MatcherOptions Learned => Default with
    {
        Scorer = SameClaimScorer.Shipped,
        JoinThreshold = SameClaimScorer.Shipped.JoinThreshold,
        RuleConfidentMargin = SameClaimScorer.Shipped.RuleConfidentMargin,
        RuleConfidentJoinByProbability = SameClaimScorer.Shipped.RuleConfidentJoinByProbability,
    };

    /// <summary>
    /// When set, a candidate's score is this model's probability that it is the statement's claim (the
    /// weights below are then unused, and <see cref="JoinThreshold"/> is a probability); when null, the
    /// hand-weighted rule score.
    /// </summary>
    public SameClaimScorer? Scorer { get; init; }

    /// <summary>
    /// With a learned <see cref="Scorer"/>: a statement the model would not join still joins when the rule score of a
    /// candidate reaches the rules' own join threshold plus this margin (<see cref="LinkingFeatures.RuleJoinThreshold"/>),
    /// i.e. where the rules are confident; null: the model alone decides.
    /// </summary>
    public double? RuleConfidentMargin { get; init; }

    /// <summary>
    /// Which rule-confident candidate such a statement joins: the most probable by the model (true) or the best by the
    /// rule score (false).
    /// </summary>
    public bool RuleConfidentJoinByProbability { get; init; }

    /// <summary>A statement joins its best candidate at or above this score, otherwise it founds a new claim.</summary>
    public double JoinThreshold { get; init; } = 0.56;

    public double CosineWeight { get; init; } = 1.0;

    public double LexicalWeight { get; init; } = 0.0;

    public double EntityWeight { get; init; } = 0.1;

    public double QuantityWeight { get; init; } = 0.05;

    /// <summary>
    /// No join below this embedding cosine, whatever the lexical and entity evidence: shared rare
    /// words and names alone ("arms talks with Pyongyang" against "Putin accepted an invitation to
    /// Pyongyang") are topic overlap, not the same proposition.
    /// </summary>
    public double MinCosine { get; init; }
}

/// <summary>"Joins claim X" (<see cref="ClaimId"/> set) or "founds a new claim" (null), with the best score and why.</summary>
public sealed record MatchDecision(string? ClaimId, double Score, string Reason)
{
    public bool JoinsExistingClaim => ClaimId is not null;

    /// <summary>
    /// The rule score of the candidate decided on (with the rule scorer, <see cref="Score"/>), so a caller can hold a join to
    /// the rules where the learned scorer has no evidence (two statements of one report).
    /// </summary>
    public double RuleScore { get; init; }
}

/// <summary>Decides whether a statement joins one of its retrieved candidates or founds a new claim.</summary>
public sealed class ClaimMatcher
{
    private readonly MatcherOptions options;

    public ClaimMatcher(MatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public MatcherOptions Options => options;

    public MatchDecision Decide(StatementProbe probe, IReadOnlyList<ClaimCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return new MatchDecision(null, 0, "founds a new claim: no stored claim was retrieved");
        }

        var scored = ScoreAll(probe, candidates);
        var best = scored.MaxBy(s => s.Total)!;
        var eligible = scored.Where(s => s.Candidate.Cosine >= options.MinCosine).MaxBy(s => s.Total);
        var threshold = options.JoinThreshold;
        if (eligible is not null && eligible.Total >= threshold)
        {
            return new MatchDecision(
                eligible.Candidate.Claim.ClaimId,
                eligible.Total,
                $"joins claim {eligible.Candidate.Claim.ClaimId}: score {F(eligible.Total)} ≥ {F(threshold)} ({eligible.Explain()})")
            {
                RuleScore = eligible.Rule,
            };
        }

        if (options.Scorer is not null && options.RuleConfidentMargin is { } margin)
        {
            var ruleThreshold = LinkingFeatures.RuleJoinThreshold + margin;
            var confident = scored.Where(s => s.Candidate.Cosine >= options.MinCosine && s.Rule >= ruleThreshold).ToList();
            var chosen = options.RuleConfidentJoinByProbability ? confident.MaxBy(s => s.Total) : confident.MaxBy(s => s.Rule);
            if (chosen is not null)
            {
                return new MatchDecision(
                    chosen.Candidate.Claim.ClaimId,
                    chosen.Total,
                    $"joins claim {chosen.Candidate.Claim.ClaimId}: rule score {F(chosen.Rule)} ≥ {F(ruleThreshold)} although "
                        + $"p(same claim) {F(chosen.Total)} < {F(threshold)} ({chosen.Explain()})")
                {
                    RuleScore = chosen.Rule,
                };
            }
        }

        var founds = best.Total >= threshold
            ? new MatchDecision(null, best.Total, $"founds a new claim: best candidate {best.Candidate.Claim.ClaimId} scored " +
                $"{F(best.Total)} but its cosine {F(best.Candidate.Cosine)} is under {F(options.MinCosine)}: shared words, not the same " +
                    $"proposition ({best.Explain()})")
            : new MatchDecision(null, best.Total, $"founds a new claim: best candidate {best.Candidate.Claim.ClaimId} scored " +
                $"{F(best.Total)} < {F(threshold)} ({best.Explain()})");
        return founds with { RuleScore = best.Rule };
    }

    /// <summary>The score of one candidate, with its parts.</summary>
    public CandidateScore Score(StatementProbe probe, ClaimCandidate candidate) => ScoreAll(probe, [candidate])[0];

    /// <summary>The score of each candidate, with its parts (the learned scorer compares each candidate with the others).</summary>
    public IReadOnlyList<CandidateScore> ScoreAll(StatementProbe probe, IReadOnlyList<ClaimCandidate> candidates)
    {
        var probabilities = options.Scorer?.Probabilities(probe, candidates);
        var scores = new CandidateScore[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var (entities, shared) = EntityOverlap(probe.Entities, candidate.Claim.Entities);
            var measure = SharedMeasure(probe.Quantities, candidate.Claim.Quantities);
            var total = probabilities?[i] ?? (options.CosineWeight * candidate.Cosine) + (options.LexicalWeight * candidate.Lexical)
                + (options.EntityWeight * entities) + (measure is null ? 0 : options.QuantityWeight);
            scores[i] = new CandidateScore(candidate, total, entities, shared, measure)
            {
                Learned = probabilities is not null,
                Rule = probabilities is null ? total : LinkingFeatures.RuleScore(candidate, entities, measure is not null),
            };
        }

        return scores;
    }

    /// <summary>The words of the entity names compared last: a statement's names are compared with every candidate's, and the
    /// same names come back report after report. The lists are shared: never changed.</summary>
    private static readonly RecentTextCache<List<string>> NameWords = new(capacity: 4_096, longestText: 200);

    internal static (double Score, IReadOnlyList<string> Shared) EntityOverlap(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (0, []);
        }

        // Each name's words are read once, not once per name it is compared with, and kept for the names met again.
        var wordsOfB = new List<string>[b.Count];
        for (var j = 0; j < b.Count; j++)
        {
            wordsOfB[j] = NameWords.GetOrAdd(b[j], TextAnalysis.Words);
        }

        var shared = a.Where(x =>
            {
                var wordsOfX = NameWords.GetOrAdd(x, TextAnalysis.Words);
                return wordsOfB.Any(wordsOfY => SameEntity(wordsOfX, wordsOfY));
            })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var smaller = Math.Min(a.Count, b.Count);
        return shared.Count == 0 ? (-0.5, shared) : (Math.Min(1.0, (double)shared.Count / smaller), shared);
    }

    /// <summary>"Putin" and "Vladimir Putin" are one entity: all words of the shorter name appear in the longer.</summary>
    private static bool SameEntity(List<string> wx, List<string> wy)
    {
        if (wx.Count == 0 || wy.Count == 0)
        {
            return false;
        }

        var (shorter, longer) = wx.Count <= wy.Count ? (wx, wy) : (wy, wx);
        return shorter.All(w => longer.Contains(w, StringComparer.Ordinal));
    }

    internal static string? SharedMeasure(IReadOnlyList<QuantityFeature> a, IReadOnlyList<QuantityFeature> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (QuantityComparison.SameMeasure(x, y))
                {
                    var period = QuantityComparison.CanonicalPeriod(x.RatePeriod);
                    return QuantityComparison.CanonicalUnit(x.Unit) + (period is null ? string.Empty : " per " + period);
                }
            }
        }

        return null;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>One candidate's score and the parts it is made of.</summary>
    public sealed record CandidateScore(
        ClaimCandidate Candidate,
        double Total,
        double Entities,
        IReadOnlyList<string> SharedEntities,
        string? SharedMeasure)
    {
        /// <summary>Whether <see cref="Total"/> is the learned scorer's probability rather than the rule score.</summary>
        public bool Learned { get; init; }

        /// <summary>The rule score at the service's operating point (with the rule scorer, <see cref="Total"/>).</summary>
        public double Rule { get; init; }

        public string Explain()
        {
            var parts = new List<string> { $"cosine {F(Candidate.Cosine)}", $"lexical {F(Candidate.Lexical)}" };
            if (Learned)
            {
                parts.Insert(0, $"p(same claim) {F(Total)}");
            }

            if (SharedEntities.Count > 0)
            {
                parts.Add("shared entities: " + string.Join(", ", SharedEntities));
            }
            else if (Entities < 0)
            {
                parts.Add("no shared entity");
            }

            if (SharedMeasure is not null)
            {
                parts.Add("same measure: " + SharedMeasure);
            }

            return string.Join("; ", parts);
        }
    }
}
