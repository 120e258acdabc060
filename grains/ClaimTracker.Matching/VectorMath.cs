using System.Numerics;
using System.Runtime.InteropServices;

namespace ClaimTracker.Matching;

/// <summary>Dense vector helpers on <see cref="Vector{T}"/>: the hot path of embedding retrieval.</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors differ in length.", nameof(b));
        }

        // Whole SIMD registers first (384 = 48 × 8 floats on AVX2), then the scalar tail.
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var acc = Vector<float>.Zero;
        for (var v = 0; v < va.Length; v++)
        {
            acc += va[v] * vb[v];
        }

        var sum = Vector.Sum(acc);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>A copy of <paramref name="vector"/> scaled to unit length (zero stays zero).</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var norm = MathF.Sqrt(Dot(copy, copy));
        if (norm > 0f)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] /= norm;
            }
        }

        return copy;
    }
}
