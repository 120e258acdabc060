namespace ClaimTracker.Matching.Tests;

/// <summary>The integer dot product of the claim scan equals the plain sum at every length, whatever the CPU's widest vectors.</summary>
public sealed class VectorMathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(101)]
    [InlineData(384)]
    [InlineData(1_000)]
    public void The_integer_dot_product_equals_the_plain_sum(int length)
    {
        var random = new Random(length);
        var probe = Enumerable.Range(0, length).Select(_ => (short)random.Next(-16_383, 16_384)).ToArray();
        var codes = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var expected = 0L;
        for (var i = 0; i < length; i++)
        {
            expected += probe[i] * codes[i];
        }

        Assert.Equal(expected, VectorMath.Dot(probe, codes));
    }

    [Fact]
    public void The_integer_dot_product_holds_at_the_extreme_codes()
    {
        var probe = Enumerable.Repeat((short)-16_383, 384).ToArray();
        var codes = Enumerable.Repeat((sbyte)-127, 384).ToArray();

        Assert.Equal(384L * 16_383 * 127, VectorMath.Dot(probe, codes));
    }
}
