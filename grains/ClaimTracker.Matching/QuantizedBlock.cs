namespace ClaimTracker.Matching;

/// <summary>
/// A fixed number of embeddings stored contiguously as int8 codes with one scale per vector
/// (symmetric: scale = max |x| / 127, code = round(x / scale)): a quarter of float32's bytes.
/// A cosine against a float probe is the dot product with the codes, times the scale; for unit
/// vectors of 384 dimensions the rounding moves it by about 10⁻³ at most.
/// </summary>
internal sealed class QuantizedBlock
{
    private const float MaxCode = 127f;
    private readonly sbyte[] codes;
    private readonly float[] scales;
    private readonly int dimensions;

    public QuantizedBlock(int capacity, int dimensions)
    {
        codes = new sbyte[capacity * dimensions];
        scales = new float[capacity];
        this.dimensions = dimensions;
    }

    public void Store(int slot, ReadOnlySpan<float> vector)
    {
        var maxAbs = 0f;
        foreach (var x in vector)
        {
            maxAbs = MathF.Max(maxAbs, MathF.Abs(x));
        }

        var scale = maxAbs / MaxCode;
        var target = Codes(slot);
        for (var i = 0; i < vector.Length; i++)
        {
            target[i] = scale == 0f ? (sbyte)0 : (sbyte)MathF.Round(vector[i] / scale);
        }

        scales[slot] = scale;
    }

    /// <summary>The dot product of the stored vector with <paramref name="probe"/>.</summary>
    public float Dot(int slot, ReadOnlySpan<float> probe) => VectorMath.Dot(probe, Codes(slot)) * scales[slot];

    /// <summary>The stored vector, decoded.</summary>
    public float[] Restore(int slot)
    {
        var source = Codes(slot);
        var vector = new float[dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = source[i] * scales[slot];
        }

        return vector;
    }

    private Span<sbyte> Codes(int slot) => codes.AsSpan(slot * dimensions, dimensions);
}
