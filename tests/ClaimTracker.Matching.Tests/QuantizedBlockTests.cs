using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class QuantizedBlockTests
{
    [Theory]
    [InlineData(384, 1)]
    [InlineData(384, 37)]
    [InlineData(384, 1_024)]
    [InlineData(100, 50)]
    public void Scores_of_a_whole_block_equal_the_one_by_one_dot_products(int dimensions, int count)
    {
        var random = new Random(dimensions + count);
        float[] Vector() =>
            VectorMath.Normalized(Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray());
        var block = new QuantizedBlock(1_024, dimensions);
        for (var slot = 0; slot < count; slot++)
        {
            block.Store(slot, Vector());
        }

        var probe = new QuantizedProbe(Vector());
        var scores = new float[count];

        block.DotAll(probe, count, scores);

        for (var slot = 0; slot < count; slot++)
        {
            Assert.Equal(block.Dot(slot, probe), scores[slot]);
        }
    }

    [Fact]
    public void Extreme_codes_sum_without_overflow()
    {
        var block = new QuantizedBlock(4, 384);
        block.Store(0, Enumerable.Repeat(-1f, 384).ToArray());
        var probe = new QuantizedProbe(Enumerable.Repeat(-1f, 384).ToArray());
        var scores = new float[1];

        block.DotAll(probe, 1, scores);

        Assert.Equal(block.Dot(0, probe), scores[0]);
        Assert.Equal(384f, scores[0], 2);
    }

    [Fact]
    public void Asking_for_more_slots_than_the_block_holds_is_refused()
    {
        var block = new QuantizedBlock(4, 384);

        Assert.Throws<ArgumentOutOfRangeException>(() => block.DotAll(new QuantizedProbe(new float[384]), 5, new float[5]));
    }
}
