using ClaimTracker.Analysis;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Storage;
using ClaimTracker.Matching;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// With the learned scorer (the default), two statements of one report share a claim only when the rules would join
/// them: the model was trained on statements of different reports. Across reports the model decides.
/// </summary>
public sealed class SameReportLinkingTests
{
    private const string Production = "Russia will produce 2.5 million artillery shells this year, Estonian intelligence said";
    private const string Assessment = "Russian factories will produce 2.5 million artillery shells this year";

    [Fact]
    public async Task A_claim_founded_by_the_same_report_is_joined_only_at_the_rules_same_report_threshold()
    {
        // One vector for both texts: cosine 1, the model's strongest evidence; the rule score adds their shared words.
        var vector = new float[384];
        vector[0] = 1;
        var encoder = new Encoder(vector);
        var statements = new[] { Request(Production), Request(Assessment) };

        using var strict = Linker(encoder, sameReportJoinThreshold: 100);
        var apart = await strict.LinkAsync(statements);
        Assert.NotEqual(apart[0].ClaimId, apart[1].ClaimId);
        Assert.Contains("founded by this same report: rule score", apart[1].Reason, StringComparison.Ordinal);

        using var lenient = Linker(encoder, sameReportJoinThreshold: 1.2);
        var together = await lenient.LinkAsync(statements);
        Assert.Equal(together[0].ClaimId, together[1].ClaimId);

        // In a later report the same statement joins the claim: the guard holds within one report only.
        using var acrossReports = Linker(encoder, sameReportJoinThreshold: 100);
        var first = Assert.Single(await acrossReports.LinkAsync([Request(Production)]));
        var later = Assert.Single(await acrossReports.LinkAsync([Request(Assessment)]));
        Assert.Equal(first.ClaimId, later.ClaimId);
    }

    private static ClaimLinker Linker(ISentenceEncoder encoder, double sameReportJoinThreshold) =>
        new(new MemoryClaimIndexLog(), Options.Create(new MatchingOptions
        {
            Scorer = LinkingScorer.Learned,
            SameReportJoinThreshold = sameReportJoinThreshold,
        }), () => encoder);

    private static LinkRequest Request(string content)
        => new(content, Modality.Asserted, false, Stance.Unspecified, string.Empty, string.Empty);

    private sealed class Encoder(float[] vector) : ISentenceEncoder
    {
        public int Dimensions => 384;

        public float[][] Encode(IReadOnlyList<string> texts) => texts.Select(_ => vector).ToArray();
    }
}
