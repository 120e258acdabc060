using System.Text.RegularExpressions;

namespace ClaimTracker.Extraction.Tests;

/// <summary>Every statement of the seed article gives a proposition a person can read out of context.</summary>
public sealed partial class SeedArticlePropositionTests
{
    private static readonly string[] Connectives =
    [
        "with", "that", "and", "but", "or", "as", "while", "whereas", "even", "because", "although", "though", "however",
        "meanwhile", "in return",
    ];

    [SeedArticleFact]
    public void No_claim_text_starts_with_a_connective_or_an_unresolved_pronoun()
    {
        var propositions = SeedArticle.Extract().Statements.Select(s => s.Proposition).ToList();
        Assert.NotEmpty(propositions);
        var unreadable = propositions.Where(p => StartsWithConnective(p) || StartsWithPronoun(p)).ToList();
        Assert.True(unreadable.Count == 0, "Claims that lean on their context:\n" + string.Join('\n', unreadable)
            + "\n\nAll claims:\n" + string.Join('\n', propositions));
    }

    [SeedArticleFact]
    public void Keeps_the_verbatim_span_beside_the_proposition()
    {
        var shots = SeedArticle.Extract().Statements.Single(s => s.Content.Contains("60,000 shots", StringComparison.Ordinal));
        Assert.Equal("with Moscow forces firing up to 60,000 shots per day", shots.Content);
        Assert.Equal("Moscow forces are firing up to 60,000 shots per day", shots.Proposition);

        var victory = SeedArticle.Extract().Statements.Single(s => s.Content.StartsWith("he was confident", StringComparison.Ordinal));
        Assert.Equal("Kim Jong Un was confident Russia would achieve a “great victory” over its enemies", victory.Proposition);
    }

    private static bool StartsWithConnective(string text) =>
        Connectives.Any(c => text.StartsWith(c + " ", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith(c + ",", StringComparison.OrdinalIgnoreCase));

    /// <summary>A leading pronoun that names no one ("It is …", "It wasn't …", "It can be said …" need no one).</summary>
    private static bool StartsWithPronoun(string text) => LeadingPronoun().IsMatch(text) && !Expletive().IsMatch(text);

    [GeneratedRegex(@"^(he|she|they|it|him|her|them|his|its|their|the two)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPronoun();

    [GeneratedRegex(
        @"^it (is|was|isn’t|wasn’t|isn't|wasn't|’s|seems|appears|(can|could|may|might|will|would) be)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Expletive();
}
