using System.Globalization;
using ClaimTracker.Matching;
using ClaimTracker.EvaluationData;

namespace ClaimTracker.Training.Linking;

/// <summary>Clusters of article headlines after a replay: the gold rumour and the predicted claim of each article, and its fold.</summary>
public sealed record LinkingOutcome(IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted, IReadOnlyList<int> Folds)
{
    public (double Precision, double Recall, double F1) BCubedScore(int? fold = null) =>
        BCubed.Score(Gold, Predicted, i => fold is null || Folds[i] == fold);
}

/// <summary>
/// The linker's online process over a stream of events, as <c>ClaimLinker</c> runs it: each statement
/// joins the best retrieved candidate at or above the threshold or founds a new claim; a statement that
/// joins is indexed as one more phrasing of its claim (up to <see cref="PhrasingsPerClaim"/>); a
/// fragment joins nothing below <see cref="FragmentMinCosine"/> cosine. Service defaults throughout.
/// </summary>
public static class LinkingReplay
{
    public const int Candidates = 10;
    public const int PhrasingsPerClaim = 12;
    public const int FragmentWords = 6;
    public const double FragmentMinCosine = 0.6;

    /// <summary>Articles of each neighbouring rumour stored beside its headline in a one-topic store.</summary>
    public const int TopicNeighbourPhrasings = 2;

    /// <summary>
    /// Training pairs: every event's retrieved candidates, labelled by whether the candidate is the event's
    /// own rumour, with the index grown as if every earlier statement had been linked correctly (the rumour
    /// id is the claim id), so candidates are what the linker retrieves when it has done its job so far.
    /// </summary>
    public static List<LinkingExample> Pairs(IEnumerable<LinkEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var index = new ClaimIndex(shardCount: 4);
        var examples = new List<LinkingExample>();
        foreach (var e in events)
        {
            SearchThenIndex(index, e, examples);
        }

        return examples;
    }

    /// <summary>One event's training pairs from what <paramref name="index"/> retrieves for it, then the event indexed as
    /// one more phrasing of its rumour (up to <see cref="PhrasingsPerClaim"/>), as a correct linker would.</summary>
    private static void SearchThenIndex(ClaimIndex index, LinkEvent e, List<LinkingExample> examples)
    {
        var candidates = index.Search(e.Probe, Candidates);
        var features = LinkingFeatures.Of(e.Probe, candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            examples.Add(new LinkingExample { Features = features[i], Label = candidates[i].Claim.ClaimId == e.Rumour });
        }

        if (index.PhrasingCount(e.Rumour) < PhrasingsPerClaim)
        {
            index.Add(Entry(e.Rumour, e.Probe));
        }
    }

    /// <summary>
    /// Training pairs from small one-topic stores, the situation of an article's follow-ups against the claims of
    /// one earlier article: for each rumour, a store holding only its own headline and the headlines (and first
    /// articles) of the <paramref name="neighbours"/> rumours closest to it by cosine; its articles are then
    /// searched in order, each indexed as one more phrasing of its rumour. In such a store every candidate is on
    /// the topic and there are few of them, so the model learns what a margin means when the store is not crowded.
    /// </summary>
    public static List<LinkingExample> TopicPairs(IReadOnlyList<LinkEvent> events, int neighbours)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rumours = events.GroupBy(e => e.Rumour, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var examples = new List<LinkingExample>();
        foreach (var rumour in rumours)
        {
            var seed = rumour[0].Probe.Embedding;
            var near = rumours.Where(r => r[0].Rumour != rumour[0].Rumour)
                .OrderByDescending(r => VectorMath.Dot(seed, r[0].Probe.Embedding))
                .ThenBy(r => r[0].Rumour, StringComparer.Ordinal)
                .Take(neighbours);
            using var index = new ClaimIndex(shardCount: 1);
            index.Add(Entry(rumour[0].Rumour, rumour[0].Probe));
            foreach (var other in near)
            {
                foreach (var e in other.Take(1 + TopicNeighbourPhrasings))
                {
                    index.Add(Entry(e.Rumour, e.Probe));
                }
            }

            foreach (var e in rumour.Skip(1))
            {
                SearchThenIndex(index, e, examples);
            }
        }

        return examples;
    }

    /// <summary>Replays the events into one empty index, each decided by the matcher <paramref name="matcherFor"/> gives it.</summary>
    public static LinkingOutcome Run(IReadOnlyList<LinkEvent> events, Func<LinkEvent, ClaimMatcher> matcherFor)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(matcherFor);
        using var index = new ClaimIndex(shardCount: 4);
        var gold = new List<string>();
        var predicted = new List<string>();
        var folds = new List<int>();
        var founded = 0;
        foreach (var e in events)
        {
            var matcher = matcherFor(e);
            if (TextAnalysis.Words(e.Probe.Text).Count < FragmentWords)
            {
                matcher = new ClaimMatcher(matcher.Options with { MinCosine = FragmentMinCosine });
            }

            var claimId = matcher.Decide(e.Probe, index.Search(e.Probe, Candidates)).ClaimId;
            if (claimId is null)
            {
                claimId = "c" + (++founded).ToString(CultureInfo.InvariantCulture);
                index.Add(Entry(claimId, e.Probe));
            }
            else if (index.PhrasingCount(claimId) < PhrasingsPerClaim)
            {
                index.Add(Entry(claimId, e.Probe));
            }

            if (!e.Seed)
            {
                gold.Add(e.Rumour);
                predicted.Add(claimId);
                folds.Add(e.Fold);
            }
        }

        return new LinkingOutcome(gold, predicted, folds);
    }

    private static ClaimEntry Entry(string claimId, StatementProbe probe) =>
        new(claimId, probe.Text, probe.Embedding, probe.Entities, probe.Quantities);
}
