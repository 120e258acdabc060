using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>The dot product of float <paramref name="a"/> with int8 codes <paramref name="b"/> (unscaled).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors differ in length.", nameof(b));
        }

        // One register of codes widens to four registers of floats (32 codes = 4 × 8 floats on AVX2).
        var codes = MemoryMarshal.Cast<sbyte, Vector<sbyte>>(b);
        var floats = MemoryMarshal.Cast<float, Vector<float>>(a);
        var acc = Vector<float>.Zero;
        for (var v = 0; v < codes.Length; v++)
        {
            Vector.Widen(codes[v], out var low, out var high);
            Vector.Widen(low, out var q0, out var q1);
            Vector.Widen(high, out var q2, out var q3);
            var f = floats.Slice(v * 4, 4);
            acc += (Vector.ConvertToSingle(q0) * f[0]) + (Vector.ConvertToSingle(q1) * f[1])
                + (Vector.ConvertToSingle(q2) * f[2]) + (Vector.ConvertToSingle(q3) * f[3]);
        }

        var sum = Vector.Sum(acc);
        for (var i = codes.Length * Vector<sbyte>.Count; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>
    /// The integer dot product of int16 codes <paramref name="a"/> with int8 codes <paramref name="b"/>: with AVX-512BW 64 codes
    /// per step, else with AVX2 32, widened once and multiplied and added in pairs (vpmaddwd), without converting to floats.
    /// </summary>
    public static int Dot(ReadOnlySpan<short> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors differ in length.", nameof(b));
        }

        var i = 0;
        var sum = 0;
        ref var shorts = ref MemoryMarshal.GetReference(a);
        ref var codes = ref MemoryMarshal.GetReference(b);
        if (Avx512BW.IsSupported)
        {
            var acc = Vector512<int>.Zero;
            for (; i + 64 <= a.Length; i += 64)
            {
                var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref codes, (nuint)i));
                acc += Avx512BW.MultiplyAddAdjacent(low, Vector512.LoadUnsafe(ref shorts, (nuint)i));
                acc += Avx512BW.MultiplyAddAdjacent(high, Vector512.LoadUnsafe(ref shorts, (nuint)(i + 32)));
            }

            sum = Vector512.Sum(acc);
        }

        // The AVX2 loop also takes what the AVX-512 loop leaves (fewer than 64 codes).
        if (Avx2.IsSupported)
        {
            var acc = Vector256<int>.Zero;
            for (; i + 32 <= a.Length; i += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref codes, (nuint)i));
                acc += Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref shorts, (nuint)i));
                acc += Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref shorts, (nuint)(i + 16)));
            }

            sum += Vector256.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Adds <paramref name="addend"/> to <paramref name="target"/>, element by element.</summary>
    public static void Add(Span<float> target, ReadOnlySpan<float> addend)
    {
        if (target.Length != addend.Length)
        {
            throw new ArgumentException("Vectors differ in length.", nameof(addend));
        }

        var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
        var va = MemoryMarshal.Cast<float, Vector<float>>(addend);
        for (var v = 0; v < vt.Length; v++)
        {
            vt[v] += va[v];
        }

        for (var i = vt.Length * Vector<float>.Count; i < target.Length; i++)
        {
            target[i] += addend[i];
        }
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
