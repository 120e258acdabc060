using System.Diagnostics;
using ClaimTracker.Extraction;

namespace ClaimTracker.Evaluation;

/// <summary>
/// Scores the extractor's attributed statements against PolNeAR's hand-annotated attributions
/// (source, cue and content spans). Predicted spans come from statements with an explicit cue;
/// a quote continued without a cue contributes its content only; the outlet's own reporting
/// contributes nothing (PolNeAR does not annotate it).
/// A few articles were annotated by several annotators (one file each, all named in the metadata):
/// by default each file is scored with weight 1/k, the expected score against an annotator drawn at
/// random, so every article weighs the same and no annotator is picked; <c>--annotators first</c>
/// scores against the alphabetically first file only (the earlier behaviour).
/// </summary>
internal static class PolnearCommand
{
    public static int Run(
        string root,
        string split,
        int errors,
        TextWriter output,
        string? predictionsPath = null,
        string annotators = "all",
        bool withRules = false)
    {
        using var predictions = predictionsPath is null ? null : new StreamWriter(predictionsPath);
        var textDir = Path.Combine(root, split, "text");
        var annDir = Path.Combine(root, split, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
        {
            throw new IOException($"no {split}/text and {split}/attributions under {root}");
        }

        var annotations = Directory.GetFiles(annDir, "*.ann").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var extractor = new ArticleExtractor();
        var rulesExtractor = withRules ? new ArticleExtractor(filter: null) : null;
        var rules = (Sources: new SpanScore(), Cues: new SpanScore(), Contents: new SpanScore());
        var sources = new SpanScore();
        var cues = new SpanScore();
        var contents = new SpanScore();
        var articles = 0;
        var multiAnnotated = 0;
        if (annotators is not ("all" or "first"))
        {
            throw new FormatException($"--annotators must be 'all' or 'first', not '{annotators}'");
        }

        var clock = Stopwatch.StartNew();
        var missedSources = new List<(string Text, TextSpan Span)>();
        var falseSources = new List<(string Text, TextSpan Span)>();
        var missedCues = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var textPath in Directory.GetFiles(textDir, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);

            // "<article>_<annotator>.ann", one file per annotator.
            var annPaths = annotations.Where(a => IsAnnotationOf(a, name)).ToList();
            if (annPaths.Count == 0)
            {
                continue;
            }

            if (annPaths.Count > 1)
            {
                multiAnnotated++;
            }

            if (annotators == "first")
            {
                annPaths = annPaths.Take(1).ToList();
            }

            var weight = 1.0 / annPaths.Count;
            var text = File.ReadAllText(textPath);
            var publisher = name.Split('_')[0];
            var result = extractor.Extract(new ArticleInput(text, publisher));
            var (predictedSources, predictedCues, predictedContents) = PredictedSpans(result);
            var rulesSpans = rulesExtractor is null ? default : PredictedSpans(rulesExtractor.Extract(new ArticleInput(text, publisher)));

            if (predictions is not null)
            {
                foreach (var (role, spans) in new[] {
                    ("Source", predictedSources),
                    ("Cue", predictedCues),
                    ("Content", predictedContents) })
                {
                    foreach (var span in spans)
                    {
                        predictions.WriteLine(string.Join(
                            '\t',
                            name,
                            role,
                            span.Begin.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            span.End.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }
            }

            foreach (var annPath in annPaths)
            {
                var gold = BratAnnotations.Read(annPath);
                var missed = new List<TextSpan>();
                var wrong = new List<TextSpan>();
                sources.Add(text, predictedSources, gold.Sources, missed, wrong, weight);
                var missedCueSpans = new List<TextSpan>();
                cues.Add(text, predictedCues, gold.Cues, missedCueSpans, weight: weight);
                contents.Add(text, predictedContents, gold.Contents, weight: weight);
                if (rulesExtractor is not null)
                {
                    rules.Sources.Add(text, rulesSpans.Sources, gold.Sources, weight: weight);
                    rules.Cues.Add(text, rulesSpans.Cues, gold.Cues, weight: weight);
                    rules.Contents.Add(text, rulesSpans.Contents, gold.Contents, weight: weight);
                }

                if (annPath != annPaths[0])
                {
                    continue;
                }

                foreach (var m in missedCueSpans)
                {
                    var cueText = text[m.Begin..m.End].ToLowerInvariant();
                    missedCues[cueText] = missedCues.GetValueOrDefault(cueText) + 1;
                }

                missedSources.AddRange(missed.Select(m => (text, m)));
                falseSources.AddRange(wrong.Select(m => (text, m)));
            }

            articles++;
        }

        clock.Stop();
        output.WriteLine($"PolNeAR split '{split}': {articles} articles ({multiAnnotated} with several annotators, scored against " +
            $"{(annotators == "first" ? "the first file" : "each file with weight 1/k")}), {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(sources.Format("source"));
        output.WriteLine(cues.Format("cue"));
        output.WriteLine(contents.Format("content"));
        if (rulesExtractor is not null)
        {
            output.WriteLine("rules alone (no learned filter), same articles:");
            output.WriteLine(rules.Sources.Format("source"));
            output.WriteLine(rules.Cues.Format("cue"));
            output.WriteLine(rules.Contents.Format("content"));
        }
        if (errors > 0)
        {
            PrintSamples(output, "missed gold sources", missedSources, errors);
            PrintSamples(output, "false predicted sources", falseSources, errors);
            output.WriteLine("--- most missed cues");
            foreach (var (cue, count) in missedCues.OrderByDescending(p => p.Value).Take(errors))
            {
                output.WriteLine($"  {count,5} {cue}");
            }
        }

        return 0;
    }

    /// <summary>
    /// The spans scored: sources and cues of explicit attributions, contents of those and of cue-less quote continuations;
    /// the outlet's own reporting is not an attribution.
    /// </summary>
    public static (List<TextSpan> Sources, List<TextSpan> Cues, List<TextSpan> Contents) PredictedSpans(ExtractionResult result)
    {
        var attributed = result.Statements.Where(s => s.Kind == StatementKind.Attributed).ToList();
        return (
            attributed.Select(s => s.SourceSpan).Where(s => !s.IsEmpty).Distinct().ToList(),
            attributed.Select(s => s.CueSpan).Where(s => !s.IsEmpty).Distinct().ToList(),
            result.Statements
                .Where(s => s.Kind is StatementKind.Attributed or StatementKind.QuoteContinuation)
                .Select(s => s.ContentSpan).Where(s => !s.IsEmpty).Distinct().ToList());
    }

    public static bool IsAnnotationOf(string annPath, string article)
    {
        var file = Path.GetFileNameWithoutExtension(annPath);
        return file.Length > article.Length + 1 && file.StartsWith(article + "_", StringComparison.Ordinal)
            && !file.AsSpan(article.Length + 1).Contains('_');
    }

    private static void PrintSamples(TextWriter output, string title, List<(string Text, TextSpan Span)> samples, int count)
    {
        output.WriteLine($"--- {title} ({samples.Count})");
        var step = Math.Max(1, samples.Count / Math.Max(1, count));
        for (var i = 0; i < samples.Count && i / step < count; i += step)
        {
            var (text, span) = samples[i];
            var from = Math.Max(0, span.Begin - 80);
            var to = Math.Min(text.Length, span.End + 80);
            var context = text[from..span.Begin] + "[[" + text[span.Begin..span.End] + "]]" + text[span.End..to];
            output.WriteLine("  " + context.Replace('\n', ' '));
        }
    }
}
