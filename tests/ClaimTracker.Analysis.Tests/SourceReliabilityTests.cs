using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Reliability;

namespace ClaimTracker.Analysis.Tests;

public sealed class SourceReliabilityTests
{
    [Theory]
    [InlineData(0, 0, ReliabilityGrade.F)]
    [InlineData(4, 0, ReliabilityGrade.F)]
    [InlineData(19, 0, ReliabilityGrade.B)]
    [InlineData(20, 0, ReliabilityGrade.A)]
    [InlineData(6, 0, ReliabilityGrade.B)]
    [InlineData(4, 1, ReliabilityGrade.C)]
    [InlineData(6, 6, ReliabilityGrade.D)]
    [InlineData(1, 6, ReliabilityGrade.E)]
    public void Grades_follow_the_written_rule(int heldUp, int contradicted, ReliabilityGrade expected) =>
        Assert.Equal(expected, SourceReliability.Grade(new TrackRecord(heldUp, contradicted, 0, 0)));

    [Fact]
    public void Retractions_count_against_and_superseded_claims_are_not_judged()
    {
        Assert.Equal(ReliabilityGrade.D, SourceReliability.Grade(new TrackRecord(6, 3, 3, 0)));
        Assert.Equal(ReliabilityGrade.F, SourceReliability.Grade(new TrackRecord(2, 0, 0, 10)));
    }

    [Fact]
    public void Outcomes_score_a_firm_position_against_how_the_claim_ended()
    {
        Assert.Equal(1, SourceReliability.Outcome(Stance.Supports, CorroborationStatus.Corroborated, false, false).HeldUp);
        Assert.Equal(1, SourceReliability.Outcome(Stance.Supports, CorroborationStatus.Contested, false, false).Contradicted);
        Assert.Equal(1, SourceReliability.Outcome(Stance.Contradicts, CorroborationStatus.Contradicted, false, false).HeldUp);
        Assert.Equal(1, SourceReliability.Outcome(Stance.Contradicts, CorroborationStatus.Corroborated, false, false).Contradicted);
        Assert.Equal(0, SourceReliability.Outcome(Stance.Supports, CorroborationStatus.Uncorroborated, false, false).Judged);
        Assert.Equal(1, SourceReliability.Outcome(Stance.Supports, CorroborationStatus.Corroborated, true, false).Retracted);
        Assert.Equal(1, SourceReliability.Outcome(Stance.Supports, CorroborationStatus.Corroborated, false, true).Superseded);
    }
}
