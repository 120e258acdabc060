using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports;

/// <summary>
/// What an export is made of: claims with all their statements, and the actors and reports they
/// mention, keyed by id. Actors and reports are optional: a missing one is exported from what the
/// statements say about it (see the README's "Exports" section for the defaults).
/// </summary>
public sealed class ExportData
{
    public ExportData(IEnumerable<V1.Claim> claims, IEnumerable<V1.Actor>? actors = null, IEnumerable<V1.Report>? reports = null)
    {
        // One entry per id, first wins: a claim named twice is exported once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Claims = [.. claims.Where(c => seen.Add(c.ClaimId))];
        Actors = (actors ?? []).GroupBy(a => a.ActorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Reports = (reports ?? []).GroupBy(r => r.ReportId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The claims in the order given; each should carry all its statements.</summary>
    public IReadOnlyList<V1.Claim> Claims { get; }

    public IReadOnlyDictionary<string, V1.Actor> Actors { get; }

    public IReadOnlyDictionary<string, V1.Report> Reports { get; }

    public V1.Actor? Actor(string actorId) => actorId.Length > 0 && Actors.TryGetValue(actorId, out var actor) ? actor : null;

    public V1.Report? Report(string reportId) => reportId.Length > 0 && Reports.TryGetValue(reportId, out var report) ? report : null;
}
