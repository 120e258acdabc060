namespace ClaimTracker.Grains.Reports;

/// <summary>
/// A report as stored: written once before its statements fan out (so a crash mid-way is resumed by
/// the client's retry) and again when every statement has landed.
/// </summary>
[GenerateSerializer, Alias("ct.ReportState")]
public sealed class ReportState
{
    [Id(0)] public required ReportRecord Report { get; init; }

    /// <summary>SHA-256 of the submission: the same report_id with other content is a conflict.</summary>
    [Id(1)] public required string Fingerprint { get; init; }

    [Id(2)] public required StatementRecord[] Statements { get; init; }

    [Id(3)] public StatementOutcomeRecord[] Outcomes { get; set; } = [];

    [Id(4)] public bool Completed { get; set; }

    /// <summary>Actor activities to record, one per actor mentioned by the report.</summary>
    [Id(5)] public required ActorActivityPlan[] Actors { get; init; }
}

[GenerateSerializer, Immutable, Alias("ct.ActorActivityPlan")]
public sealed record ActorActivityPlan([property: Id(0)] string ActorId, [property: Id(1)] ActorActivity Activity);
