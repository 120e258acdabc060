using ClaimTracker.Extraction.Attribution.Ranking;

namespace ClaimTracker.Extraction.Tests;

/// <summary>The learned cue tagger: shipped beside the filter, reading words in context, trained reproducibly.</summary>
public sealed class CueTokenTaggerTests
{
    private const string Text = "Smith said the plan failed. Jones said it works. The plan said nothing. Brown said no. The plan stays.";

    [Fact]
    public void The_shipped_tagger_loads_and_finds_a_verb_of_saying_after_a_name_more_cue_like_than_other_words()
    {
        var filter = AttributionFilter.Shipped!;
        var tagger = filter.Tagger;
        Assert.NotNull(tagger);
        Assert.InRange(filter.Manifest!.HyperParameters.TaggedCueThreshold, 0.05, 1);
        using var model = typeof(AttributionFilter).Assembly.GetManifestResourceStream(AttributionFilter.CueTaggerResource);
        Assert.NotNull(model);
        Assert.InRange(model.Length, 1, 5 * 1024 * 1024);

        var examples = CueTokenTaggerTrainer.Examples(Text, Cues(), tagger.Rates);
        var cues = examples.Where(e => e.Label).Select(e => tagger.Probability(e.Features)).ToList();
        var others = examples.Where(e => !e.Label).Select(e => tagger.Probability(e.Features)).ToList();
        Assert.Equal(3, cues.Count);
        Assert.All(cues, p => Assert.True(p > others.Average(), $"cue {p:F2}, other words {others.Average():F2}"));
    }

    [Fact]
    public void Training_examples_leave_each_words_own_occurrence_out_of_its_rate()
    {
        var rates = CueWordRates.Count([(Text, Cues())]);
        Assert.True(rates.Rate("said", ownInCue: true) < rates.Rate("said"));
        Assert.True(rates.Rate("said", ownInCue: false) > rates.Rate("said"));
        Assert.Equal(rates.Rate("said"), rates.Rate("said", ownInCue: null));
    }

    [Fact]
    public void Training_twice_on_the_same_text_gives_the_same_model_file()
    {
        var rates = CueWordRates.Count([(Text, Cues())]);
        var examples = Enumerable.Repeat(0, 20).SelectMany(_ => CueTokenTaggerTrainer.Examples(Text, Cues(), rates)).ToList();
        var options = new AttributionFilterOptions(Trees: 10, Leaves: 4, MinExamplesPerLeaf: 5);
        var first = CueTokenTaggerTrainer.Train(examples, options, out var firstSchema);
        var second = CueTokenTaggerTrainer.Train(examples, options, out var secondSchema);
        Assert.Equal(AttributionFilterTrainer.Save(first, firstSchema), AttributionFilterTrainer.Save(second, secondSchema));
    }

    /// <summary>Every "said" after a name is a cue; the one after "The plan" is not.</summary>
    private static List<TextSpan> Cues()
    {
        var cues = new List<TextSpan>();
        foreach (var name in new[] { "Smith said", "Jones said", "Brown said" })
        {
            var at = Text.IndexOf(name, StringComparison.Ordinal) + name.Length - "said".Length;
            cues.Add(new TextSpan(at, at + "said".Length));
        }

        return cues;
    }
}
