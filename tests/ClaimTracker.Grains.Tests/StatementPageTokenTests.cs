namespace ClaimTracker.Grains.Tests;

public sealed class StatementPageTokenTests
{
    [Fact]
    public void A_formatted_token_parses_back_and_the_empty_token_means_the_first_page()
    {
        Assert.True(StatementPageToken.TryParse(StatementPageToken.Format(42), out var before));
        Assert.Equal(42, before);
        Assert.True(StatementPageToken.TryParse(string.Empty, out var first));
        Assert.Null(first);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("before:")]
    [InlineData("before:-1")]
    [InlineData("before:x")]
    [InlineData("p42")]
    public void Tokens_the_server_never_issues_are_refused(string token) =>
        Assert.False(StatementPageToken.TryParse(token, out _));
}
