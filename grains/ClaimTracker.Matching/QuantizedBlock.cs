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

    /// <summary>The dot product of the stored vector with a probe quantised to int16 (see <see cref="QuantizedProbe"/>).</summary>
    public float Dot(int slot, QuantizedProbe probe) => VectorMath.Dot(probe.Codes, Codes(slot)) * scales[slot] * probe.Scale;

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

    /// <summary>The int8 codes of one stored vector.</summary>
    public ReadOnlySpan<sbyte> CodesOf(int slot) => codes.AsSpan(slot * dimensions, dimensions);

    public float ScaleOf(int slot) => scales[slot];

    /// <summary>Stores already-quantised codes and their scale (an index read back from its snapshot).</summary>
    public void StoreCodes(int slot, ReadOnlySpan<sbyte> source, float scale)
    {
        source.CopyTo(Codes(slot));
        scales[slot] = scale;
    }

    private Span<sbyte> Codes(int slot) => codes.AsSpan(slot * dimensions, dimensions);
}

/// <summary>
/// A search probe as int16 codes (symmetric, largest |x| at 16,383, so 384 products of 127 × 16,383 stay far inside an
/// int32) and the scale back to floats: the scan's dot products stay in integers. Rounding moves a cosine by about
/// 10⁻⁵, a hundred times less than the stored vectors' int8 rounding.
/// </summary>
internal sealed class QuantizedProbe
{
    private const float MaxCode = 16_383f;

    public QuantizedProbe(ReadOnlySpan<float> vector)
    {
        var maxAbs = 0f;
        foreach (var x in vector)
        {
            maxAbs = MathF.Max(maxAbs, MathF.Abs(x));
        }

        Codes = new short[vector.Length];
        var step = maxAbs / MaxCode;
        for (var i = 0; i < vector.Length; i++)
        {
            Codes[i] = step == 0f ? (short)0 : (short)MathF.Round(vector[i] / step);
        }

        Scale = step;
    }

    public short[] Codes { get; }

    /// <summary>The float value of one code step.</summary>
    public float Scale { get; }
}
