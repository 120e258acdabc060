using System.Text;

namespace ClaimTracker.Extraction.Tests;

/// <summary>Text an attacker or a broken scraper might send: nothing throws and everything finishes quickly (linear scans).</summary>
public sealed class HostileInputTests
{
    private static readonly ArticleExtractor Extractor = new();

    public static TheoryData<string, string> Inputs()
    {
        var words = new StringBuilder(1_100_000);
        var random = new Random(42);
        string[] vocabulary =
        [
            "said", "the", "Putin", "according", "to", "up", "million", "he", "told", "AFP", "reports", "that", "60,000", "per",
            "day", "Mr", "U.S",
        ];
        while (words.Length < 1_000_000)
        {
            words.Append(vocabulary[random.Next(vocabulary.Length)]).Append(' ');
        }

        var longSentence = new StringBuilder("Officials said that ");
        while (longSentence.Length < 100_000)
        {
            longSentence.Append("the ministry, according to sources, said ");
        }

        var quotes = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            quotes.Append(i % 3 == 0 ? "“said " : i % 3 == 1 ? "” he said, " : "\" X told Y \"");
        }

        var control = new StringBuilder();
        for (var c = 0; c < 0x20; c++)
        {
            control.Append((char)c).Append("Putin said ").Append((char)c);
        }

        return new TheoryData<string, string>
        {
            { "empty", string.Empty },
            { "whitespace", "   \n\n\t  " },
            { "one word", "said" },
            { "1 MB without punctuation", words.ToString() },
            { "100,000-character sentence", longSentence.ToString() },
            { "unbalanced quotes", quotes.ToString() },
            { "only quote marks", new string('"', 50_000) + new string('“', 50_000) },
            { "control characters", control.ToString() + "\0\0\u0001" },
            { "RTL", "قال المتحدث باسم الكرملين ديمتري بيسكوف إن \"المحادثات كانت مثمرة\". אמר דובר הממשלה: \"לא היה דיון\"." },
            { "emoji", "🚀🚀 Putin said 🚀 “space 👩‍🚀 is 🔥,” he added 😀. \uD83D \uDE00 lone surrogates" },
            { "dots", string.Concat(Enumerable.Repeat("Mr. U.S. Gen. A. ", 20_000)) },
            { "decimals that look like years", "Rates rose 2.25 and 1.75 and 20.5 in 2.022 and 1999.5 percent." },
            { "numbers", string.Concat(Enumerable.Repeat("up to 1.5 million 2022 F-16 between 3 and 4 per day ", 20_000)) },
            { "commas", new string(',', 200_000) + " said " + new string(',', 200_000) },
            { "colons and quotes", string.Concat(Enumerable.Repeat("X said: “", 30_000)) },
            { "newlines", string.Concat(Enumerable.Repeat("Leave a Reply\n\n1) Heading\n\n", 20_000)) },
            { "appositive chains", string.Concat(Enumerable.Repeat("Smith, a spokesman, ", 30_000)) + "said it." },
            { "polls", string.Concat(Enumerable.Repeat("Voters in a new poll said in the survey that in polls and in surveys ", 12_000)) },
            { "speaker colons", string.Concat(Enumerable.Repeat("TRUMP: Q: A B C: ", 30_000)) },
            {
                "coordinated stance verbs",
                "Trump " + string.Concat(Enumerable.Repeat("and called for and said and denounced and then backed ", 10_000)) },
            { "names", string.Concat(Enumerable.Repeat("President Putin said Kim Jong Un told AFP that Kim said. ", 10_000)) },
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Never_throws_and_returns_consistent_spans(string name, string text)
    {
        var result = Extractor.Extract(new ArticleInput(text, "Outlet", "Title", DateTimeOffset.UnixEpoch));
        Assert.NotNull(result);
        foreach (var s in result.Statements)
        {
            Assert.InRange(s.ContentSpan.Begin, 0, text.Length);
            Assert.InRange(s.ContentSpan.End, s.ContentSpan.Begin, text.Length);
            Assert.Contains(result.Actors, a => a.Key == s.SpeakerKey);
        }

        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Null_source_name_gets_a_placeholder_outlet()
    {
        var result = Extractor.Extract(new ArticleInput("The bridge was closed on Monday after the storm.", null));
        var statement = Assert.Single(result.Statements);
        Assert.Equal(StatementKind.OwnReporting, statement.Kind);
        Assert.Equal(ActorKindHint.Outlet, Assert.Single(result.Actors).Kind);
    }

    [Fact]
    public void Is_reusable_across_threads()
    {
        var text = TestArticles.MaravaFlood;
        var expected = Extractor.Extract(new ArticleInput(text, "Outlet")).Statements.Count;
        var counts = new int[8];
        Parallel.For(0, counts.Length, i => counts[i] = Extractor.Extract(new ArticleInput(text, "Outlet")).Statements.Count);
        Assert.All(counts, c => Assert.Equal(expected, c));
    }
}
