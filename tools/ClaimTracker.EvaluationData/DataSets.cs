namespace ClaimTracker.EvaluationData;

/// <summary>One Emergent article headline and its rumour (emergent_articles.csv).</summary>
/// <param name="Stance">for / against / observing.</param>
/// <param name="Truth">The rumour's final verdict: true / false / unknown.</param>
public sealed record EmergentArticle(string ClaimId, string ClaimHeadline, string Headline, string Stance, string Truth);

/// <summary>One FNC-1 (headline, body) pair; <paramref name="Stance"/> is agree / disagree / discuss / unrelated.</summary>
public sealed record Fnc1Pair(string Headline, string BodyId, string Stance);

/// <summary>FNC-1 training data: bodies, pairs, and the Emergent rumour of each body where known.</summary>
public sealed record Fnc1Data(
    IReadOnlyDictionary<string, string> Bodies,
    IReadOnlyList<Fnc1Pair> Pairs,
    IReadOnlyDictionary<string, string> ClaimOfBody)
{
    public const string BodiesFile = "train_bodies.csv";
    public const string StancesFile = "train_stances.csv";
    public const string ClaimMapFile = "fnc1_body_claim_map_train.csv";

    /// <summary>No FNC-1 data at all.</summary>
    public static Fnc1Data Empty { get; } = new(new Dictionary<string, string>(), [], new Dictionary<string, string>());

    public static Fnc1Data Read(string folder)
    {
        var bodies = Csv.Read(Path.Combine(folder, BodiesFile))
            .ToDictionary(r => r["Body ID"], r => r["articleBody"], StringComparer.Ordinal);
        var pairs = Csv.Read(Path.Combine(folder, StancesFile)).Select(r => new Fnc1Pair(r["Headline"], r["Body ID"], r["Stance"]))
            .ToList();
        var map = File.Exists(Path.Combine(folder, ClaimMapFile))
            ? Csv.Read(Path.Combine(folder, ClaimMapFile))
                .Where(r => r["emergent_claimId"].Length > 0)
                .ToDictionary(r => r["Body ID"], r => r["emergent_claimId"], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new Fnc1Data(bodies, pairs, map);
    }

    /// <summary>The hold-out bodies of the <c>fnc1</c> evaluation: a seeded shuffle of the body ids, the first fraction.</summary>
    public HashSet<string> HoldoutBodies(double fraction, int seed)
    {
        var ids = Bodies.Keys.Order(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var shuffled = ids.OrderBy(_ => random.Next()).ToList();
        return shuffled.Take((int)Math.Round(fraction * ids.Count)).ToHashSet(StringComparer.Ordinal);
    }
}

public static class EmergentData
{
    public const string ArticlesFile = "emergent_articles.csv";

    public static List<EmergentArticle> ReadArticles(string folder) =>
        Csv.Read(Path.Combine(folder, ArticlesFile))
            .Select(r => new EmergentArticle(
                r["claimId"],
                r["claimHeadline"],
                r["articleHeadline"],
                r["articleHeadlineStance"],
                r["claimTruth"]))
            .ToList();
}
