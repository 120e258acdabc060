using ClaimTracker.Extraction.Attribution.Ranking;

namespace ClaimTracker.Extraction.Tests;

/// <summary>The learned cue-word rates: counted from annotated text, written in a stable order, shipped beside the filter.</summary>
public sealed class CueWordRatesTests
{
    private const string Text = "Smith said the plan failed. Jones said it works. The plan said nothing. Brown said no. The plan stays.";

    [Fact]
    public void Rates_count_cue_words_and_round_trip_byte_for_byte()
    {
        // Every "said" after a name is a cue; the one after "The plan" is not.
        var cues = new List<TextSpan>();
        foreach (var name in new[] { "Smith said", "Jones said", "Brown said" })
        {
            var at = Text.IndexOf(name, StringComparison.Ordinal) + name.Length - "said".Length;
            cues.Add(new TextSpan(at, at + "said".Length));
        }

        var rates = CueWordRates.Count([(Text, cues)]);
        Assert.True(rates.Rate("said") > 0.3f, $"said {rates.Rate("said"):F2}");
        Assert.True(rates.Rate("plan") < rates.Rate("said"));
        Assert.Equal(rates.Rate("never-seen"), rates.Rate("also-never-seen"));

        var first = Write(rates);
        var again = Write(CueWordRates.Count([(Text, cues)]));
        Assert.Equal(first, again);
        Assert.Equal(first, Write(CueWordRates.Read(new StringReader(first))));
        Assert.Throws<InvalidDataException>(() => CueWordRates.Read(new StringReader("said\tmany\t3\n")));
    }

    [Fact]
    public void The_shipped_rates_load_and_know_verbs_of_saying()
    {
        var rates = AttributionFilter.Shipped!.Rates;
        Assert.True(rates.Words > 1000);
        Assert.True(rates.Rate("said") > 0.5f, $"said {rates.Rate("said"):F2}");
        Assert.True(rates.Rate("said") > 10 * rates.Rate("the"));
        using var file = typeof(AttributionFilter).Assembly.GetManifestResourceStream(AttributionFilter.CueWordsResource);
        Assert.NotNull(file);
        Assert.InRange(file.Length, 1, 5 * 1024 * 1024);
    }

    private static string Write(CueWordRates rates)
    {
        using var writer = new StringWriter();
        rates.Write(writer);
        return writer.ToString();
    }
}
