using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace ClaimTracker.Grains.Feed;

/// <summary>
/// A claim feed entry as stored: the serialized change, Brotli-compressed when that makes it smaller. An entry holds the
/// claim's summary as it stood, whose reasons and origin lists repeat the same names, and the feed is half of what a store
/// grows by. A compressed entry is <see cref="Compressed"/>, the serialized length (4 bytes, little-endian), then the
/// Brotli stream; any other entry is the serialized change itself, as every entry stored before 2026-12-07 is. A
/// serialized change never starts with <see cref="Compressed"/>: it opens with its object's field header (0x20).
/// </summary>
public static class FeedPayload
{
    public const byte Compressed = 0x02;

    private const int HeaderBytes = 5;
    private const int Quality = 1;
    private const int Window = 22;

    /// <summary>No entry is larger: a claim's summary lists a bounded number of origins and reasons.</summary>
    private const int MaxLength = 64 * 1024 * 1024;

    public static byte[] Pack(byte[] serialized)
    {
        ArgumentNullException.ThrowIfNull(serialized);
        if (serialized.Length <= HeaderBytes)
        {
            return serialized;
        }

        // Only a result smaller than the entry is kept, so the compressed stream never needs more room than that.
        var buffer = ArrayPool<byte>.Shared.Rent(serialized.Length);
        try
        {
            var room = buffer.AsSpan(HeaderBytes, serialized.Length - HeaderBytes);
            if (!BrotliEncoder.TryCompress(serialized, room, out var written, Quality, Window)
                || HeaderBytes + written >= serialized.Length)
            {
                return serialized;
            }

            var packed = new byte[HeaderBytes + written];
            packed[0] = Compressed;
            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1), serialized.Length);
            buffer.AsSpan(HeaderBytes, written).CopyTo(packed.AsSpan(HeaderBytes));
            return packed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Unpack(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length < HeaderBytes || stored[0] != Compressed)
        {
            return stored;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1));
        var serialized = length is >= 0 and <= MaxLength ? new byte[length] : null;
        if (serialized is null
            || !BrotliDecoder.TryDecompress(stored.AsSpan(HeaderBytes), serialized, out var written)
            || written != length)
        {
            throw new InvalidDataException($"a claim feed entry of {stored.Length} bytes does not decompress to its {length} bytes");
        }

        return serialized;
    }
}
