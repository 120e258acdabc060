using System.Globalization;
using ClaimTracker.Matching;
using ClaimTracker.EvaluationData;

namespace ClaimTracker.Training.Linking;

/// <summary>One text the linker sees: a rumour's own headline (<see cref="Seed"/>) or an article headline about it.</summary>
public sealed record LinkEvent(string Rumour, bool Seed, StatementProbe Probe, int Fold);

/// <summary>
/// Emergent as the service's replay feeds it (<c>ClaimTracker.MatchingEvaluation emergent</c>): rumours in
/// the order they were logged, each first its own headline, then its article headlines in logging order.
/// Each rumour belongs to one cross-validation fold, by a stable hash of its id: folds group by rumour,
/// never by article, so no rumour is both trained on and scored.
/// </summary>
public static class LinkingEvents
{
    public static List<LinkEvent> FromEmergent(string articlesCsv, ISentenceEncoder encoder, int folds)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var rumours = Csv.Read(articlesCsv).GroupBy(r => r["claimId"], StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Headline: g.First()["claimHeadline"], Logged: g.First()["claim_logged_utc"],
                Articles: g.OrderBy(r => int.Parse(r["article_seq_in_claim"], CultureInfo.InvariantCulture))
                    .Select(r => r["articleHeadline"]).Where(h => h.Length > 0).ToList()))
            .OrderBy(r => r.Logged, StringComparer.Ordinal)
            .ToList();
        var texts = rumours.SelectMany(r => r.Articles.Prepend(r.Headline)).ToList();
        var vectors = encoder.Encode(texts);
        var events = new List<LinkEvent>(texts.Count);
        var next = 0;
        foreach (var rumour in rumours)
        {
            var fold = FoldOf(rumour.Id, folds);
            foreach (var (text, seed) in rumour.Articles.Select(a => (a, false)).Prepend((rumour.Headline, true)))
            {
                var probe = new StatementProbe(text, vectors[next++], NamedEntities.Read(text), QuantityReader.Read(text));
                events.Add(new LinkEvent(rumour.Id, seed, probe, fold));
            }
        }

        return events;
    }

    /// <summary>A stable fold of a rumour id (FNV-1a, not the per-process string hash).</summary>
    public static int FoldOf(string id, int folds)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)folds);
    }
}
