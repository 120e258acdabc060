using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ClaimTracker.Storage;

/// <summary>
/// How the claim index log stores an embedding: int8 codes with one scale per vector, the claim index's own quantisation
/// (<c>QuantizedBlock</c> in the matching library: scale = max |x| / 127, code = round(x / scale)). A quarter of float32's
/// bytes, and nothing the index keeps is lost: a replica that quantises the vector read back gets the same codes.
/// <para>
/// Layout: a format byte (1, or 2 when one zero byte of padding follows the codes), the scale (float32, little-endian),
/// then the codes. The padding keeps the length from being a multiple of four, which is how embeddings stored as raw
/// float32 (before 2026-12-07) are told apart and still read.
/// </para>
/// </summary>
public static class EmbeddingCodec
{
    private const byte Unpadded = 1;
    private const byte Padded = 2;
    private const int HeaderBytes = 5;
    private const float MaxCode = 127f;

    public static byte[] ToBytes(float[] embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var maxAbs = 0f;
        foreach (var value in embedding)
        {
            maxAbs = MathF.Max(maxAbs, MathF.Abs(value));
        }

        var scale = maxAbs / MaxCode;
        var padded = (HeaderBytes + embedding.Length) % 4 == 0;
        var bytes = new byte[HeaderBytes + embedding.Length + (padded ? 1 : 0)];
        bytes[0] = padded ? Padded : Unpadded;
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(1), scale);
        var codes = MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(HeaderBytes, embedding.Length));
        for (var i = 0; i < embedding.Length; i++)
        {
            codes[i] = scale == 0f ? (sbyte)0 : (sbyte)MathF.Round(embedding[i] / scale);
        }

        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length % 4 == 0)
        {
            return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        }

        var count = bytes[0] switch
        {
            Unpadded => bytes.Length - HeaderBytes,
            Padded => bytes.Length - HeaderBytes - 1,
            _ => -1,
        };
        if (count < 0)
        {
            throw new FormatException($"not a stored embedding: format byte {bytes[0]}, {bytes.Length} bytes");
        }

        var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(1));
        var codes = MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(HeaderBytes, count));
        var vector = new float[count];
        for (var i = 0; i < count; i++)
        {
            vector[i] = codes[i] * scale;
        }

        return vector;
    }
}
