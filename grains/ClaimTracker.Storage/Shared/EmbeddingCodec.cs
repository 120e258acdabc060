using System.Runtime.InteropServices;

namespace ClaimTracker.Storage;

/// <summary>Embeddings are stored as raw little-endian float32 bytes.</summary>
public static class EmbeddingCodec
{
    public static byte[] ToBytes(float[] embedding) => MemoryMarshal.AsBytes(embedding.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
