using ClaimTracker.Analysis;
using ClaimTracker.Exports.Stix;

namespace ClaimTracker.Server.Taxii;

/// <summary>
/// A read-only TAXII collection of claims: every claim, or those whose latest change left them in one status. Ids are
/// fixed UUIDs (version 5, under the STIX exporter's namespace), so a platform configured with one keeps it.
/// </summary>
internal sealed record TaxiiCollection(string Id, string Alias, string Title, string Description, CorroborationStatus? Status)
{
    public static readonly IReadOnlyList<TaxiiCollection> All = [
        Of("claims", "All claims", "Every claim, with its statements, speakers, reports and attribution chains", null),
        Of("claims-uncorroborated", "Uncorroborated claims", "Claims supported by one independent origin",
            CorroborationStatus.Uncorroborated),
        Of("claims-corroborated", "Corroborated claims", "Claims supported by two or more independent origins, contradicted by none",
            CorroborationStatus.Corroborated),
        Of("claims-contested", "Contested claims", "Claims with independent origins on both sides", CorroborationStatus.Contested),
        Of("claims-contradicted", "Contradicted claims", "Claims only contradicted", CorroborationStatus.Contradicted),
    ];

    public bool Includes(TaxiiAddition addition) => Status is null || addition.Status == Status;

    /// <summary>The collection with this id or alias, or null.</summary>
    public static TaxiiCollection? Find(string idOrAlias) =>
        All.FirstOrDefault(c => string.Equals(c.Id, idOrAlias, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Alias, idOrAlias, StringComparison.Ordinal));

    private static TaxiiCollection Of(string alias, string title, string description, CorroborationStatus? status) =>
        new(StixIds.UuidV5(StixIds.Namespace, "taxii-collection:" + alias).ToString("D"), alias, title, description, status);
}
