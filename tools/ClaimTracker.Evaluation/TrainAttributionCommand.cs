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

    public static int Run(string root, string outputDir, int folds, string commit, AttributionFilterOptions options, TextWriter output)
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
        var examples = articles.SelectMany(a => a.Examples).ToList();
        var goldCues = articles.Sum(a => a.GoldCues);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PolNeAR {Split}: {articles.Count} articles, {examples.Count} rule candidates " +
            $"({examples.Count(e => e.Label)} with a gold cue), " +
            $"{goldCues:F1} gold cues, {clock.Elapsed.TotalSeconds:F1} s"));

        var outOfFold = new float[examples.Count];
        var offsets = new int[articles.Count + 1];
        for (var a = 0; a < articles.Count; a++)
        {
            offsets[a + 1] = offsets[a] + articles[a].Examples.Count;
        }

        var foldModels = new List<ITransformer>();
        for (var fold = 0; fold < folds; fold++)
        {
            var training = new List<AttributionExample>();
            var held = new List<int>();
            for (var a = 0; a < articles.Count; a++)
            {
                if (a % folds == fold)
                {
                    held.Add(a);
                }
                else
                {
                    training.AddRange(articles[a].Examples);
                }
            }

            var model = AttributionFilterTrainer.Train(training, options, out _);
            foldModels.Add(model);
            foreach (var a in held)
            {
                var scores = AttributionFilterTrainer.Score(model, articles[a].Examples);
                scores.CopyTo(outOfFold, offsets[a]);
            }

            output.WriteLine($"fold {fold + 1}/{folds} done, {clock.Elapsed.TotalSeconds:F1} s");
        }

        var labels = examples.Select(e => e.Label).ToArray();
        var looseFeature = Array.IndexOf(AttributionFeatures.Names, "loose-cue");
        var loose = examples.Select(e => e.Features[looseFeature] > 0).ToArray();
        var rules = Figures(labels, loose, outOfFold, 2, goldCues);
        var (threshold, filtered) = BestThreshold(labels, loose, outOfFold, goldCues);
        var auc = Auc(labels, outOfFold);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-validation ({folds} folds by article): AUC {auc:F3}; " +
            $"cue proxy P/R/F1 rules {rules.Precision:F3}/{rules.Recall:F3}/{rules.F1:F3}, " +
            $"with the loose candidates kept from {threshold:F2} {filtered.Precision:F3}/{filtered.Recall:F3}/{filtered.F1:F3}"));

        // The whole extraction on each held-out fold, with the rules alone and with the filter trained without that fold.
        var rulesOnly = new SplitScores();
        var withFilter = new SplitScores();
        var rulesExtractor = new ArticleExtractor(null);
        for (var fold = 0; fold < folds; fold++)
        {
            using var filter = new AttributionFilter(foldModels[fold], threshold);
            var extractor = new ArticleExtractor(filter);
            for (var a = fold; a < articles.Count; a += folds)
            {
                var input = new ArticleInput(articles[a].Text, articles[a].Name.Split('_')[0]);
                rulesOnly.Add(articles[a], rulesExtractor.Extract(input));
                withFilter.Add(articles[a], extractor.Extract(input));
            }
        }

        rulesOnly.Print("held-out folds, rules alone", output);
        withFilter.Print("held-out folds, rule candidates and the filter", output);
        var cv = new FilterCrossValidation(
            folds, "article", examples.Count, labels.Count(l => l), Round(auc), Round(rules.F1), Round(filtered.F1),
            Round(rulesOnly.Sources.OverlapF1), Round(withFilter.Sources.OverlapF1), Round(rulesOnly.Cues.OverlapF1),
            Round(withFilter.Cues.OverlapF1), Round(rulesOnly.Contents.OverlapF1), Round(withFilter.Contents.OverlapF1));

        var final = AttributionFilterTrainer.Train(examples, options, out var schema);
        var bytes = AttributionFilterTrainer.Save(final, schema);
        Directory.CreateDirectory(outputDir);
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

    private sealed record Article(string Name, string Text, List<GoldArticle> Gold, List<AttributionExample> Examples, double GoldCues);

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
            var examples = AttributionCandidates.Of(text)
                .Select(c => new AttributionExample { Features = c.Features, Label = !c.Cue.IsEmpty && cues.Any(f => Overlaps(f, c.Cue)) })
                .ToList();
            articles.Add(new Article(name, text, gold, examples, gold.Average(g => g.Cues.Count)));
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
