using System.Runtime.InteropServices;
using ClaimTracker.Matching;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Tests;

/// <summary>
/// The claim index log stores embeddings as the index's own int8 codes: a quarter of the bytes, and an index built from the
/// vectors read back ranks and scores exactly as one built from the originals. Embeddings stored as raw floats still read.
/// </summary>
public sealed class EmbeddingCodecTests
{
    private static float[] UnitVector(Random random, int dimensions = 384)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return VectorMath.Normalized(vector);
    }

    [Fact]
    public void An_embedding_is_stored_in_a_quarter_of_the_bytes_and_read_back_within_half_a_step()
    {
        var random = new Random(7);
        var original = UnitVector(random);
        var bytes = EmbeddingCodec.ToBytes(original);
        Assert.Equal(5 + 384, bytes.Length);

        var restored = EmbeddingCodec.FromBytes(bytes);
        var step = original.Max(MathF.Abs) / 127f;
        Assert.Equal(original.Length, restored.Length);
        var halfStep = (step / 2) + 1e-7f;
        Assert.All(Enumerable.Range(0, original.Length), i => Assert.InRange(restored[i] - original[i], -halfStep, halfStep));
        Assert.Equal(original.Max(MathF.Abs), restored.Max(MathF.Abs), 6);
    }

    [Fact]
    public void Every_length_is_read_back_and_none_is_mistaken_for_raw_floats()
    {
        var random = new Random(11);
        for (var dimensions = 1; dimensions <= 64; dimensions++)
        {
            var vector = UnitVector(random, dimensions);
            var bytes = EmbeddingCodec.ToBytes(vector);
            Assert.NotEqual(0, bytes.Length % 4);
            Assert.Equal(dimensions, EmbeddingCodec.FromBytes(bytes).Length);
        }

        Assert.Equal(new float[3], EmbeddingCodec.FromBytes(EmbeddingCodec.ToBytes(new float[3])));
    }

    [Fact]
    public void Embeddings_stored_as_raw_floats_before_read_exactly()
    {
        float[] stored = [0.25f, -0.5f, 0.125f, 1f / 3];
        Assert.Equal(stored, EmbeddingCodec.FromBytes(MemoryMarshal.AsBytes(stored.AsSpan()).ToArray()));
        Assert.Throws<FormatException>(() => EmbeddingCodec.FromBytes([7, 0, 0, 0, 0, 1]));
    }

    [Fact]
    public void An_index_built_from_the_vectors_read_back_finds_the_same_claims_with_the_same_cosines()
    {
        var random = new Random(3);
        using var original = new ClaimIndex();
        using var replica = new ClaimIndex();
        for (var i = 0; i < 500; i++)
        {
            var embedding = UnitVector(random);
            var text = $"claim number {i} about topic {i % 17}";
            original.Add($"c-{i}", text, embedding);
            replica.Add($"c-{i}", text, EmbeddingCodec.FromBytes(EmbeddingCodec.ToBytes(embedding)));
        }

        for (var q = 0; q < 50; q++)
        {
            var probe = new StatementProbe($"topic {q % 17} claim", UnitVector(random), [], []);
            var expected = original.Search(probe, 10);
            var actual = replica.Search(probe, 10);
            Assert.Equal(expected.Select(c => c.Claim.ClaimId), actual.Select(c => c.Claim.ClaimId));
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Cosine, pair.Second.Cosine, 5));
        }
    }
}
