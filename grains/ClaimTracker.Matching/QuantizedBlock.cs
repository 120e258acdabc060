using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    private const int MiniLmDimensions = 384;
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

    /// <summary>
    /// <see cref="Dot(int, QuantizedProbe)"/> of the first <paramref name="count"/> stored vectors, into <paramref name="scores"/>:
    /// the same values. For MiniLM's 384 dimensions on AVX-512 the probe stays in twelve registers for the whole block.
    /// </summary>
    public void DotAll(QuantizedProbe probe, int count, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, scales.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, count);
        if (dimensions == MiniLmDimensions && probe.Codes.Length == MiniLmDimensions && Avx512BW.IsSupported)
        {
            DotAll384(probe, count, scores);
            return;
        }

        for (var slot = 0; slot < count; slot++)
        {
            scores[slot] = Dot(slot, probe);
        }
    }

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

    /// <summary>Six 64-byte loads per stored vector, each widened to two halves multiplied against the probe's registers; the
    /// integer sums are those of <see cref="VectorMath.Dot(ReadOnlySpan{short}, ReadOnlySpan{sbyte})"/> (integer addition
    /// in any order).</summary>
    private void DotAll384(QuantizedProbe probe, int count, Span<float> scores)
    {
        ref var p = ref MemoryMarshal.GetArrayDataReference(probe.Codes);
        var p0 = Vector512.LoadUnsafe(ref p, 0);
        var p1 = Vector512.LoadUnsafe(ref p, 32);
        var p2 = Vector512.LoadUnsafe(ref p, 64);
        var p3 = Vector512.LoadUnsafe(ref p, 96);
        var p4 = Vector512.LoadUnsafe(ref p, 128);
        var p5 = Vector512.LoadUnsafe(ref p, 160);
        var p6 = Vector512.LoadUnsafe(ref p, 192);
        var p7 = Vector512.LoadUnsafe(ref p, 224);
        var p8 = Vector512.LoadUnsafe(ref p, 256);
        var p9 = Vector512.LoadUnsafe(ref p, 288);
        var p10 = Vector512.LoadUnsafe(ref p, 320);
        var p11 = Vector512.LoadUnsafe(ref p, 352);
        ref var code = ref MemoryMarshal.GetArrayDataReference(codes);
        var probeScale = probe.Scale;
        for (var slot = 0; slot < count; slot++)
        {
            var offset = (nuint)(slot * MiniLmDimensions);
            var (l0, h0) = Vector512.Widen(Vector512.LoadUnsafe(ref code, offset));
            var (l1, h1) = Vector512.Widen(Vector512.LoadUnsafe(ref code, offset + 64));
            var (l2, h2) = Vector512.Widen(Vector512.LoadUnsafe(ref code, offset + 128));
            var (l3, h3) = Vector512.Widen(Vector512.LoadUnsafe(ref code, offset + 192));
            var (l4, h4) = Vector512.Widen(Vector512.LoadUnsafe(ref code, offset + 256));
            var (l5, h5) = Vector512.Widen(Vector512.LoadUnsafe(ref code, offset + 320));
            var even = Avx512BW.MultiplyAddAdjacent(l0, p0) + Avx512BW.MultiplyAddAdjacent(l1, p2)
                + Avx512BW.MultiplyAddAdjacent(l2, p4) + Avx512BW.MultiplyAddAdjacent(l3, p6)
                + Avx512BW.MultiplyAddAdjacent(l4, p8) + Avx512BW.MultiplyAddAdjacent(l5, p10);
            var odd = Avx512BW.MultiplyAddAdjacent(h0, p1) + Avx512BW.MultiplyAddAdjacent(h1, p3)
                + Avx512BW.MultiplyAddAdjacent(h2, p5) + Avx512BW.MultiplyAddAdjacent(h3, p7)
                + Avx512BW.MultiplyAddAdjacent(h4, p9) + Avx512BW.MultiplyAddAdjacent(h5, p11);
            scores[slot] = Vector512.Sum(even + odd) * scales[slot] * probeScale;
        }
    }
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
