using ClaimTracker.Analysis;
using ClaimTracker.EvaluationData;
using ClaimTracker.Matching;

namespace ClaimTracker.Training;

/// <summary>One featurised statement ⇄ claim pair with its gold stance, the rules' stance and its rumour.</summary>
internal sealed record StanceRow(float[] Features, Stance Gold, Stance RuleStance, string Group, string? BodyId)
{
    public bool IsFnc1 => BodyId is not null;

    /// <summary>The statement's text and the claim's, with their hints (embeddings included), to time inference.</summary>
    public (string Statement, string Claim, StanceHints Hints)? Pair { get; init; }
}

/// <summary>An FNC-1 pair with its relatedness signals and, when it has a body sentence, its stance row.</summary>
internal sealed record Fnc1PairFeatures(Fnc1Pair Pair, double MaxCosine, double Coverage, StanceRow? Row);

/// <summary>The stance training data, embedded (through the cache) and featurised once.</summary>
internal sealed record StanceData(List<StanceRow> Emergent, List<StanceRow> Fnc1Related, List<Fnc1PairFeatures> Fnc1Pairs, Fnc1Data Fnc1)
{
    /// <summary>The first sentences of an FNC-1 body searched for the one closest to the headline.</summary>
    public const int MaxSentences = 12;

    /// <param name="fnc1Folder">The FNC-1 folder, or null to train on Emergent alone.</param>
    public static StanceData Load(string emergentFolder, string? fnc1Folder, string? embeddingCache)
    {
        var articles = EmergentData.ReadArticles(emergentFolder);
        var fnc1 = fnc1Folder is null ? Fnc1Data.Empty : Fnc1Data.Read(fnc1Folder);
        var sentences = fnc1.Bodies.ToDictionary(b => b.Key, b => Sentences.Split(b.Value, MaxSentences), StringComparer.Ordinal);
        var bodyTerms = fnc1.Bodies
            .ToDictionary(b => b.Key, b => TextAnalysis.Terms(b.Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var encoder = new CachingEncoder(MiniLmEncoder.Shared, embeddingCache);
        var texts = articles.SelectMany(a => new[] { a.Headline, a.ClaimHeadline })
            .Concat(fnc1.Pairs.Select(p => p.Headline))
            .Concat(sentences.Values.SelectMany(s => s))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Console.WriteLine($"encoding {texts.Count} distinct texts (cached: {embeddingCache ?? "no cache file"})...");
        var vectors = encoder.Encode(texts);
        encoder.Save();
        var embedding = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            embedding[texts[i]] = vectors[i];
        }

        var emergent = articles.Select(a => Row(a.Headline, a.ClaimHeadline, EmergentStance(a.Stance), a.ClaimId, null, embedding))
            .ToList();
        var pairs = new List<Fnc1PairFeatures>(fnc1.Pairs.Count);
        foreach (var pair in fnc1.Pairs)
        {
            var h = embedding[pair.Headline];
            var coverage = Fnc1Scoring.Coverage(pair.Headline, bodyTerms[pair.BodyId]);
            var bodySentences = sentences[pair.BodyId];
            if (bodySentences.Count == 0)
            {
                pairs.Add(new Fnc1PairFeatures(pair, 0, coverage, null));
                continue;
            }

            var best = bodySentences.Select(s => (Text: s, Cosine: (double)VectorMath.Dot(h, embedding[s]))).MaxBy(x => x.Cosine);
            var group = fnc1.ClaimOfBody.GetValueOrDefault(pair.BodyId) ?? "fnc1-body:" + pair.BodyId;
            var row = Row(best.Text, pair.Headline, Fnc1Stance(pair.Stance), group, pair.BodyId, embedding);
            pairs.Add(new Fnc1PairFeatures(pair, best.Cosine, coverage, row));
        }

        var related = pairs.Where(p => p.Pair.Stance != "unrelated" && p.Row is not null).Select(p => p.Row!).ToList();
        return new StanceData(emergent, related, pairs, fnc1);
    }

    private static StanceRow Row(
        string statement,
        string claim,
        Stance gold,
        string group,
        string? bodyId,
        Dictionary<string, float[]> embedding)
    {
        var hints = StanceHints.FromEmbeddings(statement, claim, embedding[statement], embedding[claim]);
        var rules = StanceClassifier.ClassifyByRules(statement, claim, hints).Stance;
        return new StanceRow(StanceFeatures.Compute(statement, claim, hints), gold, rules, group, bodyId)
        {
            Pair = (statement, claim, hints),
        };
    }

    private static Stance EmergentStance(string label) => label switch
    {
        "for" => Stance.Supports,
        "against" => Stance.Contradicts,
        "observing" => Stance.Observing,
        _ => throw new InvalidDataException($"unknown Emergent stance '{label}'"),
    };

    /// <summary>FNC-1 → stance; unrelated pairs get Unspecified (they are never stance rows).</summary>
    private static Stance Fnc1Stance(string label) => label switch
    {
        "agree" => Stance.Supports,
        "disagree" => Stance.Contradicts,
        "discuss" => Stance.Observing,
        _ => Stance.Observing,
    };
}
