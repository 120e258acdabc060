using System.Reflection;
using ClaimTracker.Analysis;

namespace ClaimTracker.Matching.Tests;

/// <summary>
/// Serving reads each text of a stance pair once (words, the rules' decision, phrases looked up by their first word): the
/// decisions must be exactly those of reading everything again, phrase by phrase, as training does.
/// </summary>
[Collection(EncoderCollection.Name)]
public sealed class StanceInferenceIdentityTests(EncoderFixture encoder)
{
    private static readonly StanceLexicon.Phrase[][] Lexicons = typeof(StanceLexicon)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(StanceLexicon.Phrase[]))
        .Select(f => (StanceLexicon.Phrase[])f.GetValue(null)!)
        .ToArray();

    /// <summary>Statement and claim pairs that fire each rule: denial, hedge, figures, dates, antonyms, negation, a question.</summary>
    private static readonly (string Statement, string Claim)[] Pairs =
    [
        ("The Kremlin denied that military cooperation was discussed", "Putin said there were opportunities for military cooperation"),
        ("Moscow forces reportedly fire up to 60,000 shots per day", "Moscow forces are firing up to 60,000 shots per day"),
        ("Russian forces fire about 20,000 shells a day, the general staff said", "Moscow forces fire up to 60,000 shots per day"),
        ("The bridge reopened on March 3", "The bridge reopened on 5 March"),
        ("The hostage is alive, officials said", "The hostage was killed by the militants"),
        ("No agreements on military cooperation were signed", "Agreements on military cooperation were signed"),
        ("Is it true that the shark swam on the highway?", "A shark swam on a flooded highway"),
        ("Video appears to show a shark on the flooded highway", "A shark swam on a flooded highway"),
        ("Apple may be in talks with Samsung over the watch chip - analyst", "Samsung is producing the Apple Watch chip"),
        ("Samsung confirms it makes the Apple Watch chip", "Samsung is producing the Apple Watch chip"),
        ("The ministry said the convoy carried 300 tonnes of grain", "The convoy carried 300 tonnes of grain"),
        ("Report: the company will cut 2,000 jobs next year", "The company will cut 2,000 jobs"),
        ("Officials never confirmed the figure of 40 dead", "At least 40 people died in the blast"),
        ("The president did not win the vote, rumours claim", "The president won the vote"),
    ];

    [Fact]
    public void The_phrase_index_finds_what_a_scan_of_every_phrase_finds()
    {
        var texts = Pairs.SelectMany(p => new[] { p.Statement, p.Claim }).Select(TextAnalysis.Words).ToList();
        var phrases = Lexicons.SelectMany(l => l).ToList();
        foreach (var (phrase, i) in phrases.Select((p, i) => (p, i)))
        {
            var next = phrases[(i * 7 + 3) % phrases.Count];
            texts.Add(["the", "minister", .. phrase.Words, "that", .. next.Words, "the", "claim"]);
            texts.Add([.. next.Words, .. phrase.Words, .. phrase.Words]);
            texts.Add(["officials", .. phrase.Words[..^1]]);
        }

        Assert.All(Lexicons, lexicon => Assert.All(texts, words =>
        {
            var positions = lexicon.Select(p => p.IndexIn(words)).ToArray();
            var found = lexicon.Where((_, k) => positions[k] >= 0).Select(p => p.Text).ToList();
            Assert.Equal(found.ToHashSet(StringComparer.Ordinal), StanceLexicon.FindAll(words, lexicon));
            Assert.Equal(found.FirstOrDefault(), StanceLexicon.FindFirst(words, lexicon));
            Assert.Equal(positions.Where(at => at >= 0).DefaultIfEmpty(-1).Min(), StanceLexicon.FirstPosition(words, lexicon));
        }));
    }

    [Fact]
    public void The_model_decides_as_from_features_computed_on_their_own()
    {
        var model = StanceModel.Shared;
        Assert.NotNull(model);
        var judged = 0;
        foreach (var (statement, claim) in Pairs)
        {
            var hints = StanceHints.FromEmbeddings(statement, claim, encoder.Embed(statement), encoder.Embed(claim));
            var decision = StanceClassifier.Classify(statement, claim, hints);
            var rules = StanceClassifier.ClassifyByRules(statement, claim, hints);
            if (decision.Confidence == 0f)
            {
                Assert.Equal(rules, decision);
                continue;
            }

            judged++;
            var probabilities = model.Probabilities(StanceFeatures.Compute(statement, claim, hints));
            var best = Array.IndexOf(probabilities, probabilities.Max());
            Assert.Equal(StanceModel.Classes[best], decision.Stance);
            Assert.Equal(probabilities[best], decision.Confidence);
            Assert.Contains(rules.Reason, decision.Reason, StringComparison.Ordinal);
        }

        Assert.True(judged >= Pairs.Length / 2, $"only {judged} of {Pairs.Length} pairs reached the model");
    }
}
