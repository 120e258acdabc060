using System.Diagnostics;
using ClaimTracker.Extraction;

namespace ClaimTracker.Evaluation;

/// <summary>
/// Scores the extractor's attributed statements against PolNeAR's hand-annotated attributions
/// (source, cue and content spans). Predicted spans come from statements with an explicit cue;
/// a quote continued without a cue contributes its content only; the outlet's own reporting
/// contributes nothing (PolNeAR does not annotate it).
/// </summary>
internal static class PolnearCommand
{
    public static int Run(string root, string split, int errors, TextWriter output)
    {
        var textDir = Path.Combine(root, split, "text");
        var annDir = Path.Combine(root, split, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
        {
            throw new IOException($"no {split}/text and {split}/attributions under {root}");
        }

        var annotations = Directory.GetFiles(annDir, "*.ann").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var extractor = new ArticleExtractor();
        var sources = new SpanScore();
        var cues = new SpanScore();
        var contents = new SpanScore();
        var articles = 0;
        var clock = Stopwatch.StartNew();
        var missedSources = new List<(string Text, TextSpan Span)>();
        var falseSources = new List<(string Text, TextSpan Span)>();
        var missedCues = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var textPath in Directory.GetFiles(textDir, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);

            // Some articles were annotated by several annotators: score against the first file.
            var annPath = annotations.FirstOrDefault(a => Path.GetFileName(a).StartsWith(name + "_", StringComparison.Ordinal));
            if (annPath is null)
            {
                continue;
            }

            var text = File.ReadAllText(textPath);
            var gold = BratAnnotations.Read(annPath);
            var publisher = name.Split('_')[0];
            var result = extractor.Extract(new ArticleInput(text, publisher));
            var attributed = result.Statements.Where(s => s.Kind == StatementKind.Attributed).ToList();
            var predictedSources = attributed.Select(s => s.SourceSpan).Where(s => !s.IsEmpty).Distinct().ToList();
            var predictedCues = attributed.Select(s => s.CueSpan).Where(s => !s.IsEmpty).Distinct().ToList();
            var predictedContents = result.Statements
                .Where(s => s.Kind is StatementKind.Attributed or StatementKind.QuoteContinuation)
                .Select(s => s.ContentSpan).Where(s => !s.IsEmpty).Distinct().ToList();

            var missed = new List<TextSpan>();
            var wrong = new List<TextSpan>();
            sources.Add(text, predictedSources, gold.Sources, missed, wrong);
            var missedCueSpans = new List<TextSpan>();
            cues.Add(text, predictedCues, gold.Cues, missedCueSpans);
            foreach (var m in missedCueSpans)
            {
                var cueText = text[m.Begin..m.End].ToLowerInvariant();
                missedCues[cueText] = missedCues.GetValueOrDefault(cueText) + 1;
            }

            contents.Add(text, predictedContents, gold.Contents);
            missedSources.AddRange(missed.Select(m => (text, m)));
            falseSources.AddRange(wrong.Select(m => (text, m)));
            articles++;
        }

        clock.Stop();
        output.WriteLine($"PolNeAR split '{split}': {articles} articles, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(sources.Format("source"));
        output.WriteLine(cues.Format("cue"));
        output.WriteLine(contents.Format("content"));
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
