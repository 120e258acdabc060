namespace ClaimTracker.Analysis.Reliability;

/// <summary>NATO/Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged.</summary>
public enum ReliabilityGrade
{
    Unspecified = 0,
    A = 1,
    B = 2,
    C = 3,
    D = 4,
    E = 5,
    F = 6,
}

/// <summary>
/// How the claims a source (an origin or an outlet) took a firm position on ended. A firm position is an asserted
/// (not hedged) statement that supports or contradicts the claim. It held up when the claim went the way the source
/// said and independent origins other than the source bear it out (a supported claim corroborated, a contradicted
/// claim contradicted); it failed when independent origins went the other way, or the source retracted it.
/// Superseded claims (replaced by a later figure) are shown but judged neither way; claims still open are not counted.
/// </summary>
public sealed record TrackRecord(int HeldUp, int Contradicted, int Retracted, int Superseded)
{
    public static readonly TrackRecord Empty = new(0, 0, 0, 0);

    /// <summary>Firm positions whose outcome is known: the sample size the grade rests on.</summary>
    public int Judged => HeldUp + Contradicted + Retracted;

    /// <summary>The share that held up, smoothed toward one half by one success and one failure (Laplace's rule).</summary>
    public double Rate => (HeldUp + 1.0) / (Judged + 2.0);

    public TrackRecord Add(TrackRecord other) =>
        new(HeldUp + other.HeldUp, Contradicted + other.Contradicted, Retracted + other.Retracted, Superseded + other.Superseded);
}

/// <summary>
/// The grade rule (also in docs/interop.md): fewer than <see cref="MinimumJudged"/> judged positions → F (cannot be
/// judged); otherwise by the smoothed rate <see cref="TrackRecord.Rate"/>: A ≥ 0.90 with at least
/// <see cref="MinimumJudgedForA"/> judged, B ≥ 0.75, C ≥ 0.55, D ≥ 0.35, else E. The thresholds are fixed by the
/// Admiralty words (A completely, B usually, C fairly, D not usually reliable, E unreliable), not fitted to data.
/// </summary>
public static class SourceReliability
{
    public const int MinimumJudged = 5;
    public const int MinimumJudgedForA = 20;

    public static ReliabilityGrade Grade(TrackRecord record)
    {
        if (record.Judged < MinimumJudged)
        {
            return ReliabilityGrade.F;
        }

        var rate = record.Rate;
        return rate switch
        {
            >= 0.90 when record.Judged >= MinimumJudgedForA => ReliabilityGrade.A,
            >= 0.75 => ReliabilityGrade.B,
            >= 0.55 => ReliabilityGrade.C,
            >= 0.35 => ReliabilityGrade.D,
            _ => ReliabilityGrade.E,
        };
    }

    /// <summary>How a claim that a source took a firm position on ended, from the source's side.</summary>
    public static TrackRecord Outcome(Stance stance, CorroborationStatus finalStatus, bool retracted, bool superseded)
    {
        if (retracted)
        {
            return new TrackRecord(0, 0, 1, 0);
        }

        if (superseded)
        {
            return new TrackRecord(0, 0, 0, 1);
        }

        return (stance, finalStatus) switch
        {
            (Stance.Supports, CorroborationStatus.Corroborated) => new TrackRecord(1, 0, 0, 0),
            (Stance.Supports, CorroborationStatus.Contradicted or CorroborationStatus.Contested) => new TrackRecord(0, 1, 0, 0),
            (Stance.Contradicts, CorroborationStatus.Contradicted) => new TrackRecord(1, 0, 0, 0),
            (Stance.Contradicts, CorroborationStatus.Corroborated) => new TrackRecord(0, 1, 0, 0),
            _ => TrackRecord.Empty,
        };
    }

    /// <summary>The Admiralty words for a grade.</summary>
    public static string Words(ReliabilityGrade grade) => grade switch
    {
        ReliabilityGrade.A => "completely reliable",
        ReliabilityGrade.B => "usually reliable",
        ReliabilityGrade.C => "fairly reliable",
        ReliabilityGrade.D => "not usually reliable",
        ReliabilityGrade.E => "unreliable",
        _ => "reliability cannot be judged",
    };
}
