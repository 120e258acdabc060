using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClaimTracker.Extraction;
using ClaimTracker.Extraction.Attribution.Ranking;
using Microsoft.ML;

namespace ClaimTracker.Evaluation;

/// <summary>
/// Trains the learned attribution filter on PolNeAR's train split only: every rule candidate is labelled by whether its cue
/// overlaps a gold cue; k-fold cross-validation grouped by article decides the threshold; the final model is trained on all
/// of train and written with its manifest into the extraction library. The dev split is never read.
/// </summary>
internal static class TrainAttributionCommand
{
    private const string Split = "train";

    public static int Run(string root, string outputDir, int folds, string commit, AttributionFilterOptions options, TextWriter output,
        string? candidatesPath = null)
    {
        var clock = Stopwatch.StartNew();
        var textDir = Path.Combine(root, Split, "text");
        var annDir = Path.Combine(root, Split, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
        {
            throw new IOException($"no {Split}/text and {Split}/attributions under {root}");
        }

        if (folds < 2)
        {
            throw new FormatException("--folds must be at least 2");
        }

        var articles = ReadArticles(textDir, annDir);
        var goldCues = articles.Sum(a => a.GoldCues);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PolNeAR {Split}: {articles.Count} articles, {goldCues:F1} gold cues, {clock.Elapsed.TotalSeconds:F1} s"));

        // The cue-word rates are counted on the training folds only, like the model: they choose which words the loose pass
        // tries as cues and are features of the filter, so each fold's candidates are found again with its own rates.
        var foldModels = new List<ITransformer>();
        var foldRates = new List<CueWordRates>();
        var held = new Labelled[articles.Count];
        var heldScores = new float[articles.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            var trainingArticles = articles.Where((_, a) => a % folds != fold).ToList();
            var rates = CueWordRates.Count(trainingArticles.Select(a => (a.Text, a.Cues)));
            foldRates.Add(rates);
            var training = trainingArticles.SelectMany(a => Candidates(a, rates).Examples).ToList();
            var model = AttributionFilterTrainer.Train(training, options, out _);
            foldModels.Add(model);
            for (var a = fold; a < articles.Count; a += folds)
            {
                held[a] = Candidates(articles[a], rates);
                heldScores[a] = AttributionFilterTrainer.Score(model, held[a].Examples);
            }

            output.WriteLine($"fold {fold + 1}/{folds} done, {clock.Elapsed.TotalSeconds:F1} s");
        }

        var examples = held.SelectMany(h => h.Examples).ToList();
        var outOfFold = heldScores.SelectMany(s => s).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out candidates: {examples.Count} ({examples.Count(e => e.Label)} with a gold cue and source)"));
        if (candidatesPath is not null)
        {
            WriteCandidates(candidatesPath, articles, held, heldScores);
        }

        var labels = examples.Select(e => e.Label).ToArray();
        var looseFeature = Array.IndexOf(AttributionFeatures.Names, "loose-cue");
        var loose = examples.Select(e => e.Features[looseFeature] > 0).ToArray();
        var rules = Figures(labels, loose, outOfFold, 2, goldCues);
        var (proxyThreshold, filtered) = BestThreshold(labels, loose, outOfFold, goldCues);
        var auc = Auc(labels, outOfFold);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-validation ({folds} folds by article): AUC {auc:F3}; " +
            $"cue proxy P/R/F1 rules {rules.Precision:F3}/{rules.Recall:F3}/{rules.F1:F3}, " +
            $"with the loose candidates kept from {proxyThreshold:F2} {filtered.Precision:F3}/{filtered.Recall:F3}/{filtered.F1:F3}"));

        // The threshold is the one whose whole extraction on the held-out folds has the best mean of source and content F1
        // (the measures the filter is for); each fold is scored with the filter trained without it.
        var sweep = new List<ThresholdFigures>();
        var threshold = proxyThreshold;
        var bestMean = -1.0;
        foreach (var candidate in ThresholdGrid.Append(Math.Max(proxyThreshold, ThresholdFloor)).Distinct().Order())
        {
            var scores = HeldOutScores(articles, foldModels, foldRates, candidate, folds);
            var all = new SplitScores();
            scores.ForEach(all.Merge);
            var figures = new ThresholdFigures(candidate, Round(all.Sources.OverlapF1), Round(all.Contents.OverlapF1));
            sweep.Add(figures);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threshold {candidate:F2}: held-out source F1 {figures.SourceF1:F4}, content F1 {figures.ContentF1:F4}"));
            if (figures.SourceF1 + figures.ContentF1 > bestMean)
            {
                bestMean = figures.SourceF1 + figures.ContentF1;
                threshold = candidate;
            }
        }

        // The whole extraction on each held-out fold, with the rules alone and with the filter trained without that fold.
        var rulesFolds = HeldOutScores(articles, null, foldRates, 0, folds);
        var filterFolds = HeldOutScores(articles, foldModels, foldRates, threshold, folds);
        var rulesOnly = new SplitScores();
        var withFilter = new SplitScores();
        var perFold = new List<FoldFigures>();
        for (var fold = 0; fold < folds; fold++)
        {
            rulesOnly.Merge(rulesFolds[fold]);
            withFilter.Merge(filterFolds[fold]);
            perFold.Add(new FoldFigures(
                fold + 1, (articles.Count - fold + folds - 1) / folds, Round(rulesFolds[fold].Sources.OverlapF1),
                Round(filterFolds[fold].Sources.OverlapF1), Round(rulesFolds[fold].Contents.OverlapF1),
                Round(filterFolds[fold].Contents.OverlapF1)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {fold + 1}: source F1 rules {perFold[^1].RulesSourceF1:F4} filter {perFold[^1].SourceF1:F4}, " +
                $"content F1 rules {perFold[^1].RulesContentF1:F4} filter {perFold[^1].ContentF1:F4}"));
        }

        rulesOnly.Print("held-out folds, rules alone", output);
        withFilter.Print($"held-out folds, rule candidates and the filter from {threshold:F2}", output);
        var cv = new FilterCrossValidation(
            folds, "article", examples.Count, labels.Count(l => l), Round(auc), Round(rules.F1), Round(filtered.F1),
            Round(rulesOnly.Sources.OverlapF1), Round(withFilter.Sources.OverlapF1), Round(rulesOnly.Cues.OverlapF1),
            Round(withFilter.Cues.OverlapF1), Round(rulesOnly.Contents.OverlapF1), Round(withFilter.Contents.OverlapF1),
            sweep, perFold);

        var allRates = CueWordRates.Count(articles.Select(a => (a.Text, a.Cues)));
        var final = AttributionFilterTrainer.Train(articles.SelectMany(a => Candidates(a, allRates).Examples).ToList(), options,
            out var schema);
        var bytes = AttributionFilterTrainer.Save(final, schema);
        Directory.CreateDirectory(outputDir);
        using (var cueWords = new StreamWriter(Path.Combine(outputDir, "attribution-filter.cue-words.tsv")))
        {
            allRates.Write(cueWords);
        }

        var modelPath = Path.Combine(outputDir, "attribution-filter.zip");
        File.WriteAllBytes(modelPath, bytes);
        var manifest = new AttributionFilterManifest(
            "attribution-filter.zip", "ML.NET 6.0.0 FastTree binary classification, one thread, fixed seed",
            DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), commit,
            [Hash(root, textDir, "*.txt"), Hash(root, annDir, "*.ann")], $"PolNeAR {Split} (dev never read)",
            options, AttributionFeatures.Names, threshold, cv);
        File.WriteAllText(Path.Combine(outputDir, "attribution-filter.json"),
            JsonSerializer.Serialize(manifest, AttributionFilterManifest.Json) + "\n");
        output.WriteLine($"model: {modelPath} ({bytes.Length:N0} bytes), threshold {threshold:F2}, {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>
    /// The least threshold tried: the least at which the behaviour tests hold; below it the filter admits sentences they hold
    /// the extractor to leave out (evaluation-attribution.md).
    /// </summary>
    private const double ThresholdFloor = 0.35;

    private static readonly double[] ThresholdGrid = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];

    /// <summary>Scores of the whole extraction on each held-out fold; without fold models, the rules alone.</summary>
    private static List<SplitScores> HeldOutScores(
        List<Article> articles, List<ITransformer>? foldModels, List<CueWordRates> foldRates, double threshold, int folds)
    {
        var scores = new List<SplitScores>();
        for (var fold = 0; fold < folds; fold++)
        {
            using var filter = foldModels is null ? null : new AttributionFilter(foldModels[fold], threshold, foldRates[fold]);
            var extractor = new ArticleExtractor(filter);
            var foldScores = new SplitScores();
            for (var a = fold; a < articles.Count; a += folds)
            {
                foldScores.Add(articles[a], extractor.Extract(new ArticleInput(articles[a].Text, articles[a].Name.Split('_')[0])));
            }

            scores.Add(foldScores);
        }

        return scores;
    }

    private sealed record Article(
        string Name, string Text, List<GoldArticle> Gold, double GoldCues, IReadOnlyList<TextSpan> Cues, IReadOnlyList<TextSpan> Sources);

    /// <summary>An article's candidates with one table of cue-word rates, and their examples.</summary>
    private sealed record Labelled(List<AttributionCandidate> Candidates, List<AttributionExample> Examples);

    /// <summary>
    /// The candidates of an article with their features; a candidate is an attribution when its cue overlaps a gold cue
    /// and its source, if it names one, a gold source (any annotator).
    /// </summary>
    private static Labelled Candidates(Article article, CueWordRates rates)
    {
        var candidates = AttributionCandidates.Of(article.Text, rates);
        var examples = candidates
            .Select(c => new AttributionExample
            {
                Features = c.Features,
                Label = !c.Cue.IsEmpty && article.Cues.Any(f => Overlaps(f, c.Cue))
                    && (c.Source.IsEmpty || article.Sources.Any(f => Overlaps(f, c.Source))),
            })
            .ToList();
        return new Labelled(candidates, examples);
    }

    /// <summary>Every candidate with its spans and out-of-fold score, one per line, for error analysis.</summary>
    private static void WriteCandidates(string path, List<Article> articles, Labelled[] held, float[][] scores)
    {
        using var writer = new StreamWriter(path);
        var looseFeature = Array.IndexOf(AttributionFeatures.Names, "loose-cue");
        for (var a = 0; a < articles.Count; a++)
        {
            for (var k = 0; k < held[a].Candidates.Count; k++)
            {
                var c = held[a].Candidates[k];
                writer.WriteLine(string.Join('\t', articles[a].Name, c.Features[looseFeature] > 0 ? "loose" : "rule",
                    Format(c.Source), Format(c.Cue), Format(c.Content), held[a].Examples[k].Label ? "1" : "0",
                    scores[a][k].ToString("F3", CultureInfo.InvariantCulture)));
            }
        }

        static string Format(TextSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.Begin}\t{span.End}");
    }

    /// <summary>Overlap scores of source, cue and content spans, as the polnear command computes them.</summary>
    private sealed class SplitScores
    {
        public SpanScore Sources { get; } = new();

        public SpanScore Cues { get; } = new();

        public SpanScore Contents { get; } = new();

        public void Add(Article article, ExtractionResult result)
        {
            var (sources, cues, contents) = PolnearCommand.PredictedSpans(result);
            var weight = 1.0 / article.Gold.Count;
            foreach (var gold in article.Gold)
            {
                Sources.Add(article.Text, sources, gold.Sources, weight: weight);
                Cues.Add(article.Text, cues, gold.Cues, weight: weight);
                Contents.Add(article.Text, contents, gold.Contents, weight: weight);
            }
        }

        public void Merge(SplitScores other)
        {
            Sources.Merge(other.Sources);
            Cues.Merge(other.Cues);
            Contents.Merge(other.Contents);
        }

        public void Print(string label, TextWriter output)
        {
            output.WriteLine($"{label}:");
            output.WriteLine(Sources.Format("  source"));
            output.WriteLine(Cues.Format("  cue"));
            output.WriteLine(Contents.Format("  content"));
        }
    }

    private readonly record struct Prf(double Precision, double Recall, double F1);

    private static List<Article> ReadArticles(string textDir, string annDir)
    {
        var annotations = Directory.GetFiles(annDir, "*.ann").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var articles = new List<Article>();
        foreach (var textPath in Directory.GetFiles(textDir, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);
            var annPaths = annotations.Where(a => PolnearCommand.IsAnnotationOf(a, name)).ToList();
            if (annPaths.Count == 0)
            {
                continue;
            }

            var gold = annPaths.Select(BratAnnotations.Read).ToList();
            var cues = gold.SelectMany(g => g.Cues).SelectMany(c => c.Fragments).ToList();
            var text = File.ReadAllText(textPath);
            var sources = gold.SelectMany(g => g.Sources).SelectMany(c => c.Fragments).ToList();
            articles.Add(new Article(name, text, gold, gold.Average(g => g.Cues.Count), cues, sources));
        }

        return articles;
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => Math.Min(a.End, b.End) > Math.Max(a.Begin, b.Begin);

    /// <summary>
    /// Candidate-level proxy of cue F1 when the rules' candidates stay and the loose ones are kept from the threshold on:
    /// a kept candidate with a gold cue is a match, gold is the weighted gold count.
    /// </summary>
    private static Prf Figures(bool[] labels, bool[] loose, float[] scores, double threshold, double gold)
    {
        var kept = 0;
        var matched = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (!loose[i] || scores[i] >= threshold)
            {
                kept++;
                matched += labels[i] ? 1 : 0;
            }
        }

        var precision = kept == 0 ? 0 : matched / (double)kept;
        var recall = Math.Min(1, matched / gold);
        return new Prf(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static (double Threshold, Prf Figures) BestThreshold(bool[] labels, bool[] loose, float[] scores, double gold)
    {
        var best = (Threshold: 1.0, Figures: Figures(labels, loose, scores, 2, gold));
        for (var step = 19; step >= 0; step--)
        {
            var threshold = step / 20.0;
            var figures = Figures(labels, loose, scores, threshold, gold);
            if (figures.F1 > best.Figures.F1)
            {
                best = (threshold, figures);
            }
        }

        return best;
    }

    /// <summary>Area under the ROC curve by ranks (ties share their mean rank).</summary>
    private static double Auc(bool[] labels, float[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }

            i = j + 1;
        }

        double positives = labels.Count(l => l);
        var negatives = labels.Length - positives;
        var sum = labels.Select((l, i) => l ? ranks[i] : 0).Sum();
        return positives == 0 || negatives == 0 ? 0.5 : (sum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    private static double Round(double value) => Math.Round(value, 4);

    /// <summary>SHA-256 over the sorted lines "file name, tab, SHA-256 of its bytes" of one directory.</summary>
    private static DataFiles Hash(string root, string dir, string pattern)
    {
        var lines = new StringBuilder();
        var files = Directory.GetFiles(dir, pattern).OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            lines.Append(Path.GetFileName(file)).Append('\t').Append(digest).Append('\n');
        }

        var all = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
        return new DataFiles(Path.GetRelativePath(root, dir).Replace('\\', '/') + "/" + pattern, files.Count, all);
    }
}
