namespace ClaimTracker.Analysis.Corroboration;

/// <summary>A claim's corroboration, with the reasons an analyst can check.</summary>
/// <param name="Credibility">NATO/Admiralty information credibility, 1 (confirmed) … 6 (cannot be judged).</param>
public sealed record Assessment(
    CorroborationStatus Status,
    int Credibility,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> SupportingOrigins,
    IReadOnlyList<string> ContradictingOrigins)
{
    public static Assessment Empty { get; } = new(
        CorroborationStatus.Uncorroborated, AdmiraltyCredibility.CannotBeJudged, ["no statements yet"], [], []);
}

/// <summary>The information-credibility half of the NATO/Admiralty grading system.</summary>
public static class AdmiraltyCredibility
{
    public const int Confirmed = 1;
    public const int ProbablyTrue = 2;
    public const int PossiblyTrue = 3;
    public const int Doubtful = 4;
    public const int Improbable = 5;
    public const int CannotBeJudged = 6;

    public static string Describe(int grade) => grade switch
    {
        Confirmed => "confirmed by other independent sources",
        ProbablyTrue => "probably true",
        PossiblyTrue => "possibly true",
        Doubtful => "doubtful",
        Improbable => "improbable",
        _ => "truth cannot be judged",
    };
}
