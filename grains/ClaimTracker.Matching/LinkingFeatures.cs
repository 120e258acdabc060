using Microsoft.ML.Data;

namespace ClaimTracker.Matching;

/// <summary>
/// What the learned same-claim scorer sees of one retrieved candidate: the signals the rule score
/// uses (cosine, BM25, entity and quantity agreement), how this candidate compares with the other
/// candidates of the same statement (a paraphrase usually stands out; a rumour on the same topic
/// competes with its neighbours), word overlap in both directions, the texts' lengths, and evidence that
/// does not depend on what else is stored: one side negated or denied, the statement a question, and
/// the share of the statement's word pairs the claim repeats.
/// The margins are taken over at least a background level (<see cref="BackgroundCosine"/>,
/// <see cref="BackgroundLexical"/>), so a nearly empty store does not make every candidate stand out.
/// Training (<c>tools/ClaimTracker.Training linking</c>) and inference compute them here, so the two
/// cannot drift apart.
/// </summary>
public static class LinkingFeatures
{
    public const int Count = 18;

    /// <summary>
    /// The cosine and lexical score the best unrelated claim reaches in a store of many topics (Emergent's
    /// 191 rumours): a margin is measured over the best other candidate or this, whichever is higher.
    /// </summary>
    public const double BackgroundCosine = 0.3;

    public const double BackgroundLexical = 0.1;

    /// <summary>
    /// The service's rule score (<c>cosine + 1.0 × lexical + 0.1 × entities + 0.05 × same measure</c>) and its join
    /// threshold, for the decision that takes the rules' join where they are confident
    /// (<see cref="MatcherOptions.RuleConfidentMargin"/>).
    /// </summary>
    public const double RuleLexicalWeight = 1.0;

    public const double RuleJoinThreshold = 0.84;

    public static IReadOnlyList<string> Names { get; } =
    [
        "cosine", "lexical", "cosine_margin", "lexical_margin", "is_best_cosine", "entity_agreement", "shared_entities",
        "same_measure", "probe_terms_in_claim", "claim_terms_in_probe", "log_probe_words", "log_claim_words",
        "length_ratio", "cosine_x_lexical", "close_competitors", "negation_mismatch", "probe_is_question",
        "shared_bigrams",
    ];

    /// <summary>
    /// The words of the claims compared last. A claim is a candidate of many statements on its topic, so its words are read
    /// once while it keeps coming back; a few thousand texts cover the claims a stream of reports keeps meeting.
    /// </summary>
    private static readonly RecentTextCache<ClaimText> ClaimTexts = new(capacity: 8_192, longestText: 1_000);

    /// <summary>The features of every candidate, in the candidates' order.</summary>
    public static float[][] Of(StatementProbe probe, IReadOnlyList<ClaimCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidates);
        var probeWordList = TextAnalysis.Words(probe.Text);
        var probeTerms = TextAnalysis.Terms(probeWordList).ToHashSet(StringComparer.Ordinal);
        var probeWords = probeWordList.Count;
        var probeNegated = Negated(probeWordList);
        var probeQuestion = probe.Text.TrimEnd().EndsWith('?') ? 1f : 0f;
        var probeBigrams = Bigrams(probeWordList);
        var rows = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var (otherCosine, otherLexical) = BestOther(candidates, i);
            var (claimWordList, claimTerms, claimNegated) = ClaimTexts.GetOrAdd(c.Claim.Text, ClaimText.Of);
            var shared = probeTerms.Count(claimTerms.Contains);
            var claimWords = claimWordList.Count;
            var (entities, sharedEntities) = ClaimMatcher.EntityOverlap(probe.Entities, c.Claim.Entities);
            rows[i] =
            [
                (float)c.Cosine,
                (float)c.Lexical,
                (float)(c.Cosine - Math.Max(otherCosine, BackgroundCosine)),
                (float)(c.Lexical - Math.Max(otherLexical, BackgroundLexical)),
                c.Cosine >= otherCosine ? 1f : 0f,
                (float)entities,
                sharedEntities.Count,
                ClaimMatcher.SharedMeasure(probe.Quantities, c.Claim.Quantities) is null ? 0f : 1f,
                probeTerms.Count == 0 ? 0f : (float)shared / probeTerms.Count,
                claimTerms.Count == 0 ? 0f : (float)shared / claimTerms.Count,
                MathF.Log(1 + probeWords),
                MathF.Log(1 + claimWords),
                Math.Max(probeWords, claimWords) == 0 ? 0f : (float)Math.Min(probeWords, claimWords) / Math.Max(probeWords, claimWords),
                (float)(c.Cosine * c.Lexical),
                CloseCompetitors(candidates, i),
                probeNegated == claimNegated ? 0f : 1f,
                probeQuestion,
                probeBigrams.Count == 0 ? 0f : (float)SharedBigrams(probeBigrams, claimWordList) / probeBigrams.Count,
            ];
        }

        return rows;
    }

    /// <summary>
    /// The rule score of <see cref="ClaimMatcher"/> at the service's operating point, from a candidate's scores, its entity
    /// agreement and whether it shares a measure with the statement.
    /// </summary>
    public static double RuleScore(ClaimCandidate candidate, double entities, bool sharedMeasure)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Cosine + (RuleLexicalWeight * candidate.Lexical) + (0.1 * entities) + (sharedMeasure ? 0.05 : 0);
    }

    /// <summary>
    /// Pairs of neighbouring words: a shared phrase ("military cooperation with North Korea") says more than the same
    /// words scattered over a sentence on the same topic.
    /// </summary>
    private static HashSet<(string, string)> Bigrams(IReadOnlyList<string> words)
    {
        var bigrams = new HashSet<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            bigrams.Add((words[i - 1], words[i]));
        }

        return bigrams;
    }

    /// <summary>How many of <paramref name="bigrams"/> occur in <paramref name="words"/> (each counted once).</summary>
    private static int SharedBigrams(HashSet<(string, string)> bigrams, IReadOnlyList<string> words)
    {
        HashSet<(string, string)>? found = null;
        for (var i = 1; i < words.Count; i++)
        {
            var pair = (words[i - 1], words[i]);
            if (bigrams.Contains(pair))
            {
                (found ??= []).Add(pair);
            }
        }

        return found?.Count ?? 0;
    }

    /// <summary>Whether the words hold a negation or a denial ("not", "never", "denied", "false").</summary>
    private static bool Negated(IReadOnlyList<string> words) =>
        StanceLexicon.FindFirst(words, StanceLexicon.Negation) is not null
        || StanceLexicon.FindFirst(words, StanceLexicon.Denial) is not null;

    /// <summary>
    /// How many other candidates come within 0.1 cosine of this one: a crowded topic, where one rumour is
    /// easily taken for another.
    /// </summary>
    private static float CloseCompetitors(IReadOnlyList<ClaimCandidate> candidates, int self)
    {
        var count = 0;
        for (var j = 0; j < candidates.Count; j++)
        {
            if (j != self && candidates[j].Cosine >= candidates[self].Cosine - 0.1)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The best cosine and lexical score among the other candidates (0 when there is none).</summary>
    private static (double Cosine, double Lexical) BestOther(IReadOnlyList<ClaimCandidate> candidates, int self)
    {
        double cosine = 0;
        double lexical = 0;
        for (var j = 0; j < candidates.Count; j++)
        {
            if (j != self)
            {
                cosine = Math.Max(cosine, candidates[j].Cosine);
                lexical = Math.Max(lexical, candidates[j].Lexical);
            }
        }

        return (cosine, lexical);
    }

    /// <summary>A claim text's words, its terms and whether it is negated, as the features read them.</summary>
    private sealed record ClaimText(IReadOnlyList<string> Words, IReadOnlySet<string> Terms, bool Negated)
    {
        public static ClaimText Of(string text)
        {
            var words = TextAnalysis.Words(text);
            return new ClaimText(words, TextAnalysis.Terms(words).ToHashSet(StringComparer.Ordinal), LinkingFeatures.Negated(words));
        }
    }
}

/// <summary>One (statement, candidate claim) pair as ML.NET reads it; <see cref="Label"/> is "same claim".</summary>
public sealed class LinkingExample
{
    [VectorType(LinkingFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>The calibrated probability that the pair states the same claim.</summary>
public sealed class SameClaimPrediction
{
    public float Probability { get; set; }
}
