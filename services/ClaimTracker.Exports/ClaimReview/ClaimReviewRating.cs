using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.ClaimReview;

/// <summary>A schema.org Rating on a 1 (worst) … 5 (best) scale.</summary>
public sealed record ClaimReviewRating(int Value, string Name)
{
    public const int Worst = 1;
    public const int Best = 5;

    /// <summary>
    /// The rating for a claim's corroboration status. The number follows the Admiralty grade the
    /// status carries (6 − grade), so the scale reads the way fact-checkers' 1 = false … 5 = true
    /// scales do; the words say what ClaimTracker actually measured, which is independent
    /// corroboration, not truth:
    /// CORROBORATED (grade 1) → 5 "Corroborated"; UNCORROBORATED with one origin (grade 3) → 3
    /// "Uncorroborated"; UNCORROBORATED with no firm statement (grade 6, cannot be judged) → 3
    /// "Unverified"; CONTESTED (grade 4) → 2 "Contested"; CONTRADICTED (grade 5) → 1 "Contradicted".
    /// </summary>
    public static ClaimReviewRating For(V1.CorroborationStatus status, int credibility) => status switch
    {
        V1.CorroborationStatus.Corroborated => new(5, "Corroborated"),
        V1.CorroborationStatus.Contested => new(2, "Contested"),
        V1.CorroborationStatus.Contradicted => new(1, "Contradicted"),
        V1.CorroborationStatus.Uncorroborated when credibility is >= 1 and <= 5 => new(3, "Uncorroborated"),
        _ => new(3, "Unverified"),
    };
}
