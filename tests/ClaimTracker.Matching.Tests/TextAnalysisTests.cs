using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class TextAnalysisTests
{
    [Fact]
    public void Words_normalise_numbers_possessives_and_contractions()
    {
        Assert.Equal(
            ["ukraine", "general", "staff", "did", "not", "say", "60000", "or", "2.5"],
            TextAnalysis.Words("Ukraine's general staff didn't say 60,000 or 2.5"));
    }

    [Theory]
    [InlineData("fires", "fired")]
    [InlineData("firing", "fire")]
    [InlineData("shells", "shell")]
    [InlineData("denies", "denied")]
    [InlineData("stopped", "stop")]
    public void Stemmer_joins_inflections(string a, string b) => Assert.Equal(TextAnalysis.Stem(a), TextAnalysis.Stem(b));

    [Fact]
    public void Terms_drop_stop_words()
    {
        Assert.Equal(["russian", "forc", "fir", "shell"], TextAnalysis.Terms("The Russian forces are firing the shells"));
    }
}
