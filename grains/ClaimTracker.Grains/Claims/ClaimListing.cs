using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Claims;

/// <summary>What a claim write puts in the list tables: the claim's sort and filter keys, and a row per statement.</summary>
internal static class ClaimListing
{
    public static ClaimListKeys Keys(ClaimSummary summary) => new(
        summary.FirstReportedAt,
        summary.Credibility,
        summary.SupportingOrigins.Union(summary.ContradictingOrigins, StringComparer.Ordinal).Count(),
        summary.StatementCount);

    public static StatementRow Row(StatementRecord statement, PayloadSerializer serializer) => new(
        statement.StatementId,
        statement.ReportId,
        statement.ActorId,
        statement.OriginActorId,
        statement.SourceActorId,
        (int)statement.Stance,
        statement.PublishedAt,
        serializer.Serialize(statement));
}
