using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.Matching;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>
/// <c>emergent-headlines</c>: stance of each article headline towards its rumour's headline, and linking
/// of all headlines (rumour headlines and article headlines, in logging order) into one claim index.
/// Rumours are split in two halves by a hash of their id: the matcher's defaults were tuned on the
/// "tune" half (<c>--sweep</c> repeats that search); figures are printed for both halves and overall.
/// The stance rules have no fitted parameters; their word lists were written from the published
/// refuting/hedging lists and checked against the tune half only.
/// </summary>
internal static class Emergent
{
    private static readonly string[] StanceLabels = ["for", "against", "observing"];
    private static bool ShowWrongJoins;

    public static int Run(Arguments args)
    {
        var folder = args.Positional(1, "path-to-emergent-dev");
        ShowWrongJoins = args.Flag("show-wrong-joins");
        var articles = Csv.Read(Path.Combine(folder, "emergent_articles.csv"));
        var rumours = Csv.Read(Path.Combine(folder, "emergent_claims.csv"));
        var encoder = new CachingEncoder(MiniLmEncoder.Shared, args.Option("embedding-cache"));
        var texts = articles.Select(a => a["articleHeadline"]).Concat(rumours.Select(r => r["claimHeadline"])).ToList();
        var vectors = encoder.Encode(texts);
        encoder.Save();
        var embedding = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            embedding[texts[i]] = vectors[i];
        }

        Console.WriteLine($"Emergent: {rumours.Count} rumours, {articles.Count} articles; halves by hash of claimId: tune = " +
            $"{rumours.Count(r => !Split.IsHoldout(r["claimId"]))} rumours, holdout = {rumours.Count(r => Split.IsHoldout(r["claimId"]))}");
        ReportStance(articles, embedding, args.Flag("verbose"));

        var options = MatcherOptions.Default;
        var phrasings = !args.Flag("no-phrasings");
        if (args.Flag("sweep"))
        {
            options = Sweep(articles, rumours, embedding, phrasings);
        }

        Console.WriteLine($"Linking (matcher: join ≥ {options.JoinThreshold:0.00}, weights cosine {options.CosineWeight}, lexical " +
            $"{options.LexicalWeight}, entity {options.EntityWeight}, quantity {options.QuantityWeight}; joined statements indexed as " +
                $"phrasings: {(phrasings ? "yes" : "no")}; B-cubed over articles; each half replayed into its own empty index):");
        foreach (var (name, holdout) in new (string, bool?)[] { ("tune half", false), ("holdout half", true), ("all rumours", null) })
        {
            var (p, r, f, claims) = Link(articles, rumours, embedding, options, holdout, phrasings);
            Console.WriteLine($"  {name,-13} precision {p:0.000}  recall {r:0.000}  F1 {f:0.000}  ({claims} claims founded)");
        }

        return 0;
    }

    private static void ReportStance(List<Dictionary<string, string>> articles, Dictionary<string, float[]> embedding, bool verbose)
    {
        var halves = new Dictionary<string, Confusion> {
            ["tune half"] = new(StanceLabels),
            ["holdout half"] = new(StanceLabels),
            ["all rumours"] = new(StanceLabels) };
        foreach (var a in articles)
        {
            var statement = a["articleHeadline"];
            var claim = a["claimHeadline"];
            var similarity = VectorMath.Dot(embedding[statement], embedding[claim]);
            var decision = StanceClassifier.Classify(statement, claim, StanceHints.FromText(statement, claim, similarity));
            var predicted = Label(decision.Stance);
            var gold = a["articleHeadlineStance"];
            halves[Split.IsHoldout(a["claimId"]) ? "holdout half" : "tune half"].Add(gold, predicted);
            halves["all rumours"].Add(gold, predicted);
            if (verbose && gold != predicted && !Split.IsHoldout(a["claimId"]))
            {
                Console.WriteLine($"  [{gold}→{predicted}] {statement}  ||  {claim}  ||  {decision.Reason}");
            }
        }

        Console.WriteLine(
            "Stance of article headlines towards the rumour headline (SUPPORTS=for, CONTRADICTS=against, OBSERVING/QUERIES=observing):");
        foreach (var (name, confusion) in halves)
        {
            Console.WriteLine($"  {name}: accuracy {confusion.Accuracy:0.000} ({confusion.Correct}/{confusion.Total})");
        }

        Console.Write(Indent(halves["all rumours"].ToString()));
    }

    private static MatcherOptions Sweep(
        List<Dictionary<string, string>> articles,
        List<Dictionary<string, string>> rumours,
        Dictionary<string, float[]> embedding,
        bool phrasings)
    {
        Console.WriteLine("Sweep on the tune half (B-cubed F1):");
        var best = MatcherOptions.Default;
        var bestF1 = -1.0;
        foreach (var lexical in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            var line = new List<string>();
            for (var threshold = 0.40; threshold <= 1.001; threshold += 0.04)
            {
                var options = MatcherOptions.Default with { LexicalWeight = lexical, JoinThreshold = Math.Round(threshold, 2) };
                var (_, _, f1, _) = Link(articles, rumours, embedding, options, holdout: false, phrasings);
                line.Add($"{threshold:0.00}:{f1:0.000}");
                if (f1 > bestF1)
                {
                    bestF1 = f1;
                    best = options;
                }
            }

            Console.WriteLine($"  lexical weight {lexical}: " + string.Join(' ', line));
        }

        Console.WriteLine(
            $"  best on tune half: lexical weight {best.LexicalWeight}, join threshold {best.JoinThreshold:0.00}, F1 {bestF1:0.000}");
        return best;
    }

    /// <summary>Replays rumour and article headlines in logging order through one index; B-cubed over articles.</summary>
    private static (double Precision, double Recall, double F1, int Claims) Link(
        List<Dictionary<string, string>> articles,
        List<Dictionary<string, string>> rumours,
        Dictionary<string, float[]> embedding,
        MatcherOptions options,
        bool? holdout,
        bool phrasings)
    {
        bool Selected(string claimId) => holdout is null || Split.IsHoldout(claimId) == holdout;
        var events = rumours.Where(r => Selected(r["claimId"]))
            .Select(r => (Time: Time(r["claim_logged_utc"]), Seed: true, Gold: r["claimId"], Text: r["claimHeadline"]))
            .Concat(articles.Where(a => Selected(a["claimId"]))
                .Select(a => (Time: Time(a["article_logged_utc"]), Seed: false, Gold: a["claimId"], Text: a["articleHeadline"])))
            .OrderBy(e => e.Time).ThenBy(e => e.Seed ? 0 : 1)
            .ToList();
        using var index = new ClaimIndex(shardCount: 4);
        var matcher = new ClaimMatcher(options);
        var gold = new List<string>();
        var predicted = new List<string>();
        var founded = 0;
        var goldOfClaim = new Dictionary<string, string>(StringComparer.Ordinal);
        var claimText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var probe = new StatementProbe(e.Text, embedding[e.Text], [], QuantityReader.Read(e.Text));
            var decision = matcher.Decide(probe, index.Search(probe, 10));
            var claimId = decision.ClaimId;
            if (claimId is null)
            {
                claimId = "c" + (++founded).ToString(CultureInfo.InvariantCulture);
                goldOfClaim[claimId] = e.Gold;
                claimText[claimId] = e.Text;
                index.Add(new ClaimEntry(claimId, e.Text, probe.Embedding, probe.Entities, probe.Quantities));
            }
            else if (phrasings)
            {
                index.Add(new ClaimEntry(claimId, e.Text, probe.Embedding, probe.Entities, probe.Quantities));
            }

            if (ShowWrongJoins && decision.ClaimId is not null && goldOfClaim[decision.ClaimId] != e.Gold)
            {
                Console.WriteLine($"  wrong join: {e.Text}  →  [{claimText[decision.ClaimId]}]  {decision.Reason}");
            }

            if (!e.Seed)
            {
                gold.Add(e.Gold);
                predicted.Add(claimId);
            }
        }

        var (p, r, f) = BCubed.Score(gold, predicted);
        return (p, r, f, founded);
    }

    private static DateTime Time(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static string Label(Stance stance) => stance switch
    {
        Stance.Supports => "for",
        Stance.Contradicts => "against",
        _ => "observing",
    };

    private static string Indent(string text)
        => string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(l => "    " + l.TrimEnd())) + Environment.NewLine;
}
