using Xunit.Abstractions;

namespace ClaimTracker.Extraction.Tests;

/// <summary>
/// Hostile input costs time linear in its length: extracting a 128 KB text takes about eight times the CPU of a
/// 16 KB text of the same make, where a scan over everything before each sentence takes up to 64 times (texts that
/// long let such a scan outweigh the linear stages even in a Debug build). The class runs alone (its collection
/// disables parallelization), so the process's CPU time is this test's; each size is timed as its best of three,
/// and the bound (20) sits far from 8, so a busy machine does not fail it.
/// </summary>
[Collection(nameof(ExtractionScalingTests))]
public sealed class ExtractionScalingTests(ITestOutputHelper output)
{
    private const int Small = 16 * 1024;
    private const int Large = 128 * 1024;

    private const string WireSentence = "The minister said that the bridge was closed, according to AFP.";
    private const string QuotedSentences = "“The bridge is closed,” the minister said. “We will reopen it soon,” he added.";
    private const string StalledToReuters = "said the talks had stalled, Reuters reported.";
    private const string AgreedToAfp = "told AFP that he agreed.";

    /// <summary>Found by the linear-time property: each full stop is followed by a closing mark without an opening.</summary>
    private const string StrayClosingQuotes = "” the minister said 🚀 \u202E ” ' not \u202E Putin per day ) \0.";

    private static readonly ArticleExtractor Extractor = new();

    public static TheoryData<string> Shapes() =>
    [
        "attributed sentence with a wire agency",
        "quotes with pronoun speakers",
        "many different names",
        "closing quotes without an opening after each full stop",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Extraction_time_grows_linearly_with_the_text(string shape)
    {
        var large = TextOf(shape, Large);
        var small = large[..Small];
        Assert.NotEmpty(Extractor.Extract(new ArticleInput(small, "Outlet")).Statements);

        // Eight extractions of the small text against one of the large: the same number of characters, so a ratio
        // near 1 is linear work and near 8 is quadratic; times 8 it reads as the 128 KB : 16 KB ratio.
        var smallTime = CpuTime.BestOfThree(() =>
        {
            for (var i = 0; i < Large / Small; i++)
            {
                Extractor.Extract(new ArticleInput(small, "Outlet"));
            }
        }) / (Large / Small);
        var largeTime = CpuTime.BestOfThree(() => Extractor.Extract(new ArticleInput(large, "Outlet")));

        var ratio = largeTime / Math.Max(smallTime, 0.1);
        output.WriteLine($"{shape}: 16 KB {smallTime:0.0} ms, 128 KB {largeTime:0.0} ms of CPU, ratio {ratio:0.0}");
        Assert.True(ratio < 20, $"{shape}: 128 KB took {largeTime:0.0} ms of CPU, {ratio:0.0} times the {smallTime:0.0} ms of 16 KB");
    }

    private static string TextOf(string shape, int length) => shape switch
    {
        "attributed sentence with a wire agency" => CpuTime.RepeatTo(length, _ => WireSentence),
        "quotes with pronoun speakers" => CpuTime.RepeatTo(length, _ => QuotedSentences),
        "many different names" => CpuTime.RepeatTo(length, i => $"{NameOf(i)} {StalledToReuters} {NameOf(i + 1)} {AgreedToAfp}"),
        "closing quotes without an opening after each full stop" => CpuTime.RepeatTo(length, _ => StrayClosingQuotes),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "no such text"),
    };

    /// <summary>A different two-word name for each <paramref name="i"/> below 65,536 ("Bakon Kota").</summary>
    private static string NameOf(int i)
    {
        string[] syllables = ["Ba", "Ko", "Mi", "Ta", "Ru", "Se", "Lo", "Ne", "Vi", "Da", "Gu", "Pe", "Zo", "Ha", "Fi", "Wu"];
        string Syllable(int k) => syllables[(i >> (4 * k)) & 15];
        return $"{Syllable(0)}{Syllable(1).ToLowerInvariant()}n {Syllable(2)}{Syllable(3).ToLowerInvariant()}ta";
    }
}

[CollectionDefinition(nameof(ExtractionScalingTests), DisableParallelization = true)]
public sealed class ExtractionScalingCollection;
