namespace ClaimTracker.Grains.Reports;

/// <summary>
/// A report as stored: written before its statements fan out (so a crash mid-way is resumed by the
/// client's retry), and again only when a correction changes it.
/// </summary>
[GenerateSerializer, Alias("ct.ReportState")]
public sealed class ReportState
{
    [Id(0)] public required ReportRecord Report { get; set; }

    /// <summary>SHA-256 of the submission: the same report_id with other content is a conflict.</summary>
    [Id(1)] public required string Fingerprint { get; set; }

    /// <summary>The current revision's statements.</summary>
    [Id(2)] public required StatementRecord[] Statements { get; set; }

    [Id(3)] public StatementOutcomeRecord[] Outcomes { get; set; } = [];

    /// <summary>Every statement is on its claim and <see cref="Outcomes"/> holds their outcomes. Known only once linked in
    /// this activation: older databases stored it; a report read back without it is found whole by linking it again.</summary>
    [Id(4)] public bool Completed { get; set; }

    /// <summary>Actor activities to record, one per actor mentioned by the report.</summary>
    [Id(5)] public required ActorActivityPlan[] Actors { get; init; }

    /// <summary>The fingerprints of earlier revisions: registering one of them again changes nothing.</summary>
    [Id(6)] public string[] EarlierFingerprints { get; set; } = [];

    /// <summary>The corrections already carried out (their ids), so a retried one changes nothing.</summary>
    [Id(7)] public string[] AppliedCorrections { get; set; } = [];

    /// <summary>Statements an analyst relinked: statement id → the claim it is on now.</summary>
    [Id(8)] public Dictionary<string, string> MovedStatements { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim a statement of this report is on now.</summary>
    public string ClaimOf(StatementRecord statement) => MovedStatements.GetValueOrDefault(statement.StatementId, statement.ClaimId);
}

[GenerateSerializer, Immutable, Alias("ct.ActorActivityPlan")]
public sealed record ActorActivityPlan([property: Id(0)] string ActorId, [property: Id(1)] ActorActivity Activity);
