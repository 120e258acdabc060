using System.Text.RegularExpressions;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests;

/// <summary>Claims read out of context: the proposition is the claim's text, the words as written stay beside it.</summary>
public sealed partial class ClaimPropositionTests
{
    [Fact]
    public async Task A_denied_claim_states_the_plain_proposition_keeps_its_verbatim_and_is_found_by_both()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var response = await server.Client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "denial",
            Source = "Reuters",
            Text = "Kremlin spokesman Dmitry Peskov on Thursday denied that any arms deal had been discussed at the Vostochny Cosmodrome.",
        });

        var outcome = Assert.Single(response.Outcomes);
        Assert.Equal(V1.Stance.Contradicts, outcome.Stance);
        var claim = await server.Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = outcome.ClaimId });
        Assert.Equal("An arms deal had been discussed at the Vostochny Cosmodrome", claim.Text);
        Assert.Equal("any arms deal had been discussed at the Vostochny Cosmodrome", claim.Verbatim);
        Assert.Equal("any arms deal had been discussed at the Vostochny Cosmodrome", Assert.Single(claim.Statements).Content);

        foreach (var query in new[] { "an arms deal", "any arms deal" })
        {
            var found = await server.Client.ListClaimsAsync(new V1.ListClaimsRequest { Query = query });
            Assert.Equal(outcome.ClaimId, Assert.Single(found.Claims).ClaimId);
        }
    }

    [Fact]
    public async Task A_claim_whose_words_read_as_they_stand_has_no_verbatim()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var response = await server.Client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "plain",
            Source = "Reuters",
            Text = "Putin said Russia could help North Korea build satellites.",
        });

        var claim = await server.Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = Assert.Single(response.Outcomes).ClaimId });
        Assert.Equal("Russia could help North Korea build satellites", claim.Text);
        Assert.Empty(claim.Verbatim);
    }

    [SeedArticleFact]
    public async Task No_claim_of_the_seed_article_starts_with_a_connective_or_a_pronoun_that_names_no_one()
    {
        await using var server = await RunningServer.StartAsync(null, RunningServer.ExactMatching);
        var response = await server.Client.RegisterReportAsync(new V1.RegisterReportRequest
        {
            ReportId = "seed",
            Source = "Example Outlet",
            Text = SeedArticleFile.Text,
        });

        var claims = await Task.WhenAll(response.Outcomes.Select(o => o.ClaimId).Distinct()
            .Select(id => server.Client.GetClaimAsync(new V1.GetClaimRequest { ClaimId = id }).ResponseAsync));
        var unreadable = claims.Where(c => LeansOnContext().IsMatch(c.Text) && !Expletive().IsMatch(c.Text)).Select(c => c.Text).ToList();
        Assert.True(unreadable.Count == 0, "Claims that lean on their context:\n" + string.Join('\n', unreadable));
        var shots = Assert.Single(claims, c => c.Text.Contains("60,000 shots", StringComparison.Ordinal));
        Assert.Equal("Moscow forces are firing up to 60,000 shots per day", shots.Text);
        Assert.Equal("with Moscow forces firing up to 60,000 shots per day", shots.Verbatim);
    }

    [GeneratedRegex(
        @"^(with|that|and|but|or|as|while|whereas|even|because|although|though|however|meanwhile"
        + @"|he|she|they|it|him|her|them|his|its|their|the two)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeansOnContext();

    [GeneratedRegex(
        @"^it (is|was|isn’t|wasn’t|isn't|wasn't|’s|seems|appears|(can|could|may|might|will|would) be)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Expletive();


}
