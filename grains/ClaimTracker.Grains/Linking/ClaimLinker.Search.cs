using ClaimTracker.Analysis;
using ClaimTracker.Matching;

namespace ClaimTracker.Grains.Linking;

/// <summary>A claim close in meaning to a text: the linker's score and its parts.</summary>
public sealed record ClaimHit(string ClaimId, double Score, double Cosine, double Lexical, string Explanation);

/// <summary>
/// What linking a sentence would do, without doing it: the claim it would join (null: it would found one), the
/// matcher's score and reason, and the stance it would take towards that claim.
/// </summary>
public sealed record LinkPreview(string? ClaimId, double Score, string Reason, Stance Stance, string StanceReason);

/// <summary>The nearest claims to a text, best first, and what linking it would do.</summary>
public sealed record ClaimSearchResult(IReadOnlyList<ClaimHit> Hits, LinkPreview Preview);

public sealed partial class ClaimLinker
{
    /// <summary>Whether <see cref="SearchAsync"/> can answer: only semantic matching keeps an index of claims by meaning.</summary>
    public bool CanSearch => options.Mode == MatchingMode.Semantic;

    /// <summary>
    /// The claims nearest <paramref name="text"/> by the same hybrid retrieval (embeddings and BM25) and scoring that
    /// linking uses, best first, at most <paramref name="limit"/>; and the linking decision for it as a statement of
    /// a new report (asserted, no stance or claim given).
    /// </summary>
    public async Task<ClaimSearchResult> SearchAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        if (!CanSearch)
        {
            throw new InvalidOperationException("searching claims by meaning needs Matching:Mode=Semantic");
        }

        await RefreshAsync(cancellationToken);
        var embedding = (await Task.Run(() => encoder.Value.Encode([text]), cancellationToken))[0];
        var probe = new StatementProbe(text, embedding, Entities(text), QuantityReader.Read(text));
        var candidates = index.Search(probe, Math.Max(limit, options.Candidates));
        var hits = matcher.ScoreAll(probe, candidates)
            .OrderByDescending(score => score.Total)
            .Take(limit)
            .Select(score => new ClaimHit(
                score.Candidate.Claim.ClaimId, score.Total, score.Candidate.Cosine, score.Candidate.Lexical, score.Explain()))
            .ToList();

        var isFragment = TextAnalysis.Words(text).Count < options.FragmentWords;
        var decision = (isFragment ? fragmentMatcher : matcher).Decide(probe, candidates);
        if (decision.ClaimId is { } claimId && Find(claimId) is { } claim)
        {
            var statement = new LinkRequest(text, Modality.Asserted, false, Analysis.Stance.Unspecified, string.Empty, string.Empty);
            var stance = Stance(statement, probe, claim);
            return new ClaimSearchResult(hits, new LinkPreview(claimId, decision.Score, decision.Reason, stance.Stance, stance.Reason));
        }

        return new ClaimSearchResult(
            hits,
            new LinkPreview(null, decision.Score, decision.Reason, Analysis.Stance.Supports, "would found the claim and state it"));
    }
}
