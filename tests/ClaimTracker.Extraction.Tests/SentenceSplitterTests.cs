using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Tests;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Mr. Smith met Gen. Jones in the U.S. capital. They talked.", 2)]
    [InlineData("John F. Kennedy spoke. Then he left.", 2)]
    [InlineData("He lives in the U.S. He works there.", 2)]
    [InlineData("“We came. We saw. We won,” he said. Then he left.", 2)]
    [InlineData("Prices rose 2.5 percent. Sales fell.", 2)]
    [InlineData("Wait… what happened? Nobody knows!", 2)]
    [InlineData("Sen. Bob Corker (R-Tenn.) said no. Others agreed.", 2)]
    public void Splits_at_sentence_ends_only(string text, int expected)
    {
        Assert.Equal(expected, Sentences(text).Count);
    }

    [Fact]
    public void A_quote_of_several_sentences_stays_with_its_cue()
    {
        var text = "“I think Russia has tested them. And nobody addressed it,” he said.";
        var sentence = Assert.Single(Sentences(text));
        Assert.Equal(text, sentence);
    }

    [Fact]
    public void Headings_and_boilerplate_are_classified()
    {
        var doc = new Document("Big news today\n\n1) Military cooperation\n\nThe minister said the talks went well.\n\nLeave a " +
            "Reply\n\nSource :\n\nBy John Smith");
        var kinds = ParagraphSplitter.Split(doc).Select(p => p.Kind).ToList();
        Assert.Equal(
            [BlockKind.Heading, BlockKind.Heading, BlockKind.Body, BlockKind.Boilerplate, BlockKind.Boilerplate, BlockKind.Boilerplate],
            kinds);
    }

    [Fact]
    public void A_lone_headline_is_body()
    {
        var doc = new Document("Man claims to have found MH370 on Google Maps");
        Assert.Equal(BlockKind.Body, Assert.Single(ParagraphSplitter.Split(doc)).Kind);
    }

    private static List<string> Sentences(string text)
    {
        var doc = new Document(text);
        var output = new List<Sentence>();
        foreach (var paragraph in ParagraphSplitter.Split(doc))
        {
            SentenceSplitter.Split(doc, paragraph, output);
        }

        return output.Select(s => doc.Slice(s.First, s.End - 1)).ToList();
    }
}
