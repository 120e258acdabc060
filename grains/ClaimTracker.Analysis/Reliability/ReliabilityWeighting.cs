using ClaimTracker.Analysis.Corroboration;

namespace ClaimTracker.Analysis.Reliability;

/// <summary>
/// Optional weighting of a claim's origins by their reliability grade (off by default; docs/interop.md). An origin
/// graded D (not usually reliable) counts half, E (unreliable) not at all; A–C count one, and so do F (cannot be
/// judged: no record yet) and origins without a grade, so a good record never lets one origin corroborate alone and a
/// new source is not held back. Over the weights, the default rules: corroborated when supporting origins weigh 2 or
/// more and no contradiction weighs; contested when both sides weigh; contradicted when only contradictions weigh.
/// </summary>
/// <param name="originGrade">The grade in force for an origin's actor id.</param>
public sealed class ReliabilityWeighting(Func<string, ReliabilityGrade> originGrade)
{
    private const double CorroboratingWeight = 2;

    public ReliabilityGrade GradeOf(string originId) => originGrade(originId);

    public static double Weight(ReliabilityGrade grade) => grade switch
    {
        ReliabilityGrade.D => 0.5,
        ReliabilityGrade.E => 0,
        _ => 1,
    };

    public static CorroborationStatus Status(double supporting, double contradicting) => (supporting, contradicting) switch
    {
        ( > 0, > 0) => CorroborationStatus.Contested,
        (0, > 0) => CorroborationStatus.Contradicted,
        ( >= CorroboratingWeight, 0) => CorroborationStatus.Corroborated,
        _ => CorroborationStatus.Uncorroborated,
    };
}
