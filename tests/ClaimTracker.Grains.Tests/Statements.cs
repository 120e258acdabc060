using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Tests;

internal static class Statements
{
    public static StatementRecord Make(
        string claimId,
        string statementId,
        string origin,
        Stance stance = Stance.Supports,
        string source = "Outlet") => new()
    {
        StatementId = statementId,
        ReportId = "report-" + statementId,
        ClaimId = claimId,
        ActorId = "a-" + origin.ToLowerInvariant().Replace(' ', '-'),
        Speaker = origin,
        Content = "The reservoir is empty",
        OriginActorId = "a-" + origin.ToLowerInvariant().Replace(' ', '-'),
        OriginName = origin,
        Source = source,
        SourceActorId = "a-" + source.ToLowerInvariant(),
        Stance = stance,
        Modality = Modality.Asserted,
        RecordedAt = DateTimeOffset.UtcNow,
    };

    public static ReportSubmission Report(
        string reportId,
        string source,
        string speaker,
        string content,
        string claimId = "",
        Stance stance = Stance.Unspecified) =>
        new(
            reportId,
            source,
            "https://example.org/" + reportId,
            new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero),
            content,
            string.Empty,
            [new StatementSubmission(speaker, content, string.Empty, [], stance, Modality.Unspecified, claimId)]);
}
