using Microsoft.ML.Data;

namespace ClaimTracker.Matching;

/// <summary>
/// What the learned same-claim scorer sees of one retrieved candidate: the signals the rule score
/// uses (cosine, BM25, entity and quantity agreement), how this candidate compares with the other
/// candidates of the same statement (a paraphrase usually stands out; a rumour on the same topic
/// competes with its neighbours), word overlap in both directions and the texts' lengths.
/// Training (<c>tools/ClaimTracker.Training linking</c>) and inference compute them here, so the two
/// cannot drift apart.
/// </summary>
public static class LinkingFeatures
{
    public const int Count = 15;

    public static IReadOnlyList<string> Names { get; } =
    [
        "cosine", "lexical", "cosine_margin", "lexical_margin", "is_best_cosine", "entity_agreement", "shared_entities",
        "same_measure", "probe_terms_in_claim", "claim_terms_in_probe", "log_probe_words", "log_claim_words",
        "length_ratio", "cosine_x_lexical", "close_competitors",
    ];

    /// <summary>The features of every candidate, in the candidates' order.</summary>
    public static float[][] Of(StatementProbe probe, IReadOnlyList<ClaimCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidates);
        var probeTerms = TextAnalysis.Terms(probe.Text).ToHashSet(StringComparer.Ordinal);
        var probeWords = TextAnalysis.Words(probe.Text).Count;
        var rows = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var (otherCosine, otherLexical) = BestOther(candidates, i);
            var claimTerms = TextAnalysis.Terms(c.Claim.Text).ToHashSet(StringComparer.Ordinal);
            var shared = probeTerms.Count(claimTerms.Contains);
            var claimWords = TextAnalysis.Words(c.Claim.Text).Count;
            var (entities, sharedEntities) = ClaimMatcher.EntityOverlap(probe.Entities, c.Claim.Entities);
            rows[i] =
            [
                (float)c.Cosine,
                (float)c.Lexical,
                (float)(c.Cosine - otherCosine),
                (float)(c.Lexical - otherLexical),
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
            ];
        }

        return rows;
    }

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
