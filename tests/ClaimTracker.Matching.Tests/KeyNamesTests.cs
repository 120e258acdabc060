using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class KeyNamesTests
{
    [Fact]
    public void Names_are_capitalised_words_past_the_first_and_acronyms_anywhere_as_lower_case_words()
    {
        var names = KeyNames.Read("NATO says Kim Jong-un's envoy met officials in the port of Vladivostok");

        Assert.NotNull(names);
        Assert.Equal(["jong", "kim", "nato", "un", "vladivostok"], names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Local Mayor Denies Reports Of Flooding In The Old Town")]
    [InlineData("Weather Reporter Caught Off Guard on Live TV and in the Snow")]
    [InlineData("SMALL METEORITE STRIKES CAPITAL, GOVERNMENT SAYS")]
    public void A_text_in_title_case_or_capitals_gives_no_names_because_its_capitals_say_nothing(string text) =>
        Assert.Null(KeyNames.Read(text));
}
